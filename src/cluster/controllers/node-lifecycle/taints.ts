// The taints the node lifecycle controller keeps in step with a node's conditions (Kubernetes' TaintNodesByCondition
// and its NoExecute tainting pass): unreachable while Ready is Unknown, not-ready while it is False, unschedulable
// while the node is cordoned, memory-pressure while MemoryPressure is True.
import type { Taint } from "../../../api/schemas/core/node";

export const unreachableKey = "node.kubernetes.io/unreachable";
export const notReadyKey = "node.kubernetes.io/not-ready";
export const unschedulableKey = "node.kubernetes.io/unschedulable";
export const memoryPressureKey = "node.kubernetes.io/memory-pressure";

const managedKeys = new Set([unreachableKey, notReadyKey, unschedulableKey, memoryPressureKey]);

/** The managed taints a node should carry for its Ready and MemoryPressure statuses and `spec.unschedulable`. */
export function wantedTaints(ready: string | undefined, unschedulable: boolean, memoryPressure = false): Array<Pick<Taint, "key" | "effect">> {
  const out: Array<Pick<Taint, "key" | "effect">> = [];
  const key = ready === "Unknown" ? unreachableKey : ready === "False" ? notReadyKey : undefined;
  if (key) out.push({ key, effect: "NoSchedule" }, { key, effect: "NoExecute" });
  if (unschedulable) out.push({ key: unschedulableKey, effect: "NoSchedule" });
  if (memoryPressure) out.push({ key: memoryPressureKey, effect: "NoSchedule" });
  return out;
}

/**
 * The node's taints with the managed ones made to match `wanted`: the others and the managed ones already there are
 * kept as they are (with their timeAdded); new NoExecute taints get `timeAdded`. Undefined when nothing changes.
 */
export function reconcileTaints(current: Taint[], wanted: Array<Pick<Taint, "key" | "effect">>, timeAdded: string): Taint[] | undefined {
  const has = (t: Pick<Taint, "key" | "effect">, list: Array<Pick<Taint, "key" | "effect">>) => list.some((w) => w.key === t.key && w.effect === t.effect);
  const kept = current.filter((t) => !managedKeys.has(t.key) || has(t, wanted));
  const added = wanted.filter((w) => !has(w, current)).map((w): Taint => (w.effect === "NoExecute" ? { ...w, timeAdded } : { ...w }));
  if (!added.length && kept.length === current.length) return undefined;
  return [...kept, ...added];
}
