import { describe, expect, it } from "vitest";
import { defaultScaleDownRules, defaultScaleUpRules } from "../../../../src/cluster/registry/horizontalpodautoscalers/defaults";
import {
  emptyHistory,
  normalizeDesiredReplicas,
  recordScaleEvent,
  type NormalizeArgs,
} from "../../../../src/cluster/controllers/podautoscaler/normalize";
import { fakeClockStart } from "../../../helpers/fake-clock";

const t0 = fakeClockStart();
const args = (extra: Partial<NormalizeArgs>): NormalizeArgs => ({ now: t0, currentReplicas: 1, desiredReplicas: 1, minReplicas: 1, maxReplicas: 10, ...extra });
const behavior = { scaleUp: defaultScaleUpRules(), scaleDown: defaultScaleDownRules() };

describe("normalizing a recommendation without behavior", () => {
  it("scales up at most to max(2×current, 4), then to maxReplicas, with ScalingLimited", () => {
    const h = emptyHistory();
    expect(normalizeDesiredReplicas(args({ desiredReplicas: 7 }), h)).toEqual({
      replicas: 4,
      conditions: [
        { type: "AbleToScale", status: "True", reason: "ReadyForNewScale", message: "recommended size matches current size" },
        { type: "ScalingLimited", status: "True", reason: "ScaleUpLimit", message: "the desired replica count is increasing faster than the maximum scale rate" },
      ],
    });
    expect(normalizeDesiredReplicas(args({ currentReplicas: 8, desiredReplicas: 20 }), h)).toMatchObject({
      replicas: 10,
      conditions: [{}, { status: "True", reason: "TooManyReplicas", message: "the desired replica count is more than the maximum replica count" }],
    });
  });

  it("scales down only to the highest recommendation of the last 5 minutes, and not below minReplicas", () => {
    const h = emptyHistory();
    normalizeDesiredReplicas(args({ currentReplicas: 5, desiredReplicas: 5 }), h);
    const within = normalizeDesiredReplicas(args({ now: t0 + 60_000, currentReplicas: 5, desiredReplicas: 1 }), h);
    expect(within.replicas).toBe(5);
    expect(within.conditions[0]).toEqual({
      type: "AbleToScale", status: "True", reason: "ScaleDownStabilized",
      message: "recent recommendations were higher than current one, applying the highest recent recommendation",
    });
    expect(normalizeDesiredReplicas(args({ now: t0 + 301_000, currentReplicas: 5, desiredReplicas: 1 }), h).replicas).toBe(1);
    expect(normalizeDesiredReplicas(args({ now: t0 + 302_000, currentReplicas: 3, desiredReplicas: 0, minReplicas: 2 }), emptyHistory())).toMatchObject({
      replicas: 2,
      conditions: [{}, { status: "True", reason: "TooFewReplicas", message: "the desired replica count is less than the minimum replica count" }],
    });
  });

  it("says the count is within range when nothing limits it", () => {
    expect(normalizeDesiredReplicas(args({ currentReplicas: 2, desiredReplicas: 3 }), emptyHistory()).conditions[1]).toEqual({
      type: "ScalingLimited", status: "False", reason: "DesiredWithinRange", message: "the desired count is within the acceptable range",
    });
  });
});

describe("normalizing a recommendation with behavior", () => {
  it("scales up by the higher of 4 pods or 100% per 15 s, counting recent scale events", () => {
    const h = emptyHistory();
    expect(normalizeDesiredReplicas(args({ behavior, currentReplicas: 1, desiredReplicas: 10 }), h).replicas).toBe(5);
    recordScaleEvent(h, t0, 1, 5, behavior);
    // Within the same 15 s the period started at 1: at most 5.
    expect(normalizeDesiredReplicas(args({ behavior, now: t0 + 5_000, currentReplicas: 5, desiredReplicas: 10 }), h)).toMatchObject({
      replicas: 5,
      conditions: [{}, { status: "True", reason: "ScaleUpLimit" }],
    });
    expect(normalizeDesiredReplicas(args({ behavior, now: t0 + 16_000, currentReplicas: 5, desiredReplicas: 10 }), h).replicas).toBe(10);
  });

  it("holds a scale down for the default 300 s window, then allows it", () => {
    const h = emptyHistory();
    normalizeDesiredReplicas(args({ behavior, currentReplicas: 6, desiredReplicas: 6 }), h);
    expect(normalizeDesiredReplicas(args({ behavior, now: t0 + 150_000, currentReplicas: 6, desiredReplicas: 2 }), h)).toMatchObject({
      replicas: 6,
      conditions: [{ reason: "ScaleDownStabilized" }, { status: "False", reason: "DesiredWithinRange" }],
    });
    expect(normalizeDesiredReplicas(args({ behavior, now: t0 + 301_000, currentReplicas: 6, desiredReplicas: 2 }), h).replicas).toBe(2);
  });

  it("applies selectPolicy Min and Disabled", () => {
    const min = { ...behavior, scaleUp: { ...defaultScaleUpRules(), selectPolicy: "Min" } };
    expect(normalizeDesiredReplicas(args({ behavior: min, currentReplicas: 10, maxReplicas: 100, desiredReplicas: 40 }), emptyHistory()).replicas).toBe(14);
    const disabled = { ...behavior, scaleDown: { stabilizationWindowSeconds: 0, selectPolicy: "Disabled", policies: defaultScaleDownRules().policies } };
    expect(normalizeDesiredReplicas(args({ behavior: disabled, currentReplicas: 5, desiredReplicas: 1 }), emptyHistory())).toMatchObject({
      replicas: 5,
      conditions: [{}, { status: "True", reason: "ScaleDownLimit" }],
    });
  });
});
