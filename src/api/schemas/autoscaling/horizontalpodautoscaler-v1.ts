// autoscaling/v1 HorizontalPodAutoscaler: the CPU-only form of the kind, served beside autoscaling/v2 (which is
// stored); the v2 fields it cannot hold travel in `autoscaling.alpha.kubernetes.io/*` annotations.
import { z } from "zod";
import { gvk, int, int32, ref, str, typeMetaFields } from "../fields";
import { objectMetadata, Time } from "../meta";

export const CrossVersionObjectReferenceV1 = z
  .object({
    kind: str("Kind of the referent, e.g. Deployment."),
    name: str("Name of the referent."),
    apiVersion: str("API version of the referent, e.g. apps/v1.").optional(),
  })
  .meta({ id: "io.k8s.api.autoscaling.v1.CrossVersionObjectReference", description: "Enough information to identify the referred resource." });

export const HorizontalPodAutoscalerSpecV1 = z
  .object({
    scaleTargetRef: ref(CrossVersionObjectReferenceV1, "The scaled resource; the autoscaler reads metrics of its pods and sets its replicas through its scale subresource."),
    minReplicas: int32("Lower limit for the number of pods that can be set by the autoscaler; defaults to 1.").optional(),
    maxReplicas: int32("Upper limit for the number of pods that can be set by the autoscaler; cannot be smaller than minReplicas."),
    targetCPUUtilizationPercentage: int32("Target average CPU utilization (as a percentage of requested CPU) over all the pods; if not specified the default autoscaling policy will be used.").optional(),
  })
  .meta({ id: "io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerSpec", description: "The desired functionality of the HorizontalPodAutoscaler." });

export const HorizontalPodAutoscalerStatusV1 = z
  .object({
    observedGeneration: int("Most recent generation observed by this autoscaler.").optional(),
    lastScaleTime: ref(Time, "Last time the HorizontalPodAutoscaler scaled the number of pods.").optional(),
    // Required in the API, but a protobuf body (kubectl autoscale) leaves their zeros out.
    currentReplicas: int32("Current number of replicas of pods managed by this autoscaler.").optional(),
    desiredReplicas: int32("Desired number of replicas of pods managed by this autoscaler.").optional(),
    currentCPUUtilizationPercentage: int32("Current average CPU utilization over all pods, as a percentage of requested CPU.").optional(),
  })
  .meta({ id: "io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerStatus", description: "The current status of a horizontal pod autoscaler." });

export const HorizontalPodAutoscalerV1 = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    spec: ref(HorizontalPodAutoscalerSpecV1, "Behaviour of the autoscaler.").optional(),
    status: ref(HorizontalPodAutoscalerStatusV1, "Current information about the autoscaler.").optional(),
  })
  .meta({
    id: "io.k8s.api.autoscaling.v1.HorizontalPodAutoscaler",
    description: "Configuration of a horizontal pod autoscaler.",
    ...gvk("autoscaling", "v1", "HorizontalPodAutoscaler"),
  });
export type HorizontalPodAutoscalerV1 = z.infer<typeof HorizontalPodAutoscalerV1>;
