// The container stage table's own consistency (what the rows do is pinned by the golden timelines in golden/).
import { describe, expect, it } from "vitest";
import { containerStages, kubeletEvents, render } from "../../../src/cluster/kubelet/stages";

describe("container stage table", () => {
  it("chains only to triggers some row handles, and schedules a notice only with a delay", () => {
    const handled = new Set(containerStages.map((s) => s.on));
    for (const stage of containerStages) {
      if (stage.then) expect(handled.has(stage.then)).toBe(true);
      if (stage.notice) expect(stage.delay).toBeDefined();
    }
  });

  it("has no row hidden behind an unconditional row for the same phases and trigger", () => {
    containerStages.forEach((stage, i) => {
      const shadowing = containerStages.slice(0, i).find((earlier) => {
        if (earlier.on !== stage.on || earlier.when) return false;
        return !earlier.from || (!!stage.from && stage.from.every((p) => earlier.from!.includes(p)));
      });
      expect(shadowing, `row ${i}`).toBeUndefined();
    });
  });

  it("renders event templates as the kubelet words them", () => {
    expect(render(kubeletEvents.crashBackOff, { container: "app", pod: "p_default(u)" })).toEqual({
      type: "Warning",
      reason: "BackOff",
      message: "Back-off restarting failed container app in pod p_default(u)",
    });
    expect(render(kubeletEvents.unhealthy, { label: "Readiness", output: "" }).message).toBe("Readiness probe failed:");
  });
});
