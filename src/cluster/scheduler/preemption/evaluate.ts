// DefaultPreemption's PostFilter, for a pod no node accepts: may it preempt at all; on which nodes could evicting
// pods of lower priority help (those whose failure is not unresolvable); the victims on each; the best node. The
// outcome is either victims to evict on a node, or the reason preemption cannot help, worded as kube-scheduler 1.33
// words it (the FailedScheduling message's `preemption:` part).
import type { SchedulerCache } from "../cache";
import { fitErrorMessage } from "../fit-error";
import type { CycleState, NominatedPods } from "../framework";
import type { FilterFailure, PodToSchedule } from "../types";
import { pickOneNodeForPreemption, type Candidate } from "./pick-node";
import { selectVictimsOnNode } from "./victims";

export const preemptionNotHelpful = "Preemption is not helpful for scheduling";
export const preemptionPolicyNever = "not eligible due to preemptionPolicy=Never.";
export const terminatingVictimOnNominatedNode = "not eligible due to a terminating pod on the nominated node.";

export type PreemptionOutcome =
  | { preempt: Candidate }
  /** `clearNomination`: the pod's status.nominatedNodeName should be cleared (no node can help any more). */
  | { preempt?: undefined; message: string; clearNomination: boolean };

/** PodEligibleToPreemptOthers: the reason the pod may not preempt, if any. */
export function ineligibility(pod: PodToSchedule, cache: SchedulerCache, failures: Map<string, FilterFailure>): string | undefined {
  if (pod.preemptionPolicy === "Never") return preemptionPolicyNever;
  if (!pod.nominatedNodeName) return undefined;
  // Preempting again is fine when the nominated node cannot take the pod whatever happens to its pods.
  if (failures.get(pod.nominatedNodeName)?.unresolvable ?? true) return undefined;
  const node = cache.node(pod.nominatedNodeName);
  for (const p of node?.pods.values() ?? []) {
    if (p.priority < pod.priority && p.preempting) return terminatingVictimOnNominatedNode;
  }
  return undefined;
}

export function preempt(
  pod: PodToSchedule,
  cache: SchedulerCache,
  failures: Map<string, FilterFailure>,
  state: CycleState,
  nominated?: NominatedPods,
): PreemptionOutcome {
  const notEligible = ineligibility(pod, cache, failures);
  if (notEligible) return { message: notEligible, clearNomination: false };
  const nodes = cache.nodes();
  const statuses = new Map<string, readonly string[]>();
  const candidates: Candidate[] = [];
  for (const node of nodes) {
    const failure = failures.get(node.name);
    if (!failure || failure.unresolvable) continue;
    const result = selectVictimsOnNode(pod, node, state, nominated);
    if ("victims" in result) candidates.push({ node: node.name, victims: result.victims });
    else statuses.set(node.name, result.reasons);
  }
  const best = pickOneNodeForPreemption(candidates);
  if (best) return { preempt: best };
  const perNode = nodes.map((n) => ({ reasons: statuses.get(n.name) ?? [preemptionNotHelpful] }));
  return { message: fitErrorMessage(nodes.length, perNode), clearNomination: true };
}
