import { describe, expect, it } from "vitest";
import { resourceReplicas, type PodSample } from "../../../../src/cluster/controllers/podautoscaler/replica-calculator";
import { fakeClockStart } from "../../../helpers/fake-clock";

const now = fakeClockStart();
const longAgo = new Date(now - 3600_000).toISOString();
const justNow = new Date(now - 10_000).toISOString();
const pod = (name: string, usage: number | undefined, extra: Partial<PodSample> = {}): PodSample => ({
  name,
  phase: "Running",
  startTime: longAgo,
  ready: { status: "True", lastTransitionTime: longAgo },
  request: 200,
  usage,
  ...extra,
});
const cpu50 = { averageUtilization: 50 };

describe("the podautoscaler's replica calculation for a resource metric", () => {
  it("scales by the ratio of utilization to target, rounding up", () => {
    // 500m of 200m requested = 250%, five times the 50% target.
    expect(resourceReplicas(1, cpu50, "cpu", [pod("a", 500)], now)).toEqual({ replicas: 5, utilization: 250, averageValue: 500 });
    expect(resourceReplicas(4, cpu50, "cpu", ["a", "b", "c", "d"].map((n) => pod(n, 20)), now).replicas).toBe(1);
  });

  it("keeps the count within the 10% tolerance", () => {
    expect(resourceReplicas(3, cpu50, "cpu", ["a", "b", "c"].map((n) => pod(n, 108)), now)).toMatchObject({ replicas: 3, utilization: 54 });
    expect(resourceReplicas(3, cpu50, "cpu", ["a", "b", "c"].map((n) => pod(n, 124)), now).replicas).toBe(4);
  });

  it("treats pods without metrics as at their request when scaling down and idle when scaling up", () => {
    // Down: 10% on two pods, the third assumed at 100% → (20+20+200)/600 = 40% → ratio 0.8 → ceil(2.4) = 3.
    expect(resourceReplicas(3, cpu50, "cpu", [pod("a", 20), pod("b", 20), pod("c", undefined)], now).replicas).toBe(3);
    // Up: 150% on two pods, the third at 0 → 100% → ratio 2 → 6.
    expect(resourceReplicas(3, cpu50, "cpu", [pod("a", 300), pod("b", 300), pod("c", undefined)], now).replicas).toBe(6);
  });

  it("counts unready pods as idle when scaling up and ignores deleted or failed ones", () => {
    const starting = pod("c", 400, { startTime: justNow, ready: { status: "False", lastTransitionTime: justNow } });
    // Ready: 200% → ratio 4; with the unready pod at 0 → (400+400+0)/600 = 133% → ratio 2.66 → ceil(8) = 8.
    expect(resourceReplicas(3, cpu50, "cpu", [pod("a", 400), pod("b", 400), starting], now).replicas).toBe(8);
    expect(resourceReplicas(2, cpu50, "cpu", [pod("a", 100), pod("b", 100), pod("x", 900, { deleting: true }), pod("y", 900, { phase: "Failed" })], now).replicas).toBe(2);
  });

  it("scales on an average value target", () => {
    expect(resourceReplicas(2, { averageValue: 100 * 2 ** 20 }, "memory", [pod("a", 300 * 2 ** 20), pod("b", 300 * 2 ** 20)], now).replicas).toBe(6);
  });

  it("fails with Kubernetes' messages when it cannot compute", () => {
    expect(() => resourceReplicas(1, cpu50, "cpu", [], now)).toThrow("no pods returned by selector while calculating replica count");
    expect(() => resourceReplicas(1, cpu50, "cpu", [pod("web-1", 10, { request: undefined, containerWithoutRequest: "php" })], now)).toThrow(
      "missing request for cpu in container php of Pod web-1",
    );
    expect(() => resourceReplicas(1, cpu50, "cpu", [pod("a", undefined)], now)).toThrow("did not receive metrics for targeted pods (pods might be unready)");
  });
});
