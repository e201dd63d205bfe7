// The kubelet eviction manager's memory signal, one check per node: memory.available is the node's capacity less what
// the node uses (its system daemons and every running container's working set, from the usage model). Below the hard
// threshold (100Mi) the node gets MemoryPressure (the node lifecycle controller then taints it), an
// EvictionThresholdMet event, and one pod is evicted per look (memory-eviction.ts ranks them), until enough is
// reclaimed; the condition clears once the threshold has not been met for the pressure transition period.
//
// A check costs no alarm on a quiet node: it runs when a container starts or stops on the node (the kubelet's own pod
// status writes wake it), again when a running program's memory stops growing (the model says when), and while the
// node is under pressure; a node whose usage cannot change is never looked at again.
import { Quantity } from "../../api/quantity";
import type { Node, Pod } from "../../api/schemas";
import type { ControllerContext, ReconcileResult } from "../control-loop/types";
import { nodes } from "../registry/nodes";
import { memoryEvictionMessage, memoryThresholdBytes, rankForMemoryEviction, type PodMemoryStats } from "./memory-eviction";

/** What a node uses besides its pods: kubelet, container runtime, the OS (metrics-server shows it in `top node`). */
export const nodeSystemMemoryBytes = 480 * 1024 * 1024;

type NodeCondition = NonNullable<NonNullable<Node["status"]>["conditions"]>[number];

/** What the check needs from the kubelet. */
export interface MemoryPressureHost {
  /** The pod's running containers' memory now, and until when (wall-clock ms) any of them still grows. */
  memoryOf(pod: Pod, now: number): { containers: { name: string; memoryBytes: number }[]; growsUntil?: number };
  /** Evict the pod now (killed at once, then Failed with reason Evicted and this message). */
  evict(pod: Pod, message: string, ctx: ControllerContext): void;
}

interface NodePressure {
  pressure: boolean;
  /** When the threshold was last seen met. */
  lastMetAt: number;
  /** When the manager last evicted a pod (it evicts one a look, then waits for the next). */
  lastEvictionAt: number;
}

function rfc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function bytesOf(quantity: string | number | undefined): number | undefined {
  if (quantity === undefined) return undefined;
  try {
    return Quantity.parse(String(quantity)).toNumber();
  } catch {
    return undefined;
  }
}

export class MemoryPressure {
  private readonly nodes = new Map<string, NodePressure>();

  forget(nodeName: string): void {
    this.nodes.delete(nodeName);
  }

  /** Look at the node's memory now: set or clear its condition, evict one pod if the threshold is met. */
  check(nodeName: string, ctx: ControllerContext, host: MemoryPressureHost): ReconcileResult {
    const node = ctx.registry.tryGet(nodes, undefined, nodeName);
    const capacity = bytesOf(node?.status?.capacity?.memory);
    if (!node || capacity === undefined) {
      this.nodes.delete(nodeName);
      return;
    }
    const now = ctx.now;
    const interval = ctx.timing.evictionIntervalMs;
    let state = this.nodes.get(nodeName);
    if (!state) {
      const condition = node.status?.conditions?.find((c) => c.type === "MemoryPressure");
      this.nodes.set(nodeName, (state = { pressure: condition?.status === "True", lastMetAt: Number.NEGATIVE_INFINITY, lastEvictionAt: Number.NEGATIVE_INFINITY }));
    }
    let used = nodeSystemMemoryBytes;
    let growsUntil = Number.POSITIVE_INFINITY;
    const stats: PodMemoryStats[] = [];
    for (const pod of ctx.indexes.podsOnNode(nodeName)) {
      const phase = pod.status?.phase;
      if (phase === "Succeeded" || phase === "Failed") continue;
      const seen = host.memoryOf(pod, now);
      for (const c of seen.containers) used += c.memoryBytes;
      if (seen.growsUntil !== undefined && seen.growsUntil > now) growsUntil = Math.min(growsUntil, seen.growsUntil);
      if (seen.containers.length) stats.push({ pod, containers: seen.containers });
    }
    const available = capacity - used;
    // The manager's next look after the memory stops growing.
    let next = Number.isFinite(growsUntil) ? Math.ceil(growsUntil / interval) * interval : Number.POSITIVE_INFINITY;
    const source = { component: "kubelet", host: nodeName };
    if (available < memoryThresholdBytes) {
      // Woken again before the manager's next look (the evicted pod's own writes): look then.
      if (now < state.lastEvictionAt + interval) return { requeueAt: state.lastEvictionAt + interval };
      state.lastMetAt = now;
      const current = state.pressure ? node : this.setCondition(node, true, ctx);
      state.pressure = true;
      ctx.events.record(current, now, "Warning", "EvictionThresholdMet", "Attempting to reclaim memory", source);
      const victim = rankForMemoryEviction(stats.filter((s) => !s.pod.metadata.deletionTimestamp))[0];
      if (victim) {
        state.lastEvictionAt = now;
        host.evict(victim.pod, memoryEvictionMessage(victim, available), ctx);
      }
      next = Math.min(next, now + interval);
    } else if (state.pressure) {
      const clearAt = state.lastMetAt + ctx.timing.evictionPressureTransitionMs;
      if (now >= clearAt) {
        this.setCondition(node, false, ctx);
        state.pressure = false;
      } else next = Math.min(next, clearAt);
    }
    return Number.isFinite(next) ? { requeueAt: Math.max(next, now) } : undefined;
  }

  /** The MemoryPressure condition as the kubelet posts it, and its NodeHas... event. */
  private setCondition(node: Node, pressure: boolean, ctx: ControllerContext): Node {
    const name = node.metadata.name!;
    const at = rfc(ctx.now);
    const [status, reason, message, word] = pressure
      ? ["True", "KubeletHasInsufficientMemory", "kubelet has insufficient memory available", "NodeHasInsufficientMemory"]
      : ["False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available", "NodeHasSufficientMemory"];
    const conditions: NodeCondition[] = (node.status?.conditions ?? []).map((c) =>
      c.type === "MemoryPressure" ? { ...c, status, reason, message, lastHeartbeatTime: at, lastTransitionTime: c.status === status ? c.lastTransitionTime : at } : c,
    );
    const updated = ctx.registry.update(nodes, undefined, name, { ...node, status: { ...node.status, conditions } }, { subresource: "status" });
    ctx.events.record(updated, ctx.now, "Normal", word, `Node ${name} status is now: ${word}`, { component: "kubelet", host: name });
    return updated;
  }
}
