// k8s.io/api/autoscaling/v1: HorizontalPodAutoscaler (what `kubectl autoscale` posts, in protobuf from 1.32).

import { type MessageType, P, i32, i64, obj, str, time } from "../schema";
import { ObjectMeta } from "./meta";

const CrossVersionObjectReference: MessageType = {
  1: str("kind"),
  2: str("name"),
  3: str("apiVersion"),
};

const HorizontalPodAutoscalerSpec: MessageType = {
  1: obj("scaleTargetRef", () => CrossVersionObjectReference),
  2: i32("minReplicas", P),
  3: i32("maxReplicas"),
  4: i32("targetCPUUtilizationPercentage", P),
};

const HorizontalPodAutoscalerStatus: MessageType = {
  1: i64("observedGeneration", P),
  2: time("lastScaleTime"),
  3: i32("currentReplicas"),
  4: i32("desiredReplicas"),
  5: i32("currentCPUUtilizationPercentage", P),
};

export const HorizontalPodAutoscalerV1: MessageType = {
  1: obj("metadata", () => ObjectMeta),
  2: obj("spec", () => HorizontalPodAutoscalerSpec),
  3: obj("status", () => HorizontalPodAutoscalerStatus),
};
