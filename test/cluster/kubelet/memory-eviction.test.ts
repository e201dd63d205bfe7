import { describe, expect, it } from "vitest";
import type { Pod } from "../../../src/api/schemas";
import { formatBytes, memoryEvictionMessage, rankForMemoryEviction, type PodMemoryStats } from "../../../src/cluster/kubelet/memory-eviction";

const Mi = 1024 * 1024;

function stats(name: string, usedMi: number, requests?: string, priority?: number, limits?: string): PodMemoryStats {
  const resources = { ...(requests ? { requests: { memory: requests } } : {}), ...(limits ? { limits: { memory: limits } } : {}) };
  const pod = { metadata: { name }, spec: { containers: [{ name: "app", image: "x", resources }], ...(priority !== undefined ? { priority } : {}) } } as unknown as Pod;
  return { pod, containers: [{ name: "app", memoryBytes: usedMi * Mi }] };
}

const names = (list: PodMemoryStats[]) => list.map((s) => s.pod.metadata.name);

describe("the eviction manager's memory ranking", () => {
  it("pods over their requests first, then lower priority, then the most above their requests", () => {
    const ranked = rankForMemoryEviction([
      stats("guaranteed", 200, "256Mi", 0, "256Mi"),
      stats("burstable-small", 150, "100Mi"),
      stats("besteffort", 300),
      stats("burstable-big", 900, "100Mi"),
      stats("important", 2000, undefined, 1000),
    ]);
    expect(names(ranked)).toEqual(["burstable-big", "besteffort", "burstable-small", "important", "guaranteed"]);
  });

  it("leaves critical pods (system priority) out", () => {
    expect(names(rankForMemoryEviction([stats("etcd", 500, undefined, 2_000_001_000), stats("app", 10)]))).toEqual(["app"]);
  });
});

describe("the eviction message", () => {
  it("is the kubelet's: threshold, available, then each container above its request", () => {
    expect(memoryEvictionMessage(stats("hog", 7 * 1024), 90 * Mi)).toBe(
      "The node was low on resource: memory. Threshold quantity: 100Mi, available: 90Mi. Container app was using 7Gi, request is 0, has larger consumption of memory. ",
    );
    expect(memoryEvictionMessage(stats("b", 300, "128M"), 50 * Mi + 4096)).toBe(
      "The node was low on resource: memory. Threshold quantity: 100Mi, available: 51204Ki. Container app was using 300Mi, request is 128M, has larger consumption of memory. ",
    );
  });

  it("names no container that is within its request", () => {
    expect(memoryEvictionMessage(stats("g", 200, "256Mi"), 10 * Mi)).toBe("The node was low on resource: memory. Threshold quantity: 100Mi, available: 10Mi. ");
  });

  it("formats working sets in whole pages and binary units", () => {
    expect(formatBytes(153_600 * 1024 + 100)).toBe("150Mi");
    expect(formatBytes(1_000_000)).toBe("976Ki");
  });
});
