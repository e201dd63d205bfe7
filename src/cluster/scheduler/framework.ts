// One scheduling cycle: run the filters on every node (first failure wins, in the default profile's order), then
// score the feasible nodes with the default plugins and weights, and pick the best (ties broken by a stable hash
// of the pod uid and node name). A pod nominated to a node by an earlier preemption tries that node first, and the
// room held there for nominated pods is kept from pods that are not more important than them.
import type { SchedulerCache } from "./cache";
import { fnv1a } from "./hash";
import { interPodAffinityFilter, interPodAffinityNormalize, interPodAffinityPrepare, interPodAffinityPrepareScore, interPodAffinityScore } from "./plugins/inter-pod-affinity";
import { nodeNameFilter, nodeUnschedulableFilter } from "./plugins/node-basics";
import { nodeAffinityFilter, nodeAffinityNormalize, nodeAffinityScore } from "./plugins/node-affinity";
import { balancedAllocationScore, leastAllocatedScore, nodeResourcesFitFilter } from "./plugins/node-resources";
import { spreadFilter, spreadNormalize, spreadPrepareFilter, spreadPrepareScore, spreadScore } from "./plugins/pod-topology-spread";
import { taintTolerationFilter, taintTolerationNormalize, taintTolerationScore } from "./plugins/taint-toleration";
import { volumeBindingFilter, type PodVolumes } from "./plugins/volume-binding";
import type { PersistentVolume } from "../../api/schemas/core/persistentvolume";
import { nodeView } from "./node-view";
import type { AssignedPod, FilterFailure, NodeInfo, PodToSchedule } from "./types";

/** What PreFilter computed once per attempt, for the filters of every node. */
export interface CycleState {
  spread: ReturnType<typeof spreadPrepareFilter>;
  affinity: ReturnType<typeof interPodAffinityPrepare>;
  /** VolumeBinding's PreFilter result (the pod's claims), with the volumes delayed claims may bind. */
  volumes?: { pod: PodVolumes; available: () => PersistentVolume[] };
}

/** The pods nominated to a node (by an earlier preemption), which the scheduler keeps room for. */
export type NominatedPods = (node: string) => readonly AssignedPod[];

export type ScheduleResult =
  | { node: string; feasible: number }
  | { node?: undefined; numNodes: number; failures: Map<string, FilterFailure>; state: CycleState };

/** Default score weights (kube-scheduler's default profile). */
export const weights = {
  taintToleration: 3,
  nodeAffinity: 2,
  nodeResourcesFit: 1,
  podTopologySpread: 2,
  interPodAffinity: 2,
  balancedAllocation: 1,
} as const;

export function prepareFilters(pod: PodToSchedule, cache: SchedulerCache, volumes?: CycleState["volumes"]): CycleState {
  return { spread: spreadPrepareFilter(pod, cache), affinity: interPodAffinityPrepare(pod, cache), ...(volumes ? { volumes } : {}) };
}

export function filterNode(pod: PodToSchedule, node: NodeInfo, state: CycleState): FilterFailure | undefined {
  return (
    nodeUnschedulableFilter(pod, node) ??
    nodeNameFilter(pod, node) ??
    taintTolerationFilter(pod, node) ??
    nodeAffinityFilter(pod, node) ??
    nodeResourcesFitFilter(pod, node) ??
    spreadFilter(node, state.spread) ??
    interPodAffinityFilter(pod, node, state.affinity) ??
    (state.volumes ? volumeBindingFilter(state.volumes.pod, node, state.volumes.available) : undefined)
  );
}

/**
 * RunFilterPluginsWithNominatedPods: the node's filters with the pods nominated to it that are at least as important
 * as `pod` counted in (their resources; spreading and affinity see only bound pods).
 */
export function filterWithNominated(pod: PodToSchedule, node: NodeInfo, state: CycleState, nominated?: NominatedPods): FilterFailure | undefined {
  const onNode = nominated?.(node.name);
  if (!onNode?.length) return filterNode(pod, node, state);
  const reserved = onNode.filter((p) => p.key !== pod.key && p.priority >= pod.priority);
  return filterNode(pod, reserved.length ? nodeView(node, reserved, []) : node, state);
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

export function schedulePod(pod: PodToSchedule, cache: SchedulerCache, nominated?: NominatedPods, volumes?: CycleState["volumes"]): ScheduleResult {
  const nodes = cache.nodes();
  const state = prepareFilters(pod, cache, volumes);
  // The node an earlier preemption made room on is tried first, and taken when it fits.
  const nominatedNode = pod.nominatedNodeName ? cache.node(pod.nominatedNodeName) : undefined;
  if (nominatedNode && !filterWithNominated(pod, nominatedNode, state, nominated)) return { node: nominatedNode.name, feasible: 1 };
  const feasible: NodeInfo[] = [];
  const failures = new Map<string, FilterFailure>();
  for (const node of nodes) {
    const failure = filterWithNominated(pod, node, state, nominated);
    if (failure) failures.set(node.name, failure);
    else feasible.push(node);
  }
  if (!feasible.length) return { numNodes: nodes.length, failures, state };
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
