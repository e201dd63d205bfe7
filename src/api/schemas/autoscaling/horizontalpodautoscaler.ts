// autoscaling/v2 HorizontalPodAutoscaler: scales a workload's replicas through its scale subresource so that the
// metrics it names stay at their targets.
import { z } from "zod";
import { atomic, gvk, int, int32, list, mapKeys, patch, ref, str, typeMetaFields } from "../fields";
import { LabelSelector, objectMetadata, Quantity, Time } from "../meta";

// Quantities are used bare (not through `ref`), so that the decoder recognises them and refuses malformed ones (400).

export const CrossVersionObjectReference = z
  .object({
    kind: str("Kind of the referent, e.g. Deployment."),
    name: str("Name of the referent."),
    apiVersion: str("API version of the referent, e.g. apps/v1.").optional(),
  })
  .meta({ id: "io.k8s.api.autoscaling.v2.CrossVersionObjectReference", description: "Enough information to identify the referred resource." });

export const MetricIdentifier = z
  .object({
    name: str("Name of the given metric."),
    selector: ref(LabelSelector, "Label selector narrowing the metric's series; unset means the name alone.").optional(),
  })
  .meta({ id: "io.k8s.api.autoscaling.v2.MetricIdentifier", description: "Defines the name and optionally selector for a metric." });

export const MetricTarget = z
  .object({
    type: str("Whether the target is a Utilization, Value or AverageValue."),
    value: Quantity.optional(),
    averageValue: Quantity.optional(),
    averageUtilization: int32("Target value of the average of the resource metric across all relevant pods, as a percentage of the pods' requests; only for Resource metrics.").optional(),
  })
  .meta({ id: "io.k8s.api.autoscaling.v2.MetricTarget", description: "The target value, average value, or average utilization of a specific metric." });

export const MetricValueStatus = z
  .object({
    value: Quantity.optional(),
    averageValue: Quantity.optional(),
    averageUtilization: int32("Current value of the average of the resource metric across all relevant pods, as a percentage of the pods' requests.").optional(),
  })
  .meta({ id: "io.k8s.api.autoscaling.v2.MetricValueStatus", description: "The current value of a metric." });

export const ObjectMetricSource = z
  .object({
    describedObject: ref(CrossVersionObjectReference, "The object the metric describes."),
    target: ref(MetricTarget, "Target value for the given metric."),
    metric: ref(MetricIdentifier, "Identifies the target metric by name and selector."),
  })
  .meta({ id: "io.k8s.api.autoscaling.v2.ObjectMetricSource", description: "A metric describing a Kubernetes object (for example, hits-per-second on an Ingress object)." });

export const PodsMetricSource = z
  .object({
    metric: ref(MetricIdentifier, "Identifies the target metric by name and selector."),
    target: ref(MetricTarget, "Target value for the given metric."),
  })
  .meta({ id: "io.k8s.api.autoscaling.v2.PodsMetricSource", description: "A metric describing each pod in the current scale target, averaged across them." });

export const ResourceMetricSource = z
  .object({
    name: str("Name of the resource in question (cpu, memory)."),
    target: ref(MetricTarget, "Target value for the given metric."),
  })
  .meta({ id: "io.k8s.api.autoscaling.v2.ResourceMetricSource", description: "A resource metric known to Kubernetes (as in requests and limits), averaged over the pods of the scale target." });

export const ContainerResourceMetricSource = z
  .object({
    name: str("Name of the resource in question (cpu, memory)."),
    target: ref(MetricTarget, "Target value for the given metric."),
    container: str("Name of the container in the pods of the scaling target."),
  })
  .meta({ id: "io.k8s.api.autoscaling.v2.ContainerResourceMetricSource", description: "A resource metric of one container of each pod of the scale target, averaged over the pods." });

export const ExternalMetricSource = z
  .object({
    metric: ref(MetricIdentifier, "Identifies the target metric by name and selector."),
    target: ref(MetricTarget, "Target value for the given metric."),
  })
  .meta({ id: "io.k8s.api.autoscaling.v2.ExternalMetricSource", description: "A global metric not associated with any Kubernetes object." });

export const MetricSpec = z
  .object({
    type: str("The type of metric source: ContainerResource, External, Object, Pods or Resource, each matching a field of this object."),
    object: ref(ObjectMetricSource, "A metric describing a single Kubernetes object.").optional(),
    pods: ref(PodsMetricSource, "A metric describing each pod in the scale target.").optional(),
    resource: ref(ResourceMetricSource, "A resource metric of each pod in the scale target.").optional(),
    containerResource: ref(ContainerResourceMetricSource, "A resource metric of one container of each pod in the scale target.").optional(),
    external: ref(ExternalMetricSource, "A global metric not associated with any Kubernetes object.").optional(),
  })
  .meta({ id: "io.k8s.api.autoscaling.v2.MetricSpec", description: "The specification for a single metric to scale on." });

export const HPAScalingPolicy = z
  .object({
    type: str("The scaling policy: Pods or Percent."),
    value: int32("The amount of change permitted by the policy; must be greater than zero."),
    periodSeconds: int32("The window of time for which the policy should hold true; more than zero and at most 1800 (30 min)."),
  })
  .meta({ id: "io.k8s.api.autoscaling.v2.HPAScalingPolicy", description: "A single policy which must hold true for a specified past interval." });

export const HPAScalingRules = z
  .object({
    stabilizationWindowSeconds: int32("Seconds past recommendations are considered while scaling; 0 to 3600. Defaults to 0 for scale up and 300 for scale down.").optional(),
    selectPolicy: str("Which policy applies: Max (the default), Min or Disabled.").optional(),
    policies: list(HPAScalingPolicy, "Policies that may be used while scaling; at least one must be given.", atomic).optional(),
  })
  .meta({ id: "io.k8s.api.autoscaling.v2.HPAScalingRules", description: "Scaling behaviour in one direction: policies limit the speed, a stabilization window prevents flapping." });

export const HorizontalPodAutoscalerBehavior = z
  .object({
    scaleUp: ref(HPAScalingRules, "Scaling policy for scaling up; by default the higher of 4 pods or 100% per 15 s, no stabilization.").optional(),
    scaleDown: ref(HPAScalingRules, "Scaling policy for scaling down; by default down to minReplicas with a 300 second stabilization window.").optional(),
  })
  .meta({ id: "io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerBehavior", description: "The scaling behaviour of the target in both directions." });

export const HorizontalPodAutoscalerSpec = z
  .object({
    scaleTargetRef: ref(CrossVersionObjectReference, "The scaled resource; the autoscaler reads metrics of its pods and sets its replicas through its scale subresource."),
    minReplicas: int32("Lower limit for the number of replicas the autoscaler can scale down to; defaults to 1.").optional(),
    maxReplicas: int32("Upper limit for the number of replicas the autoscaler can scale up to; not less than minReplicas."),
    metrics: list(MetricSpec, "The metrics to compute the desired replica count from (the maximum across all metrics is used); defaults to 80% average CPU utilization.", atomic).optional(),
    behavior: ref(HorizontalPodAutoscalerBehavior, "Scaling behaviour in the up and down directions; the defaults when unset.").optional(),
  })
  .meta({ id: "io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerSpec", description: "The desired functionality of the HorizontalPodAutoscaler." });

export const ObjectMetricStatus = z
  .object({
    metric: ref(MetricIdentifier, "Identifies the target metric by name and selector."),
    current: ref(MetricValueStatus, "Current value of the given metric."),
    describedObject: ref(CrossVersionObjectReference, "The object the metric describes."),
  })
  .meta({ id: "io.k8s.api.autoscaling.v2.ObjectMetricStatus", description: "The current value of a metric describing a Kubernetes object." });

export const PodsMetricStatus = z
  .object({
    metric: ref(MetricIdentifier, "Identifies the target metric by name and selector."),
    current: ref(MetricValueStatus, "Current value of the given metric."),
  })
  .meta({ id: "io.k8s.api.autoscaling.v2.PodsMetricStatus", description: "The current value of a metric describing each pod in the scale target." });

export const ResourceMetricStatus = z
  .object({
    name: str("Name of the resource in question."),
    current: ref(MetricValueStatus, "Current value of the given metric."),
  })
  .meta({ id: "io.k8s.api.autoscaling.v2.ResourceMetricStatus", description: "The current value of a resource metric known to Kubernetes." });

export const ContainerResourceMetricStatus = z
  .object({
    name: str("Name of the resource in question."),
    current: ref(MetricValueStatus, "Current value of the given metric."),
    container: str("Name of the container in the pods of the scaling target."),
  })
  .meta({ id: "io.k8s.api.autoscaling.v2.ContainerResourceMetricStatus", description: "The current value of a resource metric of one container of each pod." });

export const ExternalMetricStatus = z
  .object({
    metric: ref(MetricIdentifier, "Identifies the target metric by name and selector."),
    current: ref(MetricValueStatus, "Current value of the given metric."),
  })
  .meta({ id: "io.k8s.api.autoscaling.v2.ExternalMetricStatus", description: "The current value of a global metric not associated with any Kubernetes object." });

export const MetricStatus = z
  .object({
    type: str("The type of metric source: ContainerResource, External, Object, Pods or Resource."),
    object: ref(ObjectMetricStatus, "A metric describing a single Kubernetes object.").optional(),
    pods: ref(PodsMetricStatus, "A metric describing each pod in the scale target.").optional(),
    resource: ref(ResourceMetricStatus, "A resource metric of each pod in the scale target.").optional(),
    containerResource: ref(ContainerResourceMetricStatus, "A resource metric of one container of each pod.").optional(),
    external: ref(ExternalMetricStatus, "A global metric not associated with any Kubernetes object.").optional(),
  })
  .meta({ id: "io.k8s.api.autoscaling.v2.MetricStatus", description: "The last read state of a single metric." });

export const HorizontalPodAutoscalerCondition = z
  .object({
    type: str("Type of the condition: AbleToScale, ScalingActive or ScalingLimited."),
    status: str("Status of the condition: True, False or Unknown."),
    lastTransitionTime: ref(Time, "Last time the condition transitioned from one status to another.").optional(),
    reason: str("Machine-readable reason for the condition's last transition.").optional(),
    message: str("Human-readable explanation of the last transition.").optional(),
  })
  .meta({ id: "io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerCondition", description: "The state of a HorizontalPodAutoscaler at a certain point." });

export const HorizontalPodAutoscalerStatus = z
  .object({
    observedGeneration: int("Most recent generation observed by this autoscaler.").optional(),
    lastScaleTime: ref(Time, "Last time the autoscaler scaled the number of pods.").optional(),
    currentReplicas: int32("Current number of replicas of pods managed by this autoscaler, as last seen by the autoscaler.").optional(),
    desiredReplicas: int32("Desired number of replicas of pods managed by this autoscaler, as last calculated by the autoscaler."),
    currentMetrics: list(MetricStatus, "The last read state of the metrics used by this autoscaler.", atomic).optional(),
    conditions: list(HorizontalPodAutoscalerCondition, "Conditions needed for this autoscaler to scale its target, and whether those conditions are met.", patch("merge", "type"), mapKeys("type")).optional(),
  })
  .meta({ id: "io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerStatus", description: "The current status of a horizontal pod autoscaler." });

export const HorizontalPodAutoscaler = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    spec: ref(HorizontalPodAutoscalerSpec, "Behaviour of the autoscaler.").optional(),
    status: ref(HorizontalPodAutoscalerStatus, "Current information about the autoscaler.").optional(),
  })
  .meta({
    id: "io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler",
    description: "The configuration for a horizontal pod autoscaler, which automatically manages the replica count of any resource implementing the scale subresource based on the metrics specified.",
    ...gvk("autoscaling", "v2", "HorizontalPodAutoscaler"),
  });
export type HorizontalPodAutoscaler = z.infer<typeof HorizontalPodAutoscaler>;
export type HorizontalPodAutoscalerSpec = z.infer<typeof HorizontalPodAutoscalerSpec>;
export type HorizontalPodAutoscalerStatus = z.infer<typeof HorizontalPodAutoscalerStatus>;
export type MetricSpec = z.infer<typeof MetricSpec>;
export type MetricStatus = z.infer<typeof MetricStatus>;
export type MetricTarget = z.infer<typeof MetricTarget>;
export type MetricIdentifier = z.infer<typeof MetricIdentifier>;
export type CrossVersionObjectReference = z.infer<typeof CrossVersionObjectReference>;
export type HPAScalingRules = z.infer<typeof HPAScalingRules>;
export type HorizontalPodAutoscalerBehaviorType = z.infer<typeof HorizontalPodAutoscalerBehavior>;
