// LimitRange defaulting (SetDefaults_LimitRangeItem) and validation (ValidateLimitRange) with Kubernetes' messages.
import { describe, expect, it } from "vitest";
import type { LimitRange } from "../../../../src/api/schemas/core/limitrange";
import { limitRangeStrategy, validateLimitRange } from "../../../../src/cluster/registry/limitranges/strategy";

type Item = NonNullable<LimitRange["spec"]>["limits"][number];
const range = (...limits: Item[]): LimitRange => ({ metadata: { name: "limits" }, spec: { limits } });
const messages = (lr: LimitRange) => validateLimitRange(lr).map((e) => `${e.field}: ${e.message}`);
const defaulted = (item: Item) => {
  const lr = range(item);
  limitRangeStrategy.defaults!(lr);
  return lr.spec!.limits[0];
};

describe("LimitRange defaults", () => {
  it("defaults a Container item's limit to its max, its request to the limit, then to its min; quantities canonical", () => {
    expect(defaulted({ type: "Container", max: { cpu: "2" }, min: { memory: "64Mi" } })).toEqual({
      type: "Container",
      max: { cpu: "2" },
      min: { memory: "64Mi" },
      default: { cpu: "2" },
      defaultRequest: { cpu: "2", memory: "64Mi" },
    });
    expect(defaulted({ type: "Container", default: { cpu: "0.5" }, defaultRequest: { memory: "1Gi" } })).toEqual({
      type: "Container",
      default: { cpu: "500m" },
      defaultRequest: { memory: "1Gi", cpu: "500m" },
    });
  });

  it("leaves Pod items and empty Container items as they are", () => {
    expect(defaulted({ type: "Pod", max: { cpu: "2" } })).toEqual({ type: "Pod", max: { cpu: "2" } });
    expect(defaulted({ type: "Container" })).toEqual({ type: "Container" });
  });
});

describe("LimitRange validation", () => {
  it("accepts min ≤ defaultRequest ≤ default ≤ max", () => {
    expect(messages(range({ type: "Container", min: { cpu: "100m" }, defaultRequest: { cpu: "200m" }, default: { cpu: "500m" }, max: { cpu: "1" } }))).toEqual([]);
    expect(messages(range({ type: "Pod", max: { memory: "1Gi" } }, { type: "PersistentVolumeClaim", min: { storage: "1Gi" } }))).toEqual([]);
  });

  it("refuses each order violation with its message", () => {
    expect(messages(range({ type: "Container", min: { cpu: "2" }, max: { cpu: "1" } }))).toEqual([
      'spec.limits[0].min[cpu]: Invalid value: "2": min value 2 is greater than max value 1',
    ]);
    expect(messages(range({ type: "Container", default: { cpu: "500m" }, defaultRequest: { cpu: "800m" } }))).toEqual([
      'spec.limits[0].defaultRequest[cpu]: Invalid value: "800m": default request value 800m is greater than default limit value 500m',
    ]);
    expect(messages(range({ type: "Container", min: { memory: "1Gi" }, defaultRequest: { memory: "512Mi" }, default: { memory: "2Gi" } }))).toEqual([
      'spec.limits[0].defaultRequest[memory]: Invalid value: "512Mi": min value 1Gi is greater than default request value 512Mi',
    ]);
    expect(messages(range({ type: "Container", max: { cpu: "1" }, default: { cpu: "2" }, defaultRequest: { cpu: "1" } }))).toEqual([
      'spec.limits[0].default[cpu]: Invalid value: "1": default value 2 is greater than max value 1',
    ]);
    expect(messages(range({ type: "Container", max: { cpu: "1" }, defaultRequest: { cpu: "2" }, default: { cpu: "1" } }))).toEqual([
      'spec.limits[0].defaultRequest[cpu]: Invalid value: "2": default request value 2 is greater than max value 1',
      'spec.limits[0].defaultRequest[cpu]: Invalid value: "2": default request value 2 is greater than default limit value 1',
    ]);
  });

  it("checks the ratio against 1 and max/min", () => {
    expect(messages(range({ type: "Pod", maxLimitRequestRatio: { cpu: "500m" } }))).toEqual([
      'spec.limits[0].maxLimitRequestRatio[cpu]: Invalid value: "500m": ratio 500m is less than 1',
    ]);
    expect(messages(range({ type: "Pod", min: { cpu: "1" }, max: { cpu: "2" }, maxLimitRequestRatio: { cpu: "3" } }))).toEqual([
      'spec.limits[0].maxLimitRequestRatio[cpu]: Invalid value: "3": ratio 3 is greater than max/min = 2.000000',
    ]);
  });

  it("checks types, duplicates, resource names and the fields a Pod item may not have", () => {
    expect(messages(range({ type: "Container" }, { type: "Container" }))).toEqual(['spec.limits[1].type: Duplicate value: "Container"']);
    expect(messages(range({ type: "Node" }))).toEqual(['spec.limits[0].type: Invalid value: "Node": must be a standard limit type or fully qualified']);
    expect(messages(range({ type: "Container", max: { pods: "2" } }))).toEqual([
      'spec.limits[0].max[pods]: Invalid value: "pods": must be a standard resource for containers',
    ]);
    expect(messages(range({ type: "Pod", default: { cpu: "1" }, defaultRequest: { cpu: "1" } }))).toEqual([
      "spec.limits[0].default: Forbidden: may not be specified when `type` is 'Pod'",
      "spec.limits[0].defaultRequest: Forbidden: may not be specified when `type` is 'Pod'",
    ]);
    expect(messages(range({ type: "PersistentVolumeClaim", max: { cpu: "1" } }))).toEqual([
      "spec.limits[0].limits: Required value: either minimum or maximum storage value is required, but neither was provided",
    ]);
  });
});
