// events.k8s.io/v1 Event. Exported as EventsEvent to keep it apart from the core/v1 Event.
import { z } from "zod";
import { gvk, int, ref, str, typeMetaFields } from "../fields";
import { MicroTime, objectMetadata, ObjectReference, Time } from "../meta";
import { EventSource } from "../core/event";

export const EventsEventSeries = z
  .object({
    count: int("Number of occurrences in the series so far."),
    lastObservedTime: ref(MicroTime, "When the last occurrence was seen."),
  })
  .meta({ id: "io.k8s.api.events.v1.EventSeries", description: "A series of repeated occurrences of an event." });

export const EventsEvent = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    eventTime: ref(MicroTime, "When the event first happened."),
    series: ref(EventsEventSeries, "Repetition data of the event.").optional(),
    reportingController: str("Controller that emitted the event, e.g. kubernetes.io/kubelet.").optional(),
    reportingInstance: str("Instance of the controller that emitted the event.").optional(),
    action: str("Action taken or failed regarding the object.").optional(),
    reason: str("Short CamelCase reason for the action.").optional(),
    regarding: ref(ObjectReference, "Object the event is about.").optional(),
    related: ref(ObjectReference, "Secondary object the event is about.").optional(),
    note: str("Human-readable description of the event.").optional(),
    type: str("Normal or Warning.").optional(),
    deprecatedSource: ref(EventSource, "Reporter, kept for core/v1 compatibility.").optional(),
    deprecatedFirstTimestamp: ref(Time, "First occurrence, kept for core/v1 compatibility.").optional(),
    deprecatedLastTimestamp: ref(Time, "Last occurrence, kept for core/v1 compatibility.").optional(),
    deprecatedCount: int("Occurrence count, kept for core/v1 compatibility.").optional(),
  })
  .meta({
    id: "io.k8s.api.events.v1.Event",
    description: "A report of something that happened in the cluster.",
    ...gvk("events.k8s.io", "v1", "Event"),
  });
export type EventsEvent = z.infer<typeof EventsEvent>;
