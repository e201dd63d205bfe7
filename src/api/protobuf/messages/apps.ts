// k8s.io/api/apps/v1: Deployment.

import { type MessageType, P, bool, i32, i64, intOrStr, list, obj, str, time } from "../schema";
import { PodTemplateSpec } from "./core-pod";
import { LabelSelector, ObjectMeta } from "./meta";

const DeploymentSpec: MessageType = {
  1: i32("replicas", P),
  2: obj("selector", () => LabelSelector),
  3: obj("template", () => PodTemplateSpec),
  4: obj("strategy", () => ({
    1: str("type"),
    2: obj("rollingUpdate", () => ({ 1: intOrStr("maxUnavailable", P), 2: intOrStr("maxSurge", P) })),
  })),
  5: i32("minReadySeconds"),
  6: i32("revisionHistoryLimit", P),
  7: bool("paused"),
  9: i32("progressDeadlineSeconds", P),
};

const DeploymentStatus: MessageType = {
  1: i64("observedGeneration"),
  2: i32("replicas"),
  3: i32("updatedReplicas"),
  4: i32("availableReplicas"),
  5: i32("unavailableReplicas"),
  6: list("conditions", () => ({
    1: str("type"),
    2: str("status"),
    4: str("reason"),
    5: str("message"),
    6: time("lastUpdateTime"),
    7: time("lastTransitionTime"),
  })),
  7: i32("readyReplicas"),
  8: i32("collisionCount", P),
  9: i32("terminatingReplicas", P),
};

export const Deployment: MessageType = {
  1: obj("metadata", () => ObjectMeta),
  2: obj("spec", () => DeploymentSpec),
  3: obj("status", () => DeploymentStatus),
};
