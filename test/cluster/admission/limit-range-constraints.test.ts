// The LimitRanger's checks as functions: Pod totals with sidecars, the missing-value messages, ratios in millis, and
// the aggregated message Kubernetes builds (each message once, brackets only for several).
import { describe, expect, it } from "vitest";
import type { LimitRange } from "../../../src/api/schemas/core/limitrange";
import type { PodSpec } from "../../../src/api/schemas/core/pod-spec";
import { aggregateMessage, applyContainerDefaults, podLimitViolations } from "../../../src/cluster/admission/limit-range-constraints";

type Item = NonNullable<LimitRange["spec"]>["limits"][number];
const range = (...limits: Item[]): LimitRange => ({ metadata: { name: "limits" }, spec: { limits } });
type Resources = { requests?: Record<string, string>; limits?: Record<string, string> };
const c = (name: string, resources: Resources, restartPolicy?: string) => ({ name, image: "busybox", resources, ...(restartPolicy ? { restartPolicy } : {}) });

describe("LimitRange constraints", () => {
  it("counts sidecars with the app containers and each init container with the sidecars started before it", () => {
    const spec = {
      containers: [c("app", { requests: { memory: "100Mi" } })],
      initContainers: [c("sidecar", { requests: { memory: "50Mi" } }, "Always"), c("setup", { requests: { memory: "120Mi" } })],
    } as PodSpec;
    // app + sidecar = 150Mi; setup runs beside the sidecar: 170Mi, the larger.
    expect(podLimitViolations(range({ type: "Pod", max: { memory: "1Gi" }, min: { memory: "200Mi" } }), spec)).toEqual([
      "minimum memory usage per Pod is 200Mi, but request is 170Mi",
      "maximum memory usage per Pod is 1Gi.  No limit is specified",
    ]);
  });

  it("says when a request is missing or zero", () => {
    const spec = { containers: [c("app", { limits: { cpu: "1" }, requests: { cpu: "0" } })] } as PodSpec;
    expect(podLimitViolations(range({ type: "Container", min: { memory: "1Mi" }, maxLimitRequestRatio: { cpu: "1500m" } }), spec)).toEqual([
      "minimum memory usage per Container is 1Mi.  No request is specified",
      "cpu max limit to request ratio per Container is 1500m, but no request is specified or request is 0",
    ]);
  });

  it("compares in millis: a ratio of 1.5 is within 1500m, 1.6 is not", () => {
    const ratio = range({ type: "Container", maxLimitRequestRatio: { cpu: "1500m" } });
    expect(podLimitViolations(ratio, { containers: [c("a", { requests: { cpu: "200m" }, limits: { cpu: "300m" } })] } as PodSpec)).toEqual([]);
    expect(podLimitViolations(ratio, { containers: [c("a", { requests: { cpu: "500m" }, limits: { cpu: "800m" } })] } as PodSpec)).toEqual([
      "cpu max limit to request ratio per Container is 1500m, but provided ratio is 1.600000",
    ]);
  });

  it("aggregates as utilerrors does", () => {
    expect(aggregateMessage(["a"])).toBe("a");
    expect(aggregateMessage(["a", "b", "a"])).toBe("[a, b]");
    expect(aggregateMessage(["a", "a"])).toBe("a");
  });

  it("applies nothing, and writes no annotation, when a LimitRange has no Container defaults", () => {
    const spec = { containers: [c("app", {})] } as PodSpec;
    expect(applyContainerDefaults(range({ type: "Pod", max: { cpu: "1" } }), spec)).toBeUndefined();
    expect(spec.containers[0].resources).toEqual({});
  });
});
