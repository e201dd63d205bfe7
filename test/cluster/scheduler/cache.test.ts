// The cache's assumed pods: a pod counts on its node from before its binding is written; the store's event confirms
// it, or a refused binding forgets it.
import { describe, expect, it } from "vitest";
import { assignedPod } from "../../../src/cluster/scheduler/parse";
import { cacheOf, nodeInfo, nodeObject, podObject } from "./fixtures";

const assumed = (name: string, node: string) => ({ ...assignedPod(podObject(name, { cpu: "1" })), node });

describe("SchedulerCache assumed pods", () => {
  it("counts an assumed pod at once and frees its room when its binding is refused", () => {
    const cache = cacheOf([nodeObject("worker-1")]);
    cache.assumePod(assumed("web", "worker-1"));
    expect(nodeInfo(cache, "worker-1").requested.milliCpu).toBe(1000);
    cache.forgetPod("default/web");
    expect(nodeInfo(cache, "worker-1").requested.milliCpu).toBe(0);
    expect(cache.pod("default/web")).toBeUndefined();
  });

  it("keeps an assumed pod the store's event confirms, and never forgets a confirmed or an observed pod", () => {
    const cache = cacheOf([nodeObject("worker-1")], [podObject("seen", { cpu: "500m", node: "worker-1" })]);
    cache.assumePod(assumed("web", "worker-1"));
    expect(cache.confirmPod("default/web", "worker-1")).toBe(true);
    expect(cache.confirmPod("default/web", "worker-1")).toBe(false);
    cache.forgetPod("default/web");
    cache.forgetPod("default/seen");
    expect(nodeInfo(cache, "worker-1").requested.milliCpu).toBe(1500);
  });

  it("puts back what an assumed pod displaced when it is forgotten (the pod was bound elsewhere meanwhile)", () => {
    const cache = cacheOf([nodeObject("worker-1"), nodeObject("worker-2")], [podObject("web", { cpu: "1", node: "worker-2" })]);
    cache.assumePod(assumed("web", "worker-1"));
    expect(nodeInfo(cache, "worker-2").requested.milliCpu).toBe(0);
    cache.forgetPod("default/web");
    expect(cache.pod("default/web")?.node).toBe("worker-2");
    expect(nodeInfo(cache, "worker-1").requested.milliCpu).toBe(0);
    expect(nodeInfo(cache, "worker-2").requested.milliCpu).toBe(1000);
  });

  it("does not confirm an assumption the event contradicts (another node): the event's pod replaces it", () => {
    const cache = cacheOf([nodeObject("worker-1"), nodeObject("worker-2")]);
    cache.assumePod(assumed("web", "worker-1"));
    expect(cache.confirmPod("default/web", "worker-2")).toBe(false);
    cache.upsertPod(assignedPod(podObject("web", { cpu: "1", node: "worker-2" })));
    expect(nodeInfo(cache, "worker-1").requested.milliCpu).toBe(0);
    expect(nodeInfo(cache, "worker-2").requested.milliCpu).toBe(1000);
  });
});
