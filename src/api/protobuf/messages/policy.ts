// k8s.io/api/policy/v1: Eviction (the body of pods/eviction) and PodDisruptionBudget (`kubectl create pdb` sends it
// as protobuf from 1.32).

import { type MessageType, P, i32, i64, intOrStr, list, obj, str, timeMap } from "../schema";
import { Condition, DeleteOptions, LabelSelector, ObjectMeta } from "./meta";

export const Eviction: MessageType = {
  1: obj("metadata", () => ObjectMeta),
  2: obj("deleteOptions", () => DeleteOptions),
};

const PodDisruptionBudgetSpec: MessageType = {
  1: intOrStr("minAvailable", P),
  2: obj("selector", () => LabelSelector),
  3: intOrStr("maxUnavailable", P),
  4: str("unhealthyPodEvictionPolicy", P),
};

const PodDisruptionBudgetStatus: MessageType = {
  1: i64("observedGeneration"),
  2: timeMap("disruptedPods"),
  3: i32("disruptionsAllowed"),
  4: i32("currentHealthy"),
  5: i32("desiredHealthy"),
  6: i32("expectedPods"),
  7: list("conditions", () => Condition),
};

export const PodDisruptionBudget: MessageType = {
  1: obj("metadata", () => ObjectMeta),
  2: obj("spec", () => PodDisruptionBudgetSpec),
  3: obj("status", () => PodDisruptionBudgetStatus),
};
