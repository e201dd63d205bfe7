import { describe, expect, it } from "vitest";
import type { HorizontalPodAutoscaler, MetricSpec } from "../../../../src/api/schemas/autoscaling/horizontalpodautoscaler";
import { formatHpaMetrics, printer } from "../../../../src/cluster/registry/horizontalpodautoscalers/printer";

const now = Date.parse("2025-06-01T12:00:00Z");
const cpu50: MetricSpec = { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 50 } } };

describe("kubectl get horizontalpodautoscalers", () => {
  it("prints NAME, REFERENCE, TARGETS, MINPODS, MAXPODS, REPLICAS and AGE", () => {
    expect(printer.columns.map((c) => [c.name, c.type, c.priority])).toEqual([
      ["Name", "string", 0],
      ["Reference", "string", 0],
      ["Targets", "string", 0],
      ["MinPods", "string", 0],
      ["MaxPods", "integer", 0],
      ["Replicas", "string", 0],
      ["Age", "string", 0],
    ]);
    const hpa: HorizontalPodAutoscaler = {
      metadata: { name: "php-apache", creationTimestamp: "2025-06-01T11:55:00Z" },
      spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "php-apache" }, minReplicas: 1, maxReplicas: 10, metrics: [cpu50] },
      status: { desiredReplicas: 0 },
    };
    expect(printer.cells(hpa, now)).toEqual(["php-apache", "Deployment/php-apache", "cpu: <unknown>/50%", "1", 10, 0, "5m"]);
    hpa.status = {
      currentReplicas: 4,
      desiredReplicas: 7,
      currentMetrics: [{ type: "Resource", resource: { name: "cpu", current: { averageUtilization: 250, averageValue: "500m" } } }],
    };
    expect(printer.cells(hpa, now)).toEqual(["php-apache", "Deployment/php-apache", "cpu: 250%/50%", "1", 10, 4, "5m"]);
  });

  it("formats each metric type as formatHPAMetrics, at most two then a count", () => {
    expect(formatHpaMetrics(undefined, undefined)).toBe("<none>");
    const specs: MetricSpec[] = [
      { type: "Resource", resource: { name: "memory", target: { type: "AverageValue", averageValue: "100Mi" } } },
      { type: "Pods", pods: { metric: { name: "pps" }, target: { type: "AverageValue", averageValue: "1k" } } },
      { type: "External", external: { metric: { name: "q" }, target: { type: "AverageValue", averageValue: "30" } } },
    ];
    expect(formatHpaMetrics(specs, [])).toBe("memory: <unknown>/100Mi, <unknown>/1k + 1 more...");
    expect(
      formatHpaMetrics(specs.slice(1), [
        { type: "Pods", pods: { metric: { name: "pps" }, current: { averageValue: "1500m" } } },
        { type: "External", external: { metric: { name: "q" }, current: { averageValue: "12" } } },
      ]),
    ).toBe("1500m/1k, 12/30 (avg)");
    expect(formatHpaMetrics([{ type: "Object", object: { metric: { name: "rps" }, describedObject: { kind: "Ingress", name: "main" }, target: { type: "Value", value: "10k" } } }], [])).toBe(
      "<unknown>/10k",
    );
    expect(formatHpaMetrics([{ type: "ContainerResource", containerResource: { name: "cpu", container: "app", target: { type: "Utilization", averageUtilization: 60 } } }], [])).toBe(
      "cpu: <unknown>/60%",
    );
  });
});
