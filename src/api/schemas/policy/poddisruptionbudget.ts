// policy/v1 PodDisruptionBudget: how many pods of a set may be down at once for voluntary disruptions (evictions).
import { z } from "zod";
import { gvk, int, int32, list, mapKeys, patch, ref, str, typeMetaFields } from "../fields";
import { Condition, IntOrString, LabelSelector, ObjectMeta, Time } from "../meta";

export const PodDisruptionBudgetSpec = z
  .object({
    minAvailable: ref(IntOrString, "Pods (count or percentage) that must still be available after an eviction; exclusive with maxUnavailable.").optional(),
    selector: ref(LabelSelector, "Pods the budget guards; a null selector matches no pods, an empty one every pod of the namespace.", {
      "x-kubernetes-patch-strategy": "replace",
    }).optional(),
    maxUnavailable: ref(IntOrString, "Pods (count or percentage) that may be unavailable after an eviction; exclusive with minAvailable.").optional(),
    unhealthyPodEvictionPolicy: str("When running but not ready pods may be evicted: IfHealthyBudget (the default) or AlwaysAllow.").optional(),
  })
  .meta({ id: "io.k8s.api.policy.v1.PodDisruptionBudgetSpec", description: "The pods a budget guards and how many may be disrupted." });

// The four counts are required in the API's OpenAPI, but a body without them decodes (to 0) in the apiserver: kubectl
// 1.32+ `create pdb` sends an empty status in protobuf, whose zero counts are absent on the wire.
export const PodDisruptionBudgetStatus = z
  .object({
    observedGeneration: int("Most recent generation the disruption controller has observed.").optional(),
    disruptedPods: z
      .record(z.string(), Time)
      .meta({ description: "Pods whose eviction the API server approved but the controller has not yet seen deleted, with the time of approval." })
      .optional(),
    disruptionsAllowed: int32("Number of pod disruptions currently allowed.").optional(),
    currentHealthy: int32("Current number of healthy pods.").optional(),
    desiredHealthy: int32("Minimum desired number of healthy pods.").optional(),
    expectedPods: int32("Total number of pods counted by this budget.").optional(),
    conditions: list(Condition, "Conditions of the budget; the disruption controller sets DisruptionAllowed.", patch("merge", "type"), mapKeys("type")).optional(),
  })
  .meta({ id: "io.k8s.api.policy.v1.PodDisruptionBudgetStatus", description: "The observed state of a PodDisruptionBudget; may trail the system." });

export const PodDisruptionBudget = z
  .object({
    ...typeMetaFields,
    metadata: ref(ObjectMeta, "Standard object metadata.").optional(),
    spec: ref(PodDisruptionBudgetSpec, "Desired behaviour of the budget.").optional(),
    status: ref(PodDisruptionBudgetStatus, "Most recently observed status of the budget.").optional(),
  })
  .meta({
    id: "io.k8s.api.policy.v1.PodDisruptionBudget",
    description: "An object to define the max disruption that can be caused to a collection of pods.",
    ...gvk("policy", "v1", "PodDisruptionBudget"),
  });
export type PodDisruptionBudget = z.infer<typeof PodDisruptionBudget>;
export type PodDisruptionBudgetSpec = z.infer<typeof PodDisruptionBudgetSpec>;
export type PodDisruptionBudgetStatus = z.infer<typeof PodDisruptionBudgetStatus>;
