// The metrics pipeline in one place, as metrics-server builds it from the kubelets' summaries: each running
// container's usage from the kubelet (the simulator's model of its program), its load from the cluster network's count
// of answered connections, sampled at metrics-server's 15-second resolution (the same answer within a scrape). A
// scrape's first sample runs the programs on to its moment (their requests are made then), nothing before.
import type { Node, Pod } from "../api/schemas";
import type { Kubelet } from "./kubelet/kubelet";
import { nodeSystemMemoryBytes } from "./kubelet/memory-pressure";
import type { ClusterNetwork } from "./network/cluster-network";
import type { MetricsSource, NodeUsage, PodUsage } from "./registry/metrics/source";

/** metrics-server's --metric-resolution. */
export const scrapeIntervalMs = 15_000;
/** The windows metrics-server reports: the kubelet's CPU rate window for pods and for nodes. */
export const podWindowMs = 15_000;
export const nodeWindowMs = 10_000;
/** The window over which a server's answered connections make its request rate. */
const rateWindowMs = 30_000;
/** What a node uses besides its pods: kubelet, container runtime, the OS. */
const systemCpuMillis = 60;

export function metricsSource(kubelet: () => Kubelet | undefined, network: ClusterNetwork): MetricsSource {
  const sampledAt = (nowMs: number) => Math.floor(nowMs / scrapeIntervalMs) * scrapeIntervalMs;
  // Programs run lazily (as far as someone looks): before a scrape's first sample, every running program is run on to
  // the scrape's moment, so the requests clients made by then count in the servers' rates.
  let advancedTo = -Infinity;
  const podAt = (pod: Pod, at: number): PodUsage | undefined => {
    if (at > advancedTo) {
      advancedTo = at;
      kubelet()?.advanceRunning(at);
    }
    const runs = kubelet()?.usageOf(pod, at, (id) => network.rates.perSecond(id, at, rateWindowMs)) ?? [];
    if (!runs.length) return undefined;
    return {
      timestampMs: at,
      windowMs: podWindowMs,
      containers: runs.map((r) => ({ name: r.name, cpuMillis: r.usage.cpuMillis, memoryBytes: r.usage.memoryBytes })),
    };
  };
  return {
    pod: (pod, nowMs) => podAt(pod, sampledAt(nowMs)),
    node(_node: Node, pods, nowMs): NodeUsage {
      const at = sampledAt(nowMs);
      let cpuMillis = systemCpuMillis;
      let memoryBytes = nodeSystemMemoryBytes;
      for (const pod of pods) {
        for (const c of podAt(pod, at)?.containers ?? []) {
          cpuMillis += c.cpuMillis;
          memoryBytes += c.memoryBytes;
        }
      }
      return { timestampMs: at, windowMs: nodeWindowMs, cpuMillis, memoryBytes };
    },
  };
}
