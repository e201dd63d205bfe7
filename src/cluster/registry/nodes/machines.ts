// The port through which the parts that need a node's machine state reach it: the apiserver (heartbeat fields,
// derived when read), the node lifecycle controller (when a node's kubelet last posted) and the simulated kubelet
// (whether it runs at all). The wiring (cluster/assemble.ts) fills it with the machine table of cluster/nodes/;
// the state lives in the cluster's SQLite, never in the Kubernetes objects.
import type { KubeObject } from "../../../api/object";

export type MachineState = "up" | "stopped" | "booting";

export interface Machine {
  state: MachineState;
  /** When the machine entered this state (ms). */
  since: number;
  /**
   * The kubelet's last heartbeat (ms) while it does not post: stopped, or booting again after a stop. Absent while
   * its kubelet posts (up, or a new worker joining): then the heartbeat is as fresh as the read.
   */
  heartbeatAt?: number;
  /** Booting: when its kubelet reports Ready (a new worker) or starts posting again (a restart). */
  readyAt?: number;
  /** Booting: a new worker joining the cluster (registered NotReady), not a restart. */
  joining?: boolean;
}

export interface Machines {
  /** The machine behind a Node, or undefined for a Node applied by hand (no kubelet ever posts for it). */
  of(node: KubeObject): Machine | undefined;
  /** When the node's kubelet last posted status (ms), as of `now`; undefined when none ever did. */
  lastHeartbeat(node: KubeObject, now: number): number | undefined;
  /** Whether the node's kubelet runs (and drives its pods): never for a Node applied by hand. */
  kubeletRunning(node: KubeObject): boolean;
  /** A booting machine's kubelet is up and posting (the kubelet side calls it at `readyAt`). */
  markUp(nodeName: string, now: number): void;
  /** Booting machines, for the kubelet side's resync after a restart of the object. */
  booting(): string[];
}

/** Kubernetes' node Lease period and node-status report frequency: the grids heartbeats fall on. */
export const leaseRenewMs = 10_000;
export const statusReportMs = 5 * 60_000;

/** A heartbeat of a posting kubelet read at `now`: the last tick of a `period` grid started at `since`. */
export function lastTick(since: number, now: number, period: number): number {
  return now < since ? since : now - ((now - since) % period);
}
