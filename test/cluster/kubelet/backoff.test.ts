import { describe, expect, it } from "vitest";
import { backoffDelay, goDuration, nextCrashStreak, pullDuration } from "../../../src/cluster/kubelet/backoff";
import { paces } from "../../../src/cluster/timing";

const realistic = paces.realistic;

describe("back-off", () => {
  it("is 0 before any failure, then 10s doubling to the 5 minute cap", () => {
    const delays = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDelay(n, realistic));
    expect(delays).toEqual([0, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
  });

  it("resets the crash streak after a run of 10 minutes", () => {
    expect(nextCrashStreak(4, 599_999, realistic)).toBe(5);
    expect(nextCrashStreak(4, 600_000, realistic)).toBe(0);
  });

  it("formats durations like Go", () => {
    expect(goDuration(10_000)).toBe("10s");
    expect(goDuration(80_000)).toBe("1m20s");
    expect(goDuration(300_000)).toBe("5m0s");
    expect(pullDuration(1234)).toBe("1.234s");
    expect(pullDuration(523)).toBe("523ms");
  });
});
