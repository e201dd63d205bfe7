// A node as the filters would see it with some pods added (pods nominated to it) or taken away (preemption
// victims): a copy of the pod set and the requested sum; the cached NodeInfo is never touched. Only what filters
// read is adjusted (not the scoring sums or per-matcher counts).
import { addResources } from "./resources";
import type { AssignedPod, NodeInfo } from "./types";

export function nodeView(node: NodeInfo, add: readonly AssignedPod[], remove: readonly AssignedPod[]): NodeInfo {
  if (!add.length && !remove.length) return node;
  const pods = new Map(node.pods);
  const requested = { ...node.requested, scalar: { ...node.requested.scalar } };
  for (const p of remove) if (pods.delete(p.key)) addResources(requested, p.requests, -1);
  for (const p of add) {
    if (pods.has(p.key)) continue;
    pods.set(p.key, p);
    addResources(requested, p.requests);
  }
  return { ...node, pods, requested };
}
