// One scheduling cycle: run the filters on every node (first failure wins, in the default profile's order), then
// score the feasible nodes with the default plugins and weights, and pick the best (ties broken by a stable hash
// of the pod uid and node name).
import type { SchedulerCache } from "./cache";
import { fnv1a } from "./hash";
import { interPodAffinityFilter, interPodAffinityNormalize, interPodAffinityPrepare, interPodAffinityPrepareScore, interPodAffinityScore } from "./plugins/inter-pod-affinity";
import { nodeNameFilter, nodeUnschedulableFilter } from "./plugins/node-basics";
import { nodeAffinityFilter, nodeAffinityNormalize, nodeAffinityScore } from "./plugins/node-affinity";
import { balancedAllocationScore, leastAllocatedScore, nodeResourcesFitFilter } from "./plugins/node-resources";
import { spreadFilter, spreadNormalize, spreadPrepareFilter, spreadPrepareScore, spreadScore } from "./plugins/pod-topology-spread";
import { taintTolerationFilter, taintTolerationNormalize, taintTolerationScore } from "./plugins/taint-toleration";
import type { FilterFailure, NodeInfo, PodToSchedule } from "./types";

export type ScheduleResult =
  | { node: string; feasible: number }
  | { node?: undefined; numNodes: number; failures: Map<string, FilterFailure> };

/** Default score weights (kube-scheduler's default profile). */
export const weights = {
  taintToleration: 3,
  nodeAffinity: 2,
  nodeResourcesFit: 1,
  podTopologySpread: 2,
  interPodAffinity: 2,
  balancedAllocation: 1,
} as const;

export function filterNode(
  pod: PodToSchedule,
  node: NodeInfo,
  state: { spread: ReturnType<typeof spreadPrepareFilter>; affinity: ReturnType<typeof interPodAffinityPrepare> },
): FilterFailure | undefined {
  return (
    nodeUnschedulableFilter(pod, node) ??
    nodeNameFilter(pod, node) ??
    taintTolerationFilter(pod, node) ??
    nodeAffinityFilter(pod, node) ??
    nodeResourcesFitFilter(pod, node) ??
    spreadFilter(node, state.spread) ??
    interPodAffinityFilter(pod, node, state.affinity)
  );
}

/** Weighted, normalised total score of each feasible node (same order). */
export function scoreNodes(pod: PodToSchedule, feasible: NodeInfo[], cache: SchedulerCache): number[] {
  const totals = feasible.map(() => 0);
  const addAll = (weight: number, scores: number[]) => scores.forEach((s, i) => (totals[i] += weight * s));
  addAll(weights.taintToleration, taintTolerationNormalize(feasible.map((n) => taintTolerationScore(pod, n))));
  if (pod.preferredNodeTerms.length) addAll(weights.nodeAffinity, nodeAffinityNormalize(feasible.map((n) => nodeAffinityScore(pod, n))));
  addAll(weights.nodeResourcesFit, feasible.map((n) => leastAllocatedScore(pod, n)));
  addAll(weights.balancedAllocation, feasible.map((n) => balancedAllocationScore(pod, n)));
  const spread = spreadPrepareScore(pod, feasible, cache);
  if (spread) addAll(weights.podTopologySpread, spreadNormalize(feasible.map((n) => spreadScore(n, spread, cache)), feasible, spread));
  const affinity = interPodAffinityPrepareScore(pod, cache);
  if (affinity) addAll(weights.interPodAffinity, interPodAffinityNormalize(feasible.map((n) => interPodAffinityScore(n, affinity))));
  return totals;
}

export function schedulePod(pod: PodToSchedule, cache: SchedulerCache): ScheduleResult {
  const nodes = cache.nodes();
  const state = { spread: spreadPrepareFilter(pod, cache), affinity: interPodAffinityPrepare(pod, cache) };
  const feasible: NodeInfo[] = [];
  const failures = new Map<string, FilterFailure>();
  for (const node of nodes) {
    const failure = filterNode(pod, node, state);
    if (failure) failures.set(node.name, failure);
    else feasible.push(node);
  }
  if (!feasible.length) return { numNodes: nodes.length, failures };
  if (feasible.length === 1) return { node: feasible[0].name, feasible: 1 };
  const scores = scoreNodes(pod, feasible, cache);
  const seed = fnv1a(`${pod.uid}/`);
  let best = 0;
  let bestTie = fnv1a(feasible[0].name, seed);
  for (let i = 1; i < feasible.length; i++) {
    if (scores[i] < scores[best]) continue;
    const tie = fnv1a(feasible[i].name, seed);
    if (scores[i] > scores[best] || tie > bestTie) {
      best = i;
      bestTie = tie;
    }
  }
  return { node: feasible[best].name, feasible: feasible.length };
}
