// apps/v1 StatefulSet.
import { z } from "zod";
import { gvk, int, int32, list, mapKeys, patch, ref, str, typeMetaFields } from "../fields";
import { IntOrString, LabelSelector, objectMetadata, Time } from "../meta";
import { PodTemplateSpec } from "../core/pod";
import { PersistentVolumeClaim } from "../core/persistentvolumeclaim";

export const RollingUpdateStatefulSetStrategy = z
  .object({
    partition: int32("Pods with an ordinal below this keep the old revision during a rolling update; defaults to 0.").optional(),
    maxUnavailable: ref(IntOrString, "Pods (count or percentage) that may be unavailable during the update (alpha: MaxUnavailableStatefulSet).").optional(),
  })
  .meta({ id: "io.k8s.api.apps.v1.RollingUpdateStatefulSetStrategy", description: "Parameters of a StatefulSet rolling update." });

export const StatefulSetUpdateStrategy = z
  .object({
    type: str("RollingUpdate or OnDelete; defaults to RollingUpdate.").optional(),
    rollingUpdate: ref(RollingUpdateStatefulSetStrategy, "Rolling update parameters, for type RollingUpdate.").optional(),
  })
  .meta({ id: "io.k8s.api.apps.v1.StatefulSetUpdateStrategy", description: "How StatefulSet pods are replaced on update." });
export type StatefulSetUpdateStrategy = z.infer<typeof StatefulSetUpdateStrategy>;

export const StatefulSetPersistentVolumeClaimRetentionPolicy = z
  .object({
    whenDeleted: str("Retain or Delete: what happens to the claims when the StatefulSet is deleted; defaults to Retain.").optional(),
    whenScaled: str("Retain or Delete: what happens to a scaled-down pod's claims; defaults to Retain.").optional(),
  })
  .meta({
    id: "io.k8s.api.apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy",
    description: "What happens to the claims of volumeClaimTemplates when the StatefulSet is deleted or scaled down.",
  });

export const StatefulSetOrdinals = z
  .object({
    start: int32("The number of the first replica; defaults to 0.").optional(),
  })
  .meta({ id: "io.k8s.api.apps.v1.StatefulSetOrdinals", description: "The numbering of a StatefulSet's replicas." });

export const StatefulSetSpec = z
  .object({
    replicas: int32("Desired number of pods; defaults to 1.").optional(),
    selector: ref(LabelSelector, "Selects the pods the StatefulSet manages; must match the template labels."),
    template: ref(PodTemplateSpec, "Template of the pods created; each gets a unique identity."),
    volumeClaimTemplates: list(PersistentVolumeClaim, "Claims each pod gets, named <template>-<statefulset>-<ordinal>.", { "x-kubernetes-list-type": "atomic" }).optional(),
    serviceName: str("The governing (headless) Service: pods get <pod>.<serviceName> DNS names.").optional(),
    podManagementPolicy: str("OrderedReady (one at a time, in order) or Parallel; defaults to OrderedReady.").optional(),
    updateStrategy: ref(StatefulSetUpdateStrategy, "How pods are replaced when the template changes.").optional(),
    revisionHistoryLimit: int32("ControllerRevisions kept for rollback; defaults to 10.").optional(),
    minReadySeconds: int32("Seconds a new pod must be ready before it counts as available.").optional(),
    persistentVolumeClaimRetentionPolicy: ref(StatefulSetPersistentVolumeClaimRetentionPolicy, "What happens to the claims on deletion and scale-down.").optional(),
    ordinals: ref(StatefulSetOrdinals, "The numbering of the replicas.").optional(),
  })
  .meta({ id: "io.k8s.api.apps.v1.StatefulSetSpec", description: "The desired state of a StatefulSet." });
export type StatefulSetSpec = z.infer<typeof StatefulSetSpec>;

export const StatefulSetCondition = z
  .object({
    type: str("Condition type."),
    status: str("True, False or Unknown."),
    lastTransitionTime: ref(Time, "When the status last changed.").optional(),
    reason: str("CamelCase reason for the last transition.").optional(),
    message: str("Human-readable detail about the last transition.").optional(),
  })
  .meta({ id: "io.k8s.api.apps.v1.StatefulSetCondition", description: "One aspect of a StatefulSet's state." });

export const StatefulSetStatus = z
  .object({
    observedGeneration: int("Generation last acted on by the controller.").optional(),
    replicas: int("Pods created by the controller."),
    readyReplicas: int("Pods that are Running and Ready.").optional(),
    currentReplicas: int("Pods at the current revision.").optional(),
    updatedReplicas: int("Pods at the update revision.").optional(),
    currentRevision: str("The revision that made the pods up to currentReplicas.").optional(),
    updateRevision: str("The revision that makes the pods up to updatedReplicas.").optional(),
    collisionCount: int("Count of hash collisions, used to name new ControllerRevisions.").optional(),
    conditions: list(StatefulSetCondition, "Current conditions.", patch("merge", "type"), mapKeys("type")).optional(),
    availableReplicas: int("Pods ready for at least minReadySeconds."),
  })
  .meta({ id: "io.k8s.api.apps.v1.StatefulSetStatus", description: "The observed state of a StatefulSet." });

export const StatefulSet = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    spec: ref(StatefulSetSpec, "Desired state of the StatefulSet.").optional(),
    status: ref(StatefulSetStatus, "Observed state of the StatefulSet.").optional(),
  })
  .meta({
    id: "io.k8s.api.apps.v1.StatefulSet",
    description: "Pods with stable names, storage and order, created from one template.",
    ...gvk("apps", "v1", "StatefulSet"),
  });
export type StatefulSet = z.infer<typeof StatefulSet>;
