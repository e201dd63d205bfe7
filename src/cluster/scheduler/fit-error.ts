// The message of a pod that fits nowhere, as kube-scheduler 1.33 writes it (framework.FitError.Error() plus the
// PostFilter's message): "0/N nodes are available: <count reason, ...>." and then, when preemption did not find
// room, " preemption: <why>" — either a reason the pod may not preempt, or another FitError over the nodes' dry-run
// results ("0/N nodes are available: 2 No preemption victims found for incoming pod, 1 Preemption is not helpful
// for scheduling."). When preemption did find victims the message has no preemption part. Reasons are counted
// across nodes and sorted as strings ("2 Insufficient cpu" sorts by its leading count first, as Go's sort.Strings
// does).

export const noNodesAvailable = "no nodes available to schedule pods";

/** "1 a, 2 b": each reason prefixed by how many nodes gave it, sorted by code unit like Go's sort.Strings. */
export function reasonHistogram(reasonsPerNode: Iterable<readonly string[]>): string {
  const counts = new Map<string, number>();
  for (const reasons of reasonsPerNode) for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts]
    .map(([reason, n]) => `${n} ${reason}`)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .join(", ");
}

/**
 * FitError.Error(): the filter reasons of every node (or, when a PreFilter plugin refused the pod, its message), then
 * the PostFilter (preemption) message if any.
 */
export function fitErrorMessage(numNodes: number, failures: Iterable<{ reasons: readonly string[] }>, postFilterMessage = "", preFilterMessage = ""): string {
  let message = `0/${numNodes} nodes are available:`;
  const histogram = preFilterMessage || reasonHistogram([...failures].map((f) => f.reasons));
  if (histogram) message += ` ${histogram}.`;
  if (postFilterMessage) message += ` ${postFilterMessage}`;
  return message;
}

/** DefaultPreemption's PostFilter status message: its own message prefixed with "preemption: ". */
export function preemptionMessage(message: string): string {
  return `preemption: ${message}`;
}

/**
 * The whole FailedScheduling message for a pod no node accepts; `preemption` is what preemption said when it could
 * not help (undefined when it found victims).
 */
export function unschedulableMessage(numNodes: number, failures: Map<string, { reasons: readonly string[] }>, preemption?: string, preFilter = ""): string {
  if (numNodes === 0) return noNodesAvailable;
  return fitErrorMessage(numNodes, failures.values(), preemption === undefined ? "" : preemptionMessage(preemption), preFilter);
}
