// The eviction manager's choice under memory pressure and what it says (pure): the kubelet's rankMemoryPressure
// orders the node's pods by whether their memory exceeds their requests (those first), then by priority (lowest
// first), then by how far their usage is above their requests (largest first) — so BestEffort pods go before
// Burstable ones and Guaranteed ones last, in effect. The message is the kubelet's evictionMessage.
import { canonicalQuantity, Quantity } from "../../api/quantity";
import type { Pod } from "../../api/schemas";

/** The kubelet's default hard eviction threshold for memory (`memory.available<100Mi`). */
export const memoryThresholdBytes = 100 * 1024 * 1024;
/** A critical pod (system-node-critical and system-cluster-critical priority) is never ranked for eviction. */
const systemCriticalPriority = 2_000_000_000;

/** What the manager saw of one pod: its running containers' working sets, in bytes. */
export interface PodMemoryStats {
  pod: Pod;
  containers: { name: string; memoryBytes: number }[];
}

/** A container's memory request in bytes (0 when absent or unparsable). */
function requestBytes(pod: Pod, container: string): number {
  const c = pod.spec?.containers?.find((k) => k.name === container);
  const request = c?.resources?.requests?.memory;
  if (request === undefined) return 0;
  try {
    return Quantity.parse(String(request)).toNumber();
  } catch {
    return 0;
  }
}

const usageOf = (s: PodMemoryStats) => s.containers.reduce((sum, c) => sum + c.memoryBytes, 0);
const requestsOf = (s: PodMemoryStats) => (s.pod.spec?.containers ?? []).reduce((sum, c) => sum + requestBytes(s.pod, c.name), 0);

/** The pods the manager may evict, in the order it evicts them (rankMemoryPressure); critical pods are left out. */
export function rankForMemoryEviction(stats: PodMemoryStats[]): PodMemoryStats[] {
  const ranked = stats
    .filter((s) => (s.pod.spec?.priority ?? 0) < systemCriticalPriority)
    .map((s) => ({ s, above: usageOf(s) - requestsOf(s), priority: s.pod.spec?.priority ?? 0 }));
  ranked.sort((a, b) => {
    const exceeds = Number(b.above > 0) - Number(a.above > 0);
    if (exceeds) return exceeds;
    if (a.priority !== b.priority) return a.priority - b.priority;
    return b.above - a.above;
  });
  return ranked.map((r) => r.s);
}

/** A working set as the kubelet formats it (whole pages, binary units: `7Gi`, `153604Ki`). */
export function formatBytes(bytes: number): string {
  const pages = Math.round(bytes / 4096) * 4096;
  return Quantity.fromValue(pages, "BinarySI").toString();
}

/**
 * The eviction's message, on the pod's status, its DisruptionTarget condition and its Evicted event: the node's
 * threshold and what was available, then each container whose usage is above its request.
 */
export function memoryEvictionMessage(stats: PodMemoryStats, availableBytes: number): string {
  let message = `The node was low on resource: memory. Threshold quantity: ${formatBytes(memoryThresholdBytes)}, available: ${formatBytes(availableBytes)}. `;
  for (const container of stats.pod.spec?.containers ?? []) {
    const used = stats.containers.find((c) => c.name === container.name);
    if (!used || used.memoryBytes <= requestBytes(stats.pod, container.name)) continue;
    const request = container.resources?.requests?.memory;
    const requestText = request === undefined ? "0" : canonicalQuantity(request);
    message += `Container ${container.name} was using ${formatBytes(used.memoryBytes)}, request is ${requestText}, has larger consumption of memory. `;
  }
  return message;
}
