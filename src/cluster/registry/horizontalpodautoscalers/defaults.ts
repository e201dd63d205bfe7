// autoscaling/v2 defaulting (SetDefaults_HorizontalPodAutoscaler): minReplicas 1, an 80% average CPU utilization
// metric when none is given, and a behaviour that is set filled with the default rules of each direction.
import type {
  HorizontalPodAutoscaler,
  HorizontalPodAutoscalerSpec,
  HPAScalingRules,
} from "../../../api/schemas/autoscaling/horizontalpodautoscaler";

/** autoscaling.DefaultCPUUtilization. */
export const defaultCpuUtilization = 80;

/** The scale-up rules of an HPA without behaviour: no window, the higher of 4 pods or 100% per 15 s. */
export function defaultScaleUpRules(): HPAScalingRules {
  return {
    stabilizationWindowSeconds: 0,
    selectPolicy: "Max",
    policies: [
      { type: "Pods", value: 4, periodSeconds: 15 },
      { type: "Percent", value: 100, periodSeconds: 15 },
    ],
  };
}

/** The scale-down rules: 100% per 15 s; the window stays unset (the controller's 300 s applies). */
export function defaultScaleDownRules(): HPAScalingRules {
  return { selectPolicy: "Max", policies: [{ type: "Percent", value: 100, periodSeconds: 15 }] };
}

/** copyHPAScalingRules: the set fields of `from` over the defaults. */
function withDefaults(from: HPAScalingRules | undefined, defaults: HPAScalingRules): HPAScalingRules {
  if (!from) return defaults;
  return {
    ...defaults,
    ...(from.stabilizationWindowSeconds != null ? { stabilizationWindowSeconds: from.stabilizationWindowSeconds } : {}),
    ...(from.selectPolicy != null ? { selectPolicy: from.selectPolicy } : {}),
    ...(from.policies != null ? { policies: from.policies } : {}),
  };
}

export function defaultHpa(hpa: HorizontalPodAutoscaler): void {
  const spec = (hpa.spec ??= {} as HorizontalPodAutoscalerSpec);
  spec.minReplicas ??= 1;
  if (!spec.metrics?.length) {
    spec.metrics = [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: defaultCpuUtilization } } }];
  }
  if (spec.behavior) {
    spec.behavior = {
      scaleUp: withDefaults(spec.behavior.scaleUp, defaultScaleUpRules()),
      scaleDown: withDefaults(spec.behavior.scaleDown, defaultScaleDownRules()),
    };
  }
}
