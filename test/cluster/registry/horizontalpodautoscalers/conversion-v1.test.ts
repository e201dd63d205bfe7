// autoscaling/v1 ↔ v2 as the apiserver converts: the CPU target is v1's field, everything else v1 cannot hold goes
// to the autoscaling.alpha.kubernetes.io annotations and comes back whole.
import { describe, expect, it } from "vitest";
import type { HorizontalPodAutoscaler } from "../../../../src/api/schemas/autoscaling/horizontalpodautoscaler";
import {
  behaviorAnnotation,
  conditionsAnnotation,
  fromV1,
  metricSpecsAnnotation,
  metricStatusesAnnotation,
  toV1,
} from "../../../../src/cluster/registry/horizontalpodautoscalers/conversion-v1";

const ref = { apiVersion: "apps/v1", kind: "Deployment", name: "php-apache" };
const cpu = (averageUtilization: number) => ({ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization } } });

describe("autoscaling/v1 conversion", () => {
  it("kubectl autoscale's v1 body becomes a v2 CPU utilization metric", () => {
    const v2 = fromV1({ apiVersion: "autoscaling/v1", kind: "HorizontalPodAutoscaler", metadata: { name: "php-apache" }, spec: { scaleTargetRef: ref, minReplicas: 1, maxReplicas: 10, targetCPUUtilizationPercentage: 50 } });
    expect(v2.spec).toEqual({ scaleTargetRef: ref, minReplicas: 1, maxReplicas: 10, metrics: [cpu(50)] });
    expect(v2.status).toBeUndefined();
  });

  it("a v1 body without a target gets the implicit 80% CPU", () => {
    expect(fromV1({ metadata: { name: "x" }, spec: { scaleTargetRef: ref, maxReplicas: 3 } }).spec?.metrics).toEqual([cpu(80)]);
  });

  it("shows v2's CPU target and current utilization in v1's fields, the rest in annotations, and reads them back", () => {
    const stored: HorizontalPodAutoscaler = {
      apiVersion: "autoscaling/v2",
      kind: "HorizontalPodAutoscaler",
      metadata: { name: "php-apache", namespace: "default", annotations: { team: "a" } },
      spec: {
        scaleTargetRef: ref,
        minReplicas: 1,
        maxReplicas: 10,
        metrics: [cpu(50), { type: "Resource", resource: { name: "memory", target: { type: "AverageValue", averageValue: "100Mi" } } }],
        behavior: { scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: "Max", policies: [{ type: "Pods", value: 1, periodSeconds: 15 }] } },
      },
      status: {
        currentReplicas: 2,
        desiredReplicas: 3,
        lastScaleTime: "2026-01-01T00:00:00Z",
        currentMetrics: [
          { type: "Resource", resource: { name: "cpu", current: { averageUtilization: 120, averageValue: "240m" } } },
          { type: "Resource", resource: { name: "memory", current: { averageValue: "50Mi" } } },
        ],
        conditions: [{ type: "AbleToScale", status: "True", lastTransitionTime: "2026-01-01T00:00:00Z", reason: "SucceededRescale", message: "the HPA controller was able to update the target scale to 3" }],
      },
    };
    const v1 = toV1(stored);
    expect(v1.apiVersion).toBe("autoscaling/v1");
    expect(v1.spec).toEqual({ scaleTargetRef: ref, minReplicas: 1, maxReplicas: 10, targetCPUUtilizationPercentage: 50 });
    expect(v1.status).toEqual({ lastScaleTime: "2026-01-01T00:00:00Z", currentReplicas: 2, desiredReplicas: 3, currentCPUUtilizationPercentage: 120 });
    const annotations = v1.metadata.annotations!;
    expect(annotations.team).toBe("a");
    expect(JSON.parse(annotations[metricSpecsAnnotation])).toEqual([{ type: "Resource", resource: { name: "memory", targetAverageValue: "100Mi" } }]);
    expect(JSON.parse(annotations[metricStatusesAnnotation])).toEqual([
      { type: "Resource", resource: { name: "cpu", currentAverageUtilization: 120, currentAverageValue: "240m" } },
      { type: "Resource", resource: { name: "memory", currentAverageValue: "50Mi" } },
    ]);
    expect(JSON.parse(annotations[behaviorAnnotation])).toEqual({
      ScaleUp: null,
      ScaleDown: { StabilizationWindowSeconds: 60, SelectPolicy: "Max", Policies: [{ Type: "Pods", Value: 1, PeriodSeconds: 15 }], Tolerance: null },
    });
    expect(JSON.parse(annotations[conditionsAnnotation])).toEqual(stored.status!.conditions);

    const back = fromV1(v1);
    expect(back.metadata.annotations).toEqual({ team: "a" });
    // The other metrics come first, the CPU target last (the apiserver's order).
    expect(back.spec?.metrics).toEqual([stored.spec!.metrics![1], cpu(50)]);
    expect(back.spec?.behavior).toEqual(stored.spec!.behavior);
    expect(back.status).toEqual(stored.status);
  });

  it("drops round-trip annotations a client sent before writing its own", () => {
    const stored: HorizontalPodAutoscaler = {
      metadata: { name: "x", annotations: { [metricSpecsAnnotation]: "[]", [conditionsAnnotation]: "junk" } },
      spec: { scaleTargetRef: ref, maxReplicas: 3, metrics: [cpu(70)] },
    };
    expect(toV1(stored).metadata.annotations).toBeUndefined();
  });
});
