// k8s.io/api/autoscaling v1 and v2: HorizontalPodAutoscaler. kubectl 1.33's `autoscale` sends autoscaling/v2.

import { type MessageType, P, i32, i64, list, obj, qty, str, time } from "../schema.js";
import { Condition, LabelSelector, ObjectMeta } from "./meta.js";

const CrossVersionObjectReference: MessageType = { 1: str("kind"), 2: str("name"), 3: str("apiVersion") };

export const HorizontalPodAutoscalerV1: MessageType = {
  1: obj("metadata", () => ObjectMeta),
  2: obj("spec", () => ({
    1: obj("scaleTargetRef", () => CrossVersionObjectReference),
    2: i32("minReplicas", P),
    3: i32("maxReplicas"),
    4: i32("targetCPUUtilizationPercentage", P),
  })),
  3: obj("status", () => ({
    1: i64("observedGeneration", P),
    2: time("lastScaleTime"),
    3: i32("currentReplicas"),
    4: i32("desiredReplicas"),
    5: i32("currentCPUUtilizationPercentage", P),
  })),
};

const MetricTarget: MessageType = {
  1: str("type"),
  2: qty("value", P),
  3: qty("averageValue", P),
  4: i32("averageUtilization", P),
};

const MetricValueStatus: MessageType = {
  1: qty("value", P),
  2: qty("averageValue", P),
  3: i32("averageUtilization", P),
};

const MetricIdentifier: MessageType = { 1: str("name"), 2: obj("selector", () => LabelSelector) };

const MetricSpec: MessageType = {
  1: str("type"),
  2: obj("object", () => ({
    1: obj("describedObject", () => CrossVersionObjectReference),
    2: obj("target", () => MetricTarget),
    3: obj("metric", () => MetricIdentifier),
  })),
  3: obj("pods", () => ({ 1: obj("metric", () => MetricIdentifier), 2: obj("target", () => MetricTarget) })),
  4: obj("resource", () => ({ 1: str("name"), 2: obj("target", () => MetricTarget) })),
  5: obj("external", () => ({ 1: obj("metric", () => MetricIdentifier), 2: obj("target", () => MetricTarget) })),
  7: obj("containerResource", () => ({ 1: str("name"), 2: obj("target", () => MetricTarget), 3: str("container") })),
};

const MetricStatus: MessageType = {
  1: str("type"),
  2: obj("object", () => ({
    1: obj("metric", () => MetricIdentifier),
    2: obj("current", () => MetricValueStatus),
    3: obj("describedObject", () => CrossVersionObjectReference),
  })),
  3: obj("pods", () => ({ 1: obj("metric", () => MetricIdentifier), 2: obj("current", () => MetricValueStatus) })),
  4: obj("resource", () => ({ 1: str("name"), 2: obj("current", () => MetricValueStatus) })),
  5: obj("external", () => ({ 1: obj("metric", () => MetricIdentifier), 2: obj("current", () => MetricValueStatus) })),
  7: obj("containerResource", () => ({
    1: str("name"),
    2: obj("current", () => MetricValueStatus),
    3: str("container"),
  })),
};

const ScalingRules: MessageType = {
  1: str("selectPolicy", P),
  2: list("policies", () => ({ 1: str("type"), 2: i32("value"), 3: i32("periodSeconds") })),
  3: i32("stabilizationWindowSeconds", P),
  4: qty("tolerance", P),
};

export const HorizontalPodAutoscalerV2: MessageType = {
  1: obj("metadata", () => ObjectMeta),
  2: obj("spec", () => ({
    1: obj("scaleTargetRef", () => CrossVersionObjectReference),
    2: i32("minReplicas", P),
    3: i32("maxReplicas"),
    4: list("metrics", () => MetricSpec),
    5: obj("behavior", () => ({ 1: obj("scaleUp", () => ScalingRules), 2: obj("scaleDown", () => ScalingRules) })),
  })),
  3: obj("status", () => ({
    1: i64("observedGeneration", P),
    2: time("lastScaleTime"),
    3: i32("currentReplicas"),
    4: i32("desiredReplicas"),
    5: list("currentMetrics", () => MetricStatus),
    6: list("conditions", () => Condition),
  })),
};
