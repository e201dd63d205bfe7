// PodTopologySpread: hard constraints (DoNotSchedule) filter on skew; soft ones (ScheduleAnyway, and the cluster's
// default constraints — hostname maxSkew 3, zone maxSkew 5 — for pods that belong to a Service or controller)
// score, so replicas spread across nodes.
import type { SchedulerCache } from "../cache";
import type { MatchablePod } from "../pod-matcher";
import type { FilterFailure, NodeInfo, PodToSchedule, SpreadConstraint } from "../types";
import { matchesRequiredNodeAffinity } from "./node-affinity";
import { maxNodeScore, plugins, reasons } from "./reasons";
import { tolerates } from "./taint-toleration";

const hostnameKey = "kubernetes.io/hostname";

function hasAllKeys(node: NodeInfo, constraints: SpreadConstraint[]): boolean {
  for (const c of constraints) if (node.labels[c.topologyKey] === undefined) return false;
  return true;
}

/** MatchNodeInclusionPolicies: nodeAffinityPolicy Honor (default) and nodeTaintsPolicy Ignore (default). */
function included(pod: PodToSchedule, node: NodeInfo, c: SpreadConstraint): boolean {
  if (c.nodeAffinityPolicy === "Honor" && !matchesRequiredNodeAffinity(pod, node)) return false;
  if (c.nodeTaintsPolicy === "Honor") {
    for (const taint of node.taints) {
      if (taint.effect !== "NoSchedule" && taint.effect !== "NoExecute") continue;
      if (!pod.tolerations.some((t) => tolerates(t, taint))) return false;
    }
  }
  return true;
}

export interface SpreadFilterState {
  constraints: SpreadConstraint[];
  /** Per constraint: topology value → matching pods in that domain. */
  counts: Array<Map<string, number>>;
  /** Per constraint: the smallest domain count (0 when fewer domains than minDomains). */
  minMatch: number[];
}

export function spreadPrepareFilter(pod: PodToSchedule, cache: SchedulerCache): SpreadFilterState | undefined {
  const constraints = pod.spread.filter((c) => c.whenUnsatisfiable === "DoNotSchedule");
  if (!constraints.length) return undefined;
  const counts = constraints.map(() => new Map<string, number>());
  for (const node of cache.nodes()) {
    if (!hasAllKeys(node, constraints)) continue;
    constraints.forEach((c, i) => {
      if (!included(pod, node, c)) return;
      const value = node.labels[c.topologyKey];
      counts[i].set(value, (counts[i].get(value) ?? 0) + cache.countMatching(node, c.matcher));
    });
  }
  return { constraints, counts, minMatch: minMatches(constraints, counts) };
}

function minMatches(constraints: SpreadConstraint[], counts: Array<Map<string, number>>): number[] {
  return constraints.map((c, i) => {
    if (c.minDomains !== undefined && counts[i].size < c.minDomains) return 0;
    let min = Number.POSITIVE_INFINITY;
    for (const n of counts[i].values()) min = Math.min(min, n);
    return Number.isFinite(min) ? min : 0;
  });
}

/**
 * The filter state as if `removed` (pods on `node`) were gone (the plugin's RemovePod extension, used when
 * preemption tries evicting them). The given state is left unchanged.
 */
export function spreadWithout(
  pod: PodToSchedule,
  state: SpreadFilterState | undefined,
  node: NodeInfo,
  removed: readonly MatchablePod[],
): SpreadFilterState | undefined {
  if (!state || !removed.length || !hasAllKeys(node, state.constraints)) return state;
  const counts = state.counts.map((m) => new Map(m));
  state.constraints.forEach((c, i) => {
    if (!included(pod, node, c)) return;
    const value = node.labels[c.topologyKey];
    const gone = removed.filter((p) => c.matcher.matches(p)).length;
    if (gone) counts[i].set(value, (counts[i].get(value) ?? 0) - gone);
  });
  return { constraints: state.constraints, counts, minMatch: minMatches(state.constraints, counts) };
}

export function spreadFilter(node: NodeInfo, state: SpreadFilterState | undefined): FilterFailure | undefined {
  if (!state) return undefined;
  for (let i = 0; i < state.constraints.length; i++) {
    const c = state.constraints[i];
    const value = node.labels[c.topologyKey];
    if (value === undefined) return { plugin: plugins.podTopologySpread, reasons: [reasons.spreadMissingLabel], unresolvable: true };
    const skew = (state.counts[i].get(value) ?? 0) + (c.selfMatch ? 1 : 0) - state.minMatch[i];
    if (skew > c.maxSkew) return { plugin: plugins.podTopologySpread, reasons: [reasons.spread], unresolvable: false };
  }
  return undefined;
}

export interface SpreadScoreState {
  constraints: SpreadConstraint[];
  ignored: Set<string>;
  /** Per constraint (non-hostname keys): topology value → matching pods. */
  counts: Array<Map<string, number>>;
  weights: number[];
}

/** PreScore over the nodes that passed the filters. */
export function spreadPrepareScore(pod: PodToSchedule, feasible: NodeInfo[], cache: SchedulerCache): SpreadScoreState | undefined {
  const constraints = pod.spread.filter((c) => c.whenUnsatisfiable === "ScheduleAnyway");
  if (!constraints.length) return undefined;
  const requireAll = !pod.spreadDefaulted;
  const ignored = new Set<string>();
  const counts = constraints.map(() => new Map<string, number>());
  const sizes = constraints.map(() => 0);
  for (const node of feasible) {
    if (requireAll && !hasAllKeys(node, constraints)) {
      ignored.add(node.name);
      continue;
    }
    for (let i = 0; i < constraints.length; i++) {
      const c = constraints[i];
      const value = node.labels[c.topologyKey];
      if (c.topologyKey === hostnameKey || value === undefined || counts[i].has(value)) continue;
      counts[i].set(value, 0);
      sizes[i]++;
    }
  }
  constraints.forEach((c, i) => {
    if (c.topologyKey === hostnameKey) sizes[i] = feasible.length - ignored.size;
  });
  const domainKeys = constraints.some((c, i) => c.topologyKey !== hostnameKey && counts[i].size > 0);
  for (const node of domainKeys ? cache.nodes() : []) {
    if (requireAll && !hasAllKeys(node, constraints)) continue;
    for (let i = 0; i < constraints.length; i++) {
      const c = constraints[i];
      const value = node.labels[c.topologyKey];
      if (c.topologyKey === hostnameKey || value === undefined || !counts[i].has(value) || !included(pod, node, c)) continue;
      counts[i].set(value, counts[i].get(value)! + cache.countMatching(node, c.matcher));
    }
  }
  return { constraints, ignored, counts, weights: sizes.map((n) => Math.log(n + 2)) };
}

/** Raw score: weighted matching pods in the node's domains (lower is better), rounded. */
export function spreadScore(node: NodeInfo, state: SpreadScoreState | undefined, cache: SchedulerCache): number {
  if (!state || state.ignored.has(node.name)) return 0;
  let score = 0;
  for (let i = 0; i < state.constraints.length; i++) {
    const c = state.constraints[i];
    const value = node.labels[c.topologyKey];
    if (value === undefined) continue;
    const count = c.topologyKey === hostnameKey ? cache.countMatching(node, c.matcher) : state.counts[i].get(value) ?? 0;
    score += count * state.weights[i] + (c.maxSkew - 1);
  }
  return Math.round(score);
}

export function spreadNormalize(scores: number[], nodes: NodeInfo[], state: SpreadScoreState | undefined): number[] {
  if (!state) return scores.map(() => 0);
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  scores.forEach((s, i) => {
    if (state.ignored.has(nodes[i].name)) return;
    min = Math.min(min, s);
    max = Math.max(max, s);
  });
  return scores.map((s, i) => {
    if (state.ignored.has(nodes[i].name)) return 0;
    if (max === 0) return maxNodeScore;
    return Math.trunc((maxNodeScore * (max + min - s)) / max);
  });
}
