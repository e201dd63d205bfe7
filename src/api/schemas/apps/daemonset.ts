// apps/v1 DaemonSet.
import { z } from "zod";
import { gvk, int, int32, list, mapKeys, patch, ref, str, typeMetaFields } from "../fields";
import { IntOrString, LabelSelector, objectMetadata, Time } from "../meta";
import { PodTemplateSpec } from "../core/pod";

export const RollingUpdateDaemonSet = z
  .object({
    maxUnavailable: ref(IntOrString, "Nodes (count or percentage) whose pod may be unavailable during the update; defaults to 1.").optional(),
    maxSurge: ref(IntOrString, "Nodes (count or percentage) that may run an extra new pod during the update; defaults to 0.").optional(),
  })
  .meta({ id: "io.k8s.api.apps.v1.RollingUpdateDaemonSet", description: "Pacing of a DaemonSet rolling update." });

export const DaemonSetUpdateStrategy = z
  .object({
    type: str("RollingUpdate or OnDelete; defaults to RollingUpdate.").optional(),
    rollingUpdate: ref(RollingUpdateDaemonSet, "Rolling update parameters, for type RollingUpdate.").optional(),
  })
  .meta({ id: "io.k8s.api.apps.v1.DaemonSetUpdateStrategy", description: "How DaemonSet pods are replaced on update." });

export const DaemonSetSpec = z
  .object({
    selector: ref(LabelSelector, "Selects the pods the DaemonSet manages; must match the template labels."),
    template: ref(PodTemplateSpec, "Template of the pod run on each node."),
    updateStrategy: ref(DaemonSetUpdateStrategy, "How pods are replaced on update.").optional(),
    minReadySeconds: int32("Seconds a new pod must be ready before it counts as available.").optional(),
    revisionHistoryLimit: int32("Old revisions kept for rollback; defaults to 10.").optional(),
  })
  .meta({ id: "io.k8s.api.apps.v1.DaemonSetSpec", description: "The desired state of a DaemonSet." });
export type DaemonSetSpec = z.infer<typeof DaemonSetSpec>;

export const DaemonSetCondition = z
  .object({
    type: str("Condition type."),
    status: str("True, False or Unknown."),
    lastTransitionTime: ref(Time, "When the status last changed.").optional(),
    reason: str("CamelCase reason for the last transition.").optional(),
    message: str("Human-readable detail about the last transition.").optional(),
  })
  .meta({ id: "io.k8s.api.apps.v1.DaemonSetCondition", description: "One aspect of a DaemonSet's state." });

export const DaemonSetStatus = z
  .object({
    currentNumberScheduled: int("Nodes running at least one daemon pod that should."),
    numberMisscheduled: int("Nodes running a daemon pod that should not."),
    desiredNumberScheduled: int("Nodes that should run the daemon pod."),
    numberReady: int("Nodes whose daemon pod is ready."),
    observedGeneration: int("Generation last acted on.").optional(),
    updatedNumberScheduled: int("Nodes running the updated daemon pod.").optional(),
    numberAvailable: int("Nodes whose daemon pod has been ready for minReadySeconds.").optional(),
    numberUnavailable: int("Nodes that should run an available daemon pod but do not.").optional(),
    collisionCount: int("Count of hash collisions, used to name new revisions.").optional(),
    conditions: list(DaemonSetCondition, "Current conditions.", patch("merge", "type"), mapKeys("type")).optional(),
  })
  .meta({ id: "io.k8s.api.apps.v1.DaemonSetStatus", description: "The observed state of a DaemonSet." });

export const DaemonSet = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    spec: ref(DaemonSetSpec, "Desired state of the DaemonSet.").optional(),
    status: ref(DaemonSetStatus, "Observed state of the DaemonSet.").optional(),
  })
  .meta({ id: "io.k8s.api.apps.v1.DaemonSet", description: "Runs a copy of a pod on each eligible node.", ...gvk("apps", "v1", "DaemonSet") });
export type DaemonSet = z.infer<typeof DaemonSet>;
