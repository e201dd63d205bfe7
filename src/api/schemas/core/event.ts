// core/v1 Event (the legacy event API that `kubectl describe` and `kubectl get events` read).
import { z } from "zod";
import { gvk, int, ref, str, typeMetaFields } from "../fields";
import { MicroTime, ObjectMeta, ObjectReference, Time } from "../meta";

export const EventSource = z
  .object({
    component: str("Component that reported the event.").optional(),
    host: str("Node the event was reported from.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.EventSource", description: "Who reported an event." });

export const EventSeries = z
  .object({
    count: int("Number of occurrences in the series so far.").optional(),
    lastObservedTime: ref(MicroTime, "When the last occurrence was seen.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.EventSeries", description: "A series of repeated occurrences of an event." });

export const Event = z
  .object({
    ...typeMetaFields,
    metadata: ref(ObjectMeta, "Standard object metadata."),
    involvedObject: ref(ObjectReference, "Object the event is about."),
    reason: str("Short CamelCase reason for the event.").optional(),
    message: str("Human-readable description of the event.").optional(),
    source: ref(EventSource, "Component that reported the event.").optional(),
    firstTimestamp: ref(Time, "When the event was first recorded.").optional(),
    lastTimestamp: ref(Time, "When the event most recently happened.").optional(),
    count: int("Number of times the event happened.").optional(),
    type: str("Normal or Warning.").optional(),
    eventTime: ref(MicroTime, "When the event first happened, with microseconds.").optional(),
    series: ref(EventSeries, "Repetition data of the event.").optional(),
    action: str("Action taken or failed regarding the object.").optional(),
    related: ref(ObjectReference, "Secondary object the event is about.").optional(),
    reportingComponent: str("Controller that emitted the event, e.g. kubernetes.io/kubelet.").optional(),
    reportingInstance: str("Instance of the controller that emitted the event.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.Event", description: "A report of something that happened in the cluster.", ...gvk("", "v1", "Event") });
export type Event = z.infer<typeof Event>;
