// InterPodAffinity: required pod affinity and anti-affinity (the pod's own and, symmetrically, the existing pods'),
// and the preferred terms as a score. Counts come from the cache's per-node match counts, once per attempt
// (PreFilter/PreScore), so each node is then checked in O(terms).
import type { SchedulerCache } from "../cache";
import type { MatchablePod, PodMatcher } from "../pod-matcher";
import type { AffinityTerm, AssignedPod, FilterFailure, NodeInfo, PodToSchedule } from "../types";
import { maxNodeScore, plugins, reasons } from "./reasons";

/** Existing pods' required affinity terms that select the incoming pod add this weight (hardPodAffinityWeight). */
const hardPodAffinityWeight = 1;

type Counts = Map<string, number>;
const pairKey = (key: string, value: string) => `${key}\u0000${value}`;

export interface InterPodAffinityState {
  /** topology pair → pods matching all of the pod's required affinity terms. */
  affinityCounts: Counts;
  /** topology pair → pods matching one of the pod's required anti-affinity terms. */
  antiAffinityCounts: Counts;
  /** topology pair → existing pods whose required anti-affinity rejects the incoming pod there. */
  existingAntiAffinity: Counts;
}

function allOf(terms: AffinityTerm[]): PodMatcher {
  return {
    key: terms.map((t) => t.matcher.key).join("&&"),
    matches: (pod) => terms.every((t) => t.matcher.matches(pod)),
  };
}

/** Adds n (possibly negative) to a pair's count; a pair down to zero is dropped, as the plugin's maps do. */
function add(counts: Counts, key: string, n: number): void {
  if (!n) return;
  const next = (counts.get(key) ?? 0) + n;
  if (next) counts.set(key, next);
  else counts.delete(key);
}

const asMatchable = (pod: PodToSchedule) => ({ namespace: pod.namespace, labels: pod.labels, terminating: false });

export function interPodAffinityPrepare(pod: PodToSchedule, cache: SchedulerCache): InterPodAffinityState | undefined {
  const { requiredAffinity, requiredAntiAffinity } = pod.affinity;
  const state: InterPodAffinityState = { affinityCounts: new Map(), antiAffinityCounts: new Map(), existingAntiAffinity: new Map() };
  const incoming = asMatchable(pod);
  for (const existing of cache.podsWithAffinity()) {
    const node = cache.node(existing.node);
    if (node) countExistingAntiAffinity(state.existingAntiAffinity, incoming, existing, node, 1);
  }
  if (!requiredAffinity.length && !requiredAntiAffinity.length && !state.existingAntiAffinity.size) return undefined;
  const all = requiredAffinity.length ? allOf(requiredAffinity) : undefined;
  for (const node of cache.nodes()) {
    if (all) {
      const n = cache.countMatching(node, all);
      for (const term of requiredAffinity) {
        const value = node.labels[term.topologyKey];
        if (value !== undefined) add(state.affinityCounts, pairKey(term.topologyKey, value), n);
      }
    }
    for (const term of requiredAntiAffinity) {
      const value = node.labels[term.topologyKey];
      if (value !== undefined) add(state.antiAffinityCounts, pairKey(term.topologyKey, value), cache.countMatching(node, term.matcher));
    }
  }
  return state;
}

/** Count (sign 1) or uncount (-1) the pairs where `existing`'s required anti-affinity terms reject `incoming`. */
function countExistingAntiAffinity(counts: Counts, incoming: MatchablePod, existing: AssignedPod, node: NodeInfo, sign: 1 | -1): void {
  for (const term of existing.affinity?.requiredAntiAffinity ?? []) {
    const value = node.labels[term.topologyKey];
    if (value !== undefined && term.matcher.matches(incoming)) add(counts, pairKey(term.topologyKey, value), sign);
  }
}

/**
 * The filter state as if `removed` (pods on `node`) were gone (the plugin's RemovePod extension, used when
 * preemption tries evicting them). The given state is left unchanged.
 */
export function interPodAffinityWithout(
  pod: PodToSchedule,
  state: InterPodAffinityState | undefined,
  node: NodeInfo,
  removed: readonly AssignedPod[],
): InterPodAffinityState | undefined {
  if (!state || !removed.length) return state;
  const next: InterPodAffinityState = {
    affinityCounts: new Map(state.affinityCounts),
    antiAffinityCounts: new Map(state.antiAffinityCounts),
    existingAntiAffinity: new Map(state.existingAntiAffinity),
  };
  const { requiredAffinity, requiredAntiAffinity } = pod.affinity;
  const incoming = asMatchable(pod);
  for (const victim of removed) {
    if (requiredAffinity.length && requiredAffinity.every((t) => t.matcher.matches(victim))) {
      for (const term of requiredAffinity) {
        const value = node.labels[term.topologyKey];
        if (value !== undefined) add(next.affinityCounts, pairKey(term.topologyKey, value), -1);
      }
    }
    for (const term of requiredAntiAffinity) {
      const value = node.labels[term.topologyKey];
      if (value !== undefined && term.matcher.matches(victim)) add(next.antiAffinityCounts, pairKey(term.topologyKey, value), -1);
    }
    countExistingAntiAffinity(next.existingAntiAffinity, incoming, victim, node, -1);
  }
  return next;
}

export function interPodAffinityFilter(pod: PodToSchedule, node: NodeInfo, state: InterPodAffinityState | undefined): FilterFailure | undefined {
  if (!state) return undefined;
  const terms = pod.affinity.requiredAffinity;
  let podsExist = true;
  for (const term of terms) {
    const value = node.labels[term.topologyKey];
    if (value === undefined) return { plugin: plugins.interPodAffinity, reasons: [reasons.podAffinity], unresolvable: true };
    if (!(state.affinityCounts.get(pairKey(term.topologyKey, value))! > 0)) podsExist = false;
  }
  // The first pod of a group with affinity to itself may go anywhere its terms could be satisfied.
  if (!podsExist && !(state.affinityCounts.size === 0 && terms.every((t) => t.matcher.matches(asMatchable(pod))))) {
    return { plugin: plugins.interPodAffinity, reasons: [reasons.podAffinity], unresolvable: true };
  }
  for (const term of pod.affinity.requiredAntiAffinity) {
    const value = node.labels[term.topologyKey];
    if (value !== undefined && (state.antiAffinityCounts.get(pairKey(term.topologyKey, value)) ?? 0) > 0) {
      return { plugin: plugins.interPodAffinity, reasons: [reasons.podAntiAffinity], unresolvable: false };
    }
  }
  for (const [key, value] of Object.entries(node.labels)) {
    if ((state.existingAntiAffinity.get(pairKey(key, value)) ?? 0) > 0) {
      return { plugin: plugins.interPodAffinity, reasons: [reasons.existingAntiAffinity], unresolvable: false };
    }
  }
  return undefined;
}

/** topologyKey → value → summed weight (PreScore). Undefined when nothing is preferred either way. */
export type InterPodAffinityScoreState = Map<string, Map<string, number>>;

export function interPodAffinityPrepareScore(pod: PodToSchedule, cache: SchedulerCache): InterPodAffinityScoreState | undefined {
  const scores: InterPodAffinityScoreState = new Map();
  const bump = (key: string, value: string | undefined, delta: number) => {
    if (value === undefined || delta === 0) return;
    let byValue = scores.get(key);
    if (!byValue) scores.set(key, (byValue = new Map()));
    byValue.set(value, (byValue.get(value) ?? 0) + delta);
  };
  const { preferredAffinity, preferredAntiAffinity } = pod.affinity;
  if (preferredAffinity.length || preferredAntiAffinity.length) {
    for (const node of cache.nodes()) {
      for (const t of preferredAffinity) bump(t.topologyKey, node.labels[t.topologyKey], t.weight * cache.countMatching(node, t.matcher));
      for (const t of preferredAntiAffinity) bump(t.topologyKey, node.labels[t.topologyKey], -t.weight * cache.countMatching(node, t.matcher));
    }
  }
  const incoming = asMatchable(pod);
  for (const existing of cache.podsWithAffinity()) {
    const node = cache.node(existing.node);
    if (!node) continue;
    const a = existing.affinity!;
    for (const t of a.requiredAffinity) if (t.matcher.matches(incoming)) bump(t.topologyKey, node.labels[t.topologyKey], hardPodAffinityWeight);
    for (const t of a.preferredAffinity) if (t.matcher.matches(incoming)) bump(t.topologyKey, node.labels[t.topologyKey], t.weight);
    for (const t of a.preferredAntiAffinity) if (t.matcher.matches(incoming)) bump(t.topologyKey, node.labels[t.topologyKey], -t.weight);
  }
  return scores.size ? scores : undefined;
}

export function interPodAffinityScore(node: NodeInfo, state: InterPodAffinityScoreState | undefined): number {
  if (!state) return 0;
  let score = 0;
  for (const [key, byValue] of state) {
    const value = node.labels[key];
    if (value !== undefined) score += byValue.get(value) ?? 0;
  }
  return score;
}

/** Scale to 0..100 between the lowest and highest raw score. */
export function interPodAffinityNormalize(scores: number[]): number[] {
  if (!scores.length) return scores;
  const max = Math.max(...scores);
  const min = Math.min(...scores);
  const diff = max - min;
  return scores.map((s) => (diff > 0 ? Math.trunc((maxNodeScore * (s - min)) / diff) : 0));
}
