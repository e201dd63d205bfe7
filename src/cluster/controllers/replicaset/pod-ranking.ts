// Which pods a ReplicaSet deletes first when it scales down (controller.ActivePodsWithRanks): unscheduled before
// scheduled, pending before unknown before running, not ready before ready, lower deletion cost first, pods doubled
// up on a node first, ready for less time first, more restarts first, newer before older.
import { parseTime } from "../../../api/timestamp";
import type { Pod } from "../../../api/schemas/core/pod";
import { isPodReady, readyCondition } from "./pod-state";

const phaseOrder: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const deletionCostAnnotation = "controller.kubernetes.io/pod-deletion-cost";

function nodeOf(pod: Pod): string {
  return pod.spec?.nodeName ?? "";
}

function maxRestarts(pod: Pod): number {
  const statuses = pod.status?.containerStatuses ?? [];
  return statuses.reduce((max, s) => Math.max(max, s.restartCount ?? 0), 0);
}

function deletionCost(pod: Pod): number {
  const value = Number(pod.metadata.annotations?.[deletionCostAnnotation]);
  return Number.isInteger(value) ? value : 0;
}

/** Negative when `a` should be deleted before `b`. `rank` counts related pods on the same node. */
function compare(a: Pod, b: Pod, rank: Map<Pod, number>): number {
  const assignedA = nodeOf(a) !== "";
  const assignedB = nodeOf(b) !== "";
  if (assignedA !== assignedB) return assignedA ? 1 : -1;
  const phaseA = phaseOrder[a.status?.phase ?? ""] ?? 0;
  const phaseB = phaseOrder[b.status?.phase ?? ""] ?? 0;
  if (phaseA !== phaseB) return phaseA - phaseB;
  const readyA = isPodReady(a);
  const readyB = isPodReady(b);
  if (readyA !== readyB) return readyA ? 1 : -1;
  const costA = deletionCost(a);
  const costB = deletionCost(b);
  if (costA !== costB) return costA - costB;
  const rankA = rank.get(a) ?? 0;
  const rankB = rank.get(b) ?? 0;
  if (rankA !== rankB) return rankB - rankA;
  if (readyA && readyB) {
    const sinceA = parseTime(readyCondition(a)?.lastTransitionTime);
    const sinceB = parseTime(readyCondition(b)?.lastTransitionTime);
    if (sinceA !== sinceB) {
      if (sinceA === undefined) return -1;
      if (sinceB === undefined) return 1;
      return sinceB - sinceA;
    }
  }
  const restartsA = maxRestarts(a);
  const restartsB = maxRestarts(b);
  if (restartsA !== restartsB) return restartsB - restartsA;
  const createdA = parseTime(a.metadata.creationTimestamp);
  const createdB = parseTime(b.metadata.creationTimestamp);
  if (createdA !== createdB) {
    if (createdA === undefined) return -1;
    if (createdB === undefined) return 1;
    return createdB - createdA;
  }
  return (a.metadata.name ?? "") < (b.metadata.name ?? "") ? 1 : -1;
}

/**
 * The `count` pods to delete, in deletion order. `related` are the pods whose placement makes a pod "doubled up"
 * (the controller's own active pods, or all of its Deployment's).
 */
export function podsToDelete(pods: Pod[], count: number, related: Pod[] = pods): Pod[] {
  if (count >= pods.length) return [...pods];
  const perNode = new Map<string, number>();
  for (const p of related) {
    const node = nodeOf(p);
    if (node) perNode.set(node, (perNode.get(node) ?? 0) + 1);
  }
  const rank = new Map<Pod, number>();
  for (const p of pods) rank.set(p, nodeOf(p) ? perNode.get(nodeOf(p)) ?? 0 : 0);
  return [...pods].sort((a, b) => compare(a, b, rank)).slice(0, count);
}
