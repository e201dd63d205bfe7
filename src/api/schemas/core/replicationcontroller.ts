// ReplicationController.
import { z } from "zod";
import { atomicMap, gvk, int, int32, list, mapKeys, patch, ref, str, strMap, typeMetaFields } from "../fields";
import { objectMetadata, Time } from "../meta";
import { PodTemplateSpec } from "./pod";

export const ReplicationControllerSpec = z
  .object({
    replicas: int32("Desired number of pods; defaults to 1.").optional(),
    minReadySeconds: int32("Seconds a new pod must be ready before it counts as available.").optional(),
    selector: strMap("Labels of the pods the controller manages.", atomicMap).optional(),
    template: ref(PodTemplateSpec, "Template of the pods created.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.ReplicationControllerSpec", description: "The desired state of a ReplicationController." });
export type ReplicationControllerSpec = z.infer<typeof ReplicationControllerSpec>;

export const ReplicationControllerCondition = z
  .object({
    type: str("Condition type, e.g. ReplicaFailure."),
    status: str("True, False or Unknown."),
    lastTransitionTime: ref(Time, "When the status last changed.").optional(),
    reason: str("CamelCase reason for the last transition.").optional(),
    message: str("Human-readable detail about the last transition.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.ReplicationControllerCondition", description: "One aspect of a ReplicationController's state." });

export const ReplicationControllerStatus = z
  .object({
    replicas: int("Most recently observed number of pods."),
    fullyLabeledReplicas: int("Pods whose labels match the template.").optional(),
    readyReplicas: int("Ready pods.").optional(),
    availableReplicas: int("Pods ready for at least minReadySeconds.").optional(),
    observedGeneration: int("Generation last acted on.").optional(),
    conditions: list(ReplicationControllerCondition, "Current conditions.", patch("merge", "type"), mapKeys("type")).optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.ReplicationControllerStatus", description: "The observed state of a ReplicationController." });

export const ReplicationController = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    spec: ref(ReplicationControllerSpec, "Desired state.").optional(),
    status: ref(ReplicationControllerStatus, "Observed state.").optional(),
  })
  .meta({
    id: "io.k8s.api.core.v1.ReplicationController",
    description: "Keeps a number of pod replicas running (superseded by Deployments).",
    ...gvk("", "v1", "ReplicationController"),
  });
export type ReplicationController = z.infer<typeof ReplicationController>;
