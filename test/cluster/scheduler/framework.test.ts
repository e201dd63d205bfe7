import { describe, expect, it } from "vitest";
import type { PodSpec } from "../../../src/api/schemas";
import { selectorFromSet } from "../../../src/api/selectors/label-selector";
import { schedulePod } from "../../../src/cluster/scheduler/framework";
import { assignedPod } from "../../../src/cluster/scheduler/parse";
import { cacheOf, controlPlaneTaint, nodeObject, podObject, toSchedule } from "./fixtures";

const cluster = () => [nodeObject("control-plane", { taints: [controlPlaneTaint] }), nodeObject("worker"), nodeObject("worker2")];

describe("schedulePod", () => {
  it("never picks the tainted control plane and spreads a workload's replicas evenly", () => {
    const cache = cacheOf(cluster());
    const perNode = new Map<string, number>();
    for (let i = 0; i < 10; i++) {
      const obj = podObject(`web-${i}`, { labels: { app: "web" }, cpu: "100m", memory: "64Mi" });
      const result = schedulePod(toSchedule(obj, { defaultSpreadSelectors: [selectorFromSet({ app: "web" })] }), cache);
      expect(result.node).toBeDefined();
      perNode.set(result.node!, (perNode.get(result.node!) ?? 0) + 1);
      cache.upsertPod(assignedPod({ ...obj, spec: { ...(obj.spec as PodSpec), nodeName: result.node } }));
    }
    expect(perNode.get("control-plane")).toBeUndefined();
    expect(perNode.get("worker")).toBe(5);
    expect(perNode.get("worker2")).toBe(5);
  });

  it("reports each node's failure when nothing fits", () => {
    const result = schedulePod(toSchedule(podObject("huge", { cpu: "3" })), cacheOf(cluster()));
    expect(result.node).toBeUndefined();
    if (result.node === undefined) {
      expect(result.numNodes).toBe(3);
      expect(Object.fromEntries([...result.failures].map(([n, f]) => [n, f.reasons]))).toEqual({
        "control-plane": ["node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"],
        worker: ["Insufficient cpu"],
        worker2: ["Insufficient cpu"],
      });
    }
  });

  it("breaks ties the same way every time", () => {
    const pick = () => schedulePod(toSchedule(podObject("p", { uid: "fixed" })), cacheOf(cluster())).node;
    expect(pick()).toBe(pick());
  });

  it("prints the time to schedule 10,000 pods on 100 nodes (benchmark, not asserted)", () => {
    const nodes = Array.from({ length: 100 }, (_, i) => nodeObject(`worker${i + 1}`, { cpu: "32", memory: "128Gi", pods: 110 }));
    const cache = cacheOf(nodes);
    const selectors = [selectorFromSet({ app: "bench" })];
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    let placed = 0;
    for (let i = 0; i < 10_000; i++) {
      const obj = podObject(`bench-${i}`, { labels: { app: "bench" }, cpu: "100m", memory: "128Mi" });
      const result = schedulePod(toSchedule(obj, { defaultSpreadSelectors: selectors }), cache);
      if (!result.node) continue;
      placed++;
      cache.upsertPod(assignedPod({ ...obj, spec: { ...(obj.spec as PodSpec), nodeName: result.node } }));
    }
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    console.log(`scheduler bench: ${placed} pods on 100 nodes in ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU (${Math.round((placed / cpuMs) * 1000)} pods/CPU-s)`);
    expect(placed).toBe(10_000);
    const counts = cache.nodes().map((n) => n.pods.size);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });
});
