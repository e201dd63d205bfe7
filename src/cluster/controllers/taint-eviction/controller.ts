// Kubernetes' taint eviction controller (the former taint manager): a pod on a node with a NoExecute taint it does
// not tolerate is deleted at once; one that tolerates it for `tolerationSeconds` is deleted when that runs out,
// counted from when the taint was added. Deletion is graceful: on a node whose kubelet is gone the pod then stays
// Terminating until the node comes back or is deleted. Keyed by node; a node with no NoExecute taint costs nothing.
import type { Toleration } from "../../../api/schemas/core/affinity";
import type { Node, Taint } from "../../../api/schemas/core/node";
import type { Pod } from "../../../api/schemas/core/pod";
import { tolerates } from "../../../api/selectors/node-selector";
import { parseTime } from "../../../api/timestamp";
import { nodes } from "../../registry/nodes";
import { pods } from "../../registry/pods";
import { isTerminal, markDisruptionTarget } from "../disruption";
import { watch, type Controller, type ControllerContext, type ReconcileResult, type Watch } from "../../control-loop/types";

const source = { component: "taint-eviction-controller" };

function noExecute(node: Node | undefined): Taint[] {
  return (node?.spec?.taints ?? []).filter((t) => t.effect === "NoExecute");
}

function nodeNameOf(pod: Pod | undefined): string | undefined {
  return pod?.spec?.nodeName;
}

/** When a pod must go for these taints (ms), Infinity when it tolerates them for ever, or `start` when it does not tolerate one. */
export function evictionTime(tolerations: Toleration[], taints: Taint[], startOf: (t: Taint) => number): number {
  let due = Number.POSITIVE_INFINITY;
  for (const taint of taints) {
    const matching = tolerations.filter((t) => tolerates(t as Parameters<typeof tolerates>[0], taint));
    const start = startOf(taint);
    if (!matching.length) return start;
    let seconds = Number.POSITIVE_INFINITY;
    for (const t of matching) if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) seconds = Math.min(seconds, Math.max(0, t.tolerationSeconds));
    due = Math.min(due, start + seconds * 1000);
  }
  return due;
}

export class TaintEvictionController implements Controller {
  readonly name = "taint-eviction-controller";
  /** When this controller first saw a NoExecute taint that carries no timeAdded (node\nkey\nvalue → ms). */
  private readonly firstSeen = new Map<string, number>();

  readonly watches: Watch[] = [
    watch(nodes, (event) => {
      if (event.type === "DELETED") return [event.object.metadata.name!];
      const now = noExecute(event.object);
      const before = noExecute(event.prev);
      const same = now.length === before.length && now.every((t, i) => t.key === before[i]!.key && t.value === before[i]!.value && t.timeAdded === before[i]!.timeAdded);
      return same && event.type !== "ADDED" ? [] : [event.object.metadata.name!];
    }),
    watch(pods, (event) => {
      if (event.type === "DELETED") return [];
      const node = nodeNameOf(event.object);
      return node && (event.type === "ADDED" || nodeNameOf(event.prev) !== node) ? [node] : [];
    }),
  ];

  resync(ctx: ControllerContext): string[] {
    return ctx.registry
      .list(nodes)
      .filter((n) => noExecute(n).length)
      .map((n) => n.metadata.name!);
  }

  reconcile(nodeName: string, ctx: ControllerContext): ReconcileResult {
    const node = ctx.registry.tryGet(nodes, undefined, nodeName);
    const taints = noExecute(node);
    const seenKey = (t: Taint) => `${nodeName}\n${t.key}\n${t.value ?? ""}`;
    for (const key of this.firstSeen.keys()) {
      if (key.startsWith(`${nodeName}\n`) && !taints.some((t) => seenKey(t) === key)) this.firstSeen.delete(key);
    }
    if (!taints.length) return;
    const startOf = (t: Taint): number => {
      const added = parseTime(t.timeAdded);
      if (added !== undefined) return added;
      const key = seenKey(t);
      if (!this.firstSeen.has(key)) this.firstSeen.set(key, ctx.now);
      return this.firstSeen.get(key)!;
    };
    let next = Number.POSITIVE_INFINITY;
    for (const pod of ctx.indexes.podsOnNode(nodeName)) {
      if (pod.metadata.deletionTimestamp || isTerminal(pod)) continue;
      const due = evictionTime(pod.spec?.tolerations ?? [], taints, startOf);
      if (due > ctx.now) {
        next = Math.min(next, due);
        continue;
      }
      const { namespace, name } = pod.metadata;
      ctx.events.record(pod, ctx.now, "Normal", "TaintManagerEviction", `Marking for deletion Pod ${namespace}/${name}`, source);
      markDisruptionTarget(ctx, pod, "DeletionByTaintManager", "Taint manager: deleting due to NoExecute taint");
      ctx.registry.delete(pods, namespace, name!, { preconditions: { uid: pod.metadata.uid } });
    }
    return Number.isFinite(next) ? { requeueAt: next } : undefined;
  }
}
