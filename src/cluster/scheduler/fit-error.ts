// The message of a pod that fits nowhere, as kube-scheduler 1.33 writes it (framework.FitError.Error() and the
// DefaultPreemption PostFilter): "0/N nodes are available: <count reason, ...>. preemption: 0/N nodes are
// available: <count reason, ...>." Reasons are counted across nodes and sorted as strings ("2 Insufficient cpu"
// sorts by its leading count first, as Go's sort.Strings does).
import type { FilterFailure } from "./types";

export const noNodesAvailable = "no nodes available to schedule pods";
export const preemptionNotHelpful = "Preemption is not helpful for scheduling";
export const noPreemptionVictims = "No preemption victims found for incoming pod";
export const preemptionPolicyNever = "not eligible due to preemptionPolicy=Never.";

/** "1 a, 2 b": each reason prefixed by how many nodes gave it, sorted by code unit like Go's sort.Strings. */
export function reasonHistogram(reasonsPerNode: Iterable<readonly string[]>): string {
  const counts = new Map<string, number>();
  for (const reasons of reasonsPerNode) for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts]
    .map(([reason, n]) => `${n} ${reason}`)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .join(", ");
}

/** FitError.Error(): the filter reasons, then the PostFilter (preemption) message if any. */
export function fitErrorMessage(numNodes: number, failures: Iterable<FilterFailure>, postFilterMessage = ""): string {
  let message = `0/${numNodes} nodes are available:`;
  const histogram = reasonHistogram([...failures].map((f) => f.reasons));
  if (histogram) message += ` ${histogram}.`;
  if (postFilterMessage) message += ` ${postFilterMessage}`;
  return message;
}

/**
 * DefaultPreemption's verdict when it finds no victims: nodes whose failure preemption cannot fix
 * (UnschedulableAndUnresolvable) are "not helpful"; on the others no pod of lower priority could be evicted. This
 * scheduler never preempts, so every other node reports no victims.
 */
export function preemptionMessage(
  numNodes: number,
  failures: Map<string, FilterFailure>,
  preemptionPolicy: string | undefined,
): string {
  if (preemptionPolicy === "Never") return `preemption: ${preemptionPolicyNever}`;
  const perNode: string[][] = [];
  for (const failure of failures.values()) perNode.push([failure.unresolvable ? preemptionNotHelpful : noPreemptionVictims]);
  return `preemption: ${fitErrorMessage(numNodes, perNode.map((reasons) => ({ plugin: "", reasons, unresolvable: true })))}`;
}

/** The whole FailedScheduling message for a pod no node accepts. */
export function unschedulableMessage(numNodes: number, failures: Map<string, FilterFailure>, preemptionPolicy?: string): string {
  if (numNodes === 0) return noNodesAvailable;
  return fitErrorMessage(numNodes, failures.values(), preemptionMessage(numNodes, failures, preemptionPolicy));
}
