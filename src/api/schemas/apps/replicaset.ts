// apps/v1 ReplicaSet.
import { z } from "zod";
import { gvk, int, int32, list, mapKeys, patch, ref, str, typeMetaFields } from "../fields";
import { LabelSelector, objectMetadata, Time } from "../meta";
import { PodTemplateSpec } from "../core/pod";

export const ReplicaSetSpec = z
  .object({
    replicas: int32("Desired number of pods; defaults to 1.").optional(),
    minReadySeconds: int32("Seconds a new pod must be ready before it counts as available.").optional(),
    selector: ref(LabelSelector, "Selects the pods the ReplicaSet manages; must match the template labels."),
    template: ref(PodTemplateSpec, "Template of the pods created.").optional(),
  })
  .meta({ id: "io.k8s.api.apps.v1.ReplicaSetSpec", description: "The desired state of a ReplicaSet." });
export type ReplicaSetSpec = z.infer<typeof ReplicaSetSpec>;

export const ReplicaSetCondition = z
  .object({
    type: str("Condition type, e.g. ReplicaFailure."),
    status: str("True, False or Unknown."),
    lastTransitionTime: ref(Time, "When the status last changed.").optional(),
    reason: str("CamelCase reason for the last transition.").optional(),
    message: str("Human-readable detail about the last transition.").optional(),
  })
  .meta({ id: "io.k8s.api.apps.v1.ReplicaSetCondition", description: "One aspect of a ReplicaSet's state." });

export const ReplicaSetStatus = z
  .object({
    replicas: int("Most recently observed number of non-terminating pods."),
    fullyLabeledReplicas: int("Pods whose labels match the template.").optional(),
    readyReplicas: int("Ready pods.").optional(),
    availableReplicas: int("Pods ready for at least minReadySeconds.").optional(),
    terminatingReplicas: int("Pods that are terminating.").optional(),
    observedGeneration: int("Generation last acted on.").optional(),
    conditions: list(ReplicaSetCondition, "Current conditions.", patch("merge", "type"), mapKeys("type")).optional(),
  })
  .meta({ id: "io.k8s.api.apps.v1.ReplicaSetStatus", description: "The observed state of a ReplicaSet." });

export const ReplicaSet = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    spec: ref(ReplicaSetSpec, "Desired state of the ReplicaSet.").optional(),
    status: ref(ReplicaSetStatus, "Observed state of the ReplicaSet.").optional(),
  })
  .meta({ id: "io.k8s.api.apps.v1.ReplicaSet", description: "Keeps a number of identical pods running.", ...gvk("apps", "v1", "ReplicaSet") });
export type ReplicaSet = z.infer<typeof ReplicaSet>;
