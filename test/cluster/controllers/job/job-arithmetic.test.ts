import { describe, expect, it } from "vitest";
import {
  failJobMessage,
  formatIndexRanges,
  indexesToStart,
  matchFailurePolicy,
  parseIndexRanges,
  recreateDelayMs,
  setCondition,
  wantedActive,
} from "../../../../src/cluster/controllers/job/job-arithmetic";

describe("index ranges", () => {
  it("formats sorted, de-duplicated ranges as status.completedIndexes", () => {
    expect(formatIndexRanges([5, 1, 3, 4, 3])).toBe("1,3-5");
    expect(formatIndexRanges([0, 1, 2])).toBe("0-2");
    expect(formatIndexRanges([])).toBe("");
  });
  it("parses them back", () => {
    expect(parseIndexRanges("1,3-5")).toEqual([1, 3, 4, 5]);
    expect(parseIndexRanges(undefined)).toEqual([]);
  });
});

describe("pods to run", () => {
  it("runs at most parallelism, and no more than the completions still missing", () => {
    expect(wantedActive({ parallelism: 2, completions: 3 }, 0)).toBe(2);
    expect(wantedActive({ parallelism: 2, completions: 3 }, 2)).toBe(1);
    expect(wantedActive({ parallelism: 2, completions: 3 }, 3)).toBe(0);
  });
  it("runs a work-queue Job (no completions) until one pod succeeded", () => {
    expect(wantedActive({ parallelism: 3 }, 0)).toBe(3);
    expect(wantedActive({ parallelism: 3 }, 1)).toBe(0);
  });
  it("starts the lowest free indexes of an Indexed Job", () => {
    expect(indexesToStart(5, new Set([0]), new Set([2]), 2)).toEqual([1, 3]);
    expect(indexesToStart(3, new Set([0, 1, 2]), new Set(), 3)).toEqual([]);
  });
});

describe("pod failure policy", () => {
  const failedPod = (code: number, name = "main") => ({ status: { phase: "Failed", containerStatuses: [{ name, state: { terminated: { exitCode: code } } }] } });
  const policy = {
    rules: [
      { action: "Ignore", onPodConditions: [{ type: "DisruptionTarget", status: "True" }] },
      { action: "FailJob", onExitCodes: { containerName: "main", operator: "In", values: [42] } },
      { action: "Count", onExitCodes: { operator: "NotIn", values: [1, 2] } },
    ],
  };
  it("matches the first rule by exit code and container", () => {
    expect(matchFailurePolicy(policy, failedPod(42))).toEqual({ action: "FailJob", rule: 1, container: "main", exitCode: 42 });
    expect(matchFailurePolicy(policy, failedPod(42, "sidecar"))).toEqual({ action: "Count", rule: 2, container: "sidecar", exitCode: 42 });
    expect(matchFailurePolicy(policy, failedPod(1))).toBeUndefined();
  });
  it("matches pod conditions", () => {
    const pod = { status: { phase: "Failed", conditions: [{ type: "DisruptionTarget", status: "True" }] } };
    expect(matchFailurePolicy(policy, pod)).toEqual({ action: "Ignore", rule: 0 });
  });
  it("words the FailJob message as the job controller does", () => {
    expect(failJobMessage({ action: "FailJob", rule: 1, container: "main", exitCode: 42 }, "default", "pi-x7k2p")).toBe(
      "Container main for pod default/pi-x7k2p failed with exit code 42 matching FailJob rule at index 1",
    );
  });
});

describe("back-off and conditions", () => {
  it("doubles the re-creation delay per failure, capped at 36 times the base (6 minutes at 10 s)", () => {
    expect(recreateDelayMs(0, 10_000)).toBe(0);
    expect(recreateDelayMs(1, 10_000)).toBe(10_000);
    expect(recreateDelayMs(3, 10_000)).toBe(40_000);
    expect(recreateDelayMs(10, 10_000)).toBe(360_000);
  });
  it("keeps a True condition's transition time when nothing changed", () => {
    const first = setCondition([], "Complete", "CompletionsReached", "Reached expected number of succeeded pods", "2030-01-01T00:00:00Z");
    const again = setCondition(first, "Complete", "CompletionsReached", "Reached expected number of succeeded pods", "2030-01-01T00:05:00Z");
    expect(again).toBe(first);
    expect(first[0]).toMatchObject({ type: "Complete", status: "True", lastTransitionTime: "2030-01-01T00:00:00Z" });
  });
});
