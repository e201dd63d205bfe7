// apps/v1 Deployment.
import { z } from "zod";
import { bool, gvk, int, int32, list, mapKeys, patch, ref, str, typeMetaFields } from "../fields";
import { IntOrString, LabelSelector, objectMetadata, Time } from "../meta";
import { PodTemplateSpec } from "../core/pod";

export const RollingUpdateDeployment = z
  .object({
    maxUnavailable: ref(IntOrString, "Pods (count or percentage) that may be unavailable during the update; defaults to 25%.").optional(),
    maxSurge: ref(IntOrString, "Pods (count or percentage) created above the desired count during the update; defaults to 25%.").optional(),
  })
  .meta({ id: "io.k8s.api.apps.v1.RollingUpdateDeployment", description: "Pacing of a rolling update." });

export const DeploymentStrategy = z
  .object({
    type: str("Recreate or RollingUpdate; defaults to RollingUpdate.").optional(),
    rollingUpdate: ref(RollingUpdateDeployment, "Rolling update parameters, for type RollingUpdate.").optional(),
  })
  .meta({ id: "io.k8s.api.apps.v1.DeploymentStrategy", description: "How old pods are replaced by new ones." });
export type DeploymentStrategy = z.infer<typeof DeploymentStrategy>;

export const DeploymentSpec = z
  .object({
    replicas: int32("Desired number of pods; defaults to 1.").optional(),
    selector: ref(LabelSelector, "Selects the pods the Deployment manages; must match the template labels."),
    template: ref(PodTemplateSpec, "Template of the pods created."),
    strategy: ref(DeploymentStrategy, "How pods are replaced on update.", patch("retainKeys")).optional(),
    minReadySeconds: int32("Seconds a new pod must be ready before it counts as available.").optional(),
    revisionHistoryLimit: int32("Old ReplicaSets kept for rollback; defaults to 10.").optional(),
    paused: bool("Pauses rollouts of template changes.").optional(),
    progressDeadlineSeconds: int32("Seconds without progress before the rollout is reported failed; defaults to 600.").optional(),
  })
  .meta({ id: "io.k8s.api.apps.v1.DeploymentSpec", description: "The desired state of a Deployment." });
export type DeploymentSpec = z.infer<typeof DeploymentSpec>;

export const DeploymentCondition = z
  .object({
    type: str("Condition type: Available, Progressing or ReplicaFailure."),
    status: str("True, False or Unknown."),
    lastUpdateTime: ref(Time, "When the condition was last updated.").optional(),
    lastTransitionTime: ref(Time, "When the status last changed.").optional(),
    reason: str("CamelCase reason for the last transition.").optional(),
    message: str("Human-readable detail about the last transition.").optional(),
  })
  .meta({ id: "io.k8s.api.apps.v1.DeploymentCondition", description: "One aspect of a Deployment's state." });

export const DeploymentStatus = z
  .object({
    observedGeneration: int("Generation last acted on by the controller.").optional(),
    replicas: int("Non-terminating pods targeted by the Deployment.").optional(),
    updatedReplicas: int("Non-terminating pods with the current template.").optional(),
    readyReplicas: int("Ready pods.").optional(),
    availableReplicas: int("Pods ready for at least minReadySeconds.").optional(),
    unavailableReplicas: int("Pods still needed for full availability.").optional(),
    terminatingReplicas: int("Pods that are terminating.").optional(),
    conditions: list(DeploymentCondition, "Current conditions.", patch("merge", "type"), mapKeys("type")).optional(),
    collisionCount: int("Count of hash collisions, used to name new ReplicaSets.").optional(),
  })
  .meta({ id: "io.k8s.api.apps.v1.DeploymentStatus", description: "The observed state of a Deployment." });

export const Deployment = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    spec: ref(DeploymentSpec, "Desired state of the Deployment.").optional(),
    status: ref(DeploymentStatus, "Observed state of the Deployment.").optional(),
  })
  .meta({
    id: "io.k8s.api.apps.v1.Deployment",
    description: "Declarative updates of pods through ReplicaSets.",
    ...gvk("apps", "v1", "Deployment"),
  });
export type Deployment = z.infer<typeof Deployment>;
