// The resource usage of running containers, as metrics-server would scrape it from the kubelets: what
// metrics.k8s.io serves (PodMetrics, NodeMetrics) and what the HorizontalPodAutoscaler reads. Filled by the wiring
// (cluster/metrics-source.ts) from the kubelet's running containers, the simulator's usage model and the cluster
// network's count of answered connections. Pure reads: no storage writes, no alarm.
import type { Node, Pod } from "../../../api/schemas";

export interface ContainerMetrics {
  name: string;
  /** CPU in millicores (fractional), capped at the container's CPU limit. */
  cpuMillis: number;
  memoryBytes: number;
}

export interface PodUsage {
  /** Wall-clock ms the sample stands for (the end of its window), as metrics-server's `timestamp`. */
  timestampMs: number;
  /** The sample's window in ms (metrics-server's `window`). */
  windowMs: number;
  /** The running containers, in pod spec order. */
  containers: ContainerMetrics[];
}

export interface NodeUsage {
  timestampMs: number;
  windowMs: number;
  cpuMillis: number;
  memoryBytes: number;
}

export interface MetricsSource {
  /** Usage of `pod`'s running containers at `nowMs`; undefined when none runs (metrics-server lists no such pod). */
  pod(pod: Pod, nowMs: number): PodUsage | undefined;
  /** Usage of `node` at `nowMs`: its pods' usage plus the system's share (kubelet, runtime, OS). */
  node(node: Node, pods: readonly Pod[], nowMs: number): NodeUsage;
}
