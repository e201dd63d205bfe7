import { describe, expect, it } from "vitest";
import type { HorizontalPodAutoscaler, MetricSpec } from "../../../../src/api/schemas/autoscaling/horizontalpodautoscaler";
import { defaultHpa } from "../../../../src/cluster/registry/horizontalpodautoscalers/defaults";
import { validateHpa, validateHpaStatus } from "../../../../src/cluster/registry/horizontalpodautoscalers/validation";

const hpa = (spec: Partial<NonNullable<HorizontalPodAutoscaler["spec"]>> = {}): HorizontalPodAutoscaler => ({
  metadata: { name: "php-apache", namespace: "default" },
  spec: {
    scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "php-apache" },
    minReplicas: 1,
    maxReplicas: 10,
    metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 50 } } }],
    ...spec,
  },
});
const messages = (errors: Array<{ field: string; message: string }>) => errors.map((e) => `${e.field}: ${e.message}`);
const metric = (m: MetricSpec) => messages(validateHpa(hpa({ metrics: [m] })));

describe("HorizontalPodAutoscaler defaults", () => {
  it("sets minReplicas 1 and an 80% CPU utilization metric, and leaves behavior unset", () => {
    const obj: HorizontalPodAutoscaler = { metadata: { name: "a" }, spec: { scaleTargetRef: { kind: "Deployment", name: "a" }, maxReplicas: 3 } };
    defaultHpa(obj);
    expect(obj.spec).toEqual({
      scaleTargetRef: { kind: "Deployment", name: "a" },
      maxReplicas: 3,
      minReplicas: 1,
      metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 80 } } }],
    });
  });

  it("fills a given behavior with the default rules of each direction, keeping what is set", () => {
    const obj = hpa({ behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } });
    defaultHpa(obj);
    expect(obj.spec!.behavior).toEqual({
      scaleUp: {
        stabilizationWindowSeconds: 0,
        selectPolicy: "Max",
        policies: [
          { type: "Pods", value: 4, periodSeconds: 15 },
          { type: "Percent", value: 100, periodSeconds: 15 },
        ],
      },
      scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: "Max", policies: [{ type: "Percent", value: 100, periodSeconds: 15 }] },
    });
  });
});

describe("HorizontalPodAutoscaler validation", () => {
  it("accepts the walkthrough's autoscaler and one of each metric type", () => {
    expect(validateHpa(hpa())).toEqual([]);
    const all: MetricSpec[] = [
      { type: "Resource", resource: { name: "memory", target: { type: "AverageValue", averageValue: "100Mi" } } },
      { type: "ContainerResource", containerResource: { name: "cpu", container: "app", target: { type: "Utilization", averageUtilization: 60 } } },
      { type: "Pods", pods: { metric: { name: "packets-per-second" }, target: { type: "AverageValue", averageValue: "1k" } } },
      { type: "Object", object: { metric: { name: "requests-per-second" }, describedObject: { apiVersion: "networking.k8s.io/v1", kind: "Ingress", name: "main" }, target: { type: "Value", value: "10k" } } },
      { type: "External", external: { metric: { name: "queue_messages_ready", selector: { matchLabels: { queue: "worker_tasks" } } }, target: { type: "AverageValue", averageValue: "30" } } },
    ];
    expect(validateHpa(hpa({ metrics: all }))).toEqual([]);
  });

  it("checks the replica bounds", () => {
    expect(messages(validateHpa(hpa({ minReplicas: 0 })))).toEqual([
      "spec.minReplicas: Invalid value: 0: must be greater than or equal to 1",
      "spec.metrics: Forbidden: must specify at least one Object or External metric to support scaling to zero replicas",
    ]);
    expect(messages(validateHpa(hpa({ maxReplicas: 0 })))).toEqual([
      "spec.maxReplicas: Invalid value: 0: must be greater than 0",
      "spec.maxReplicas: Invalid value: 0: must be greater than or equal to `minReplicas`",
    ]);
    expect(messages(validateHpa(hpa({ minReplicas: 5, maxReplicas: 3 })))).toEqual([
      "spec.maxReplicas: Invalid value: 3: must be greater than or equal to `minReplicas`",
    ]);
  });

  it("requires the target's kind and name as path segments", () => {
    expect(messages(validateHpa(hpa({ scaleTargetRef: { kind: "", name: "a/b" } })))).toEqual([
      "spec.scaleTargetRef.kind: Required value",
      "spec.scaleTargetRef.name: Invalid value: \"a/b\": may not contain '/'",
    ]);
  });

  it("checks the metric source type against the field populated", () => {
    expect(metric({ type: "Cpu" })).toEqual([
      'spec.metrics[0].type: Unsupported value: "Cpu": supported values: "ContainerResource", "External", "Object", "Pods", "Resource"',
      'spec.metrics[0].type: Unsupported value: "Cpu": supported values: "ContainerResource", "External", "Object", "Pods", "Resource"',
    ]);
    expect(metric({ type: "Pods" })).toEqual(["spec.metrics[0].pods: Required value: must populate information for the given metric source"]);
    expect(
      metric({
        type: "Resource",
        resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 50 } },
        pods: { metric: { name: "x" }, target: { type: "AverageValue", averageValue: "1" } },
      }),
    ).toEqual(["spec.metrics[0].pods: Forbidden: must populate the given metric source only"]);
  });

  it("checks resource targets with Kubernetes' messages", () => {
    expect(metric({ type: "Resource", resource: { name: "", target: { type: "Utilization" } } })).toEqual([
      "spec.metrics[0].resource.name: Required value: must specify a resource name",
      "spec.metrics[0].resource.target.averageUtilization: Required value: must set either a target raw value or a target utilization",
    ]);
    expect(metric({ type: "Resource", resource: { name: "cpu", target: { type: "Percent", averageUtilization: 0, averageValue: "-1" } } })).toEqual([
      'spec.metrics[0].resource.target.type: Invalid value: "Percent": must be either Utilization, Value, or AverageValue',
      'spec.metrics[0].resource.target.averageValue: Invalid value: "-1": must be positive',
      "spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0",
      "spec.metrics[0].resource.target.averageValue: Forbidden: may not set both a target raw value and a target utilization",
    ]);
    expect(metric({ type: "ContainerResource", containerResource: { name: "cpu", container: "", target: { type: "Utilization", averageUtilization: 50 } } })).toEqual([
      "spec.metrics[0].containerResource.container: Required value: must specify a container",
    ]);
  });

  it("checks pods, object and external targets", () => {
    expect(metric({ type: "Pods", pods: { metric: { name: "" }, target: { type: "Value", value: "1" } } })).toEqual([
      "spec.metrics[0].pods.metric.name: Required value: must specify a metric name",
      "spec.metrics[0].pods.target.averageValue: Required value: must specify a positive target averageValue",
    ]);
    expect(metric({ type: "Object", object: { metric: { name: "rps" }, describedObject: { kind: "Service", name: "web" }, target: { type: "Value" } } })).toEqual([
      "spec.metrics[0].object.target.averageValue: Required value: must set either a target value or averageValue",
    ]);
    expect(metric({ type: "External", external: { metric: { name: "q" }, target: { type: "Value", value: "1", averageValue: "1" } } })).toEqual([
      "spec.metrics[0].external.target.value: Forbidden: may not set both a target value for metric and a per-pod target",
    ]);
  });

  it("checks the behavior's windows, select policy and policies", () => {
    const behavior = {
      scaleUp: { stabilizationWindowSeconds: 3601, selectPolicy: "Avg", policies: [{ type: "Pod", value: 0, periodSeconds: 1801 }] },
      scaleDown: { stabilizationWindowSeconds: -1, policies: [] },
    };
    expect(messages(validateHpa(hpa({ behavior })))).toEqual([
      "spec.behavior.scaleUp.stabilizationWindowSeconds: Invalid value: 3601: must be less than or equal to 3600",
      'spec.behavior.scaleUp.selectPolicy: Unsupported value: "Avg": supported values: "Disabled", "Max", "Min"',
      'spec.behavior.scaleUp.policies[0].type: Unsupported value: "Pod": supported values: "Percent", "Pods"',
      "spec.behavior.scaleUp.policies[0].value: Invalid value: 0: must be greater than zero",
      "spec.behavior.scaleUp.policies[0].periodSeconds: Invalid value: 1801: must be less than or equal to 1800",
      "spec.behavior.scaleDown.stabilizationWindowSeconds: Invalid value: -1: must be greater than or equal to zero",
      "spec.behavior.scaleDown.policies: Required value: must specify at least one Policy",
    ]);
  });

  it("refuses negative replica counts in status", () => {
    const obj = { ...hpa(), status: { currentReplicas: -1, desiredReplicas: -2 } };
    expect(messages(validateHpaStatus(obj))).toEqual([
      "status.currentReplicas: Invalid value: -1: must be greater than or equal to 0",
      "status.desiredReplicas: Invalid value: -2: must be greater than or equal to 0",
    ]);
  });
});
