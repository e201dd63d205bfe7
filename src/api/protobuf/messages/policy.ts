// k8s.io/api/policy/v1: PodDisruptionBudget and Eviction.

import { type MessageType, P, i32, i64, intOrStr, list, obj, str, timeMap } from "../schema.js";
import { Condition, DeleteOptions, LabelSelector, ObjectMeta } from "./meta.js";

export const PodDisruptionBudget: MessageType = {
  1: obj("metadata", () => ObjectMeta),
  2: obj("spec", () => ({
    1: intOrStr("minAvailable", P),
    2: obj("selector", () => LabelSelector),
    3: intOrStr("maxUnavailable", P),
    4: str("unhealthyPodEvictionPolicy", P),
  })),
  3: obj("status", () => ({
    1: i64("observedGeneration"),
    2: timeMap("disruptedPods"),
    3: i32("disruptionsAllowed"),
    4: i32("currentHealthy"),
    5: i32("desiredHealthy"),
    6: i32("expectedPods"),
    7: list("conditions", () => Condition),
  })),
};

export const Eviction: MessageType = {
  1: obj("metadata", () => ObjectMeta),
  2: obj("deleteOptions", () => DeleteOptions),
};
