// InterPodAffinity: required pod affinity and anti-affinity (the pod's own and, symmetrically, the existing pods'),
// and the preferred terms as a score. Counts come from the cache's per-node match counts, once per attempt
// (PreFilter/PreScore), so each node is then checked in O(terms).
import type { SchedulerCache } from "../cache";
import type { PodMatcher } from "../pod-matcher";
import type { AffinityTerm, FilterFailure, NodeInfo, PodToSchedule } from "../types";
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
  /** topology pairs where an existing pod's required anti-affinity rejects the incoming pod. */
  existingAntiAffinity: Set<string>;
}

function allOf(terms: AffinityTerm[]): PodMatcher {
  return {
    key: terms.map((t) => t.matcher.key).join("&&"),
    matches: (pod) => terms.every((t) => t.matcher.matches(pod)),
  };
}

function add(counts: Counts, key: string, n: number): void {
  if (n) counts.set(key, (counts.get(key) ?? 0) + n);
}

const asMatchable = (pod: PodToSchedule) => ({ namespace: pod.namespace, labels: pod.labels, terminating: false });

export function interPodAffinityPrepare(pod: PodToSchedule, cache: SchedulerCache): InterPodAffinityState | undefined {
  const { requiredAffinity, requiredAntiAffinity } = pod.affinity;
  const state: InterPodAffinityState = { affinityCounts: new Map(), antiAffinityCounts: new Map(), existingAntiAffinity: new Set() };
  const incoming = asMatchable(pod);
  for (const existing of cache.podsWithAffinity()) {
    const node = cache.node(existing.node);
    if (!node) continue;
    for (const term of existing.affinity!.requiredAntiAffinity) {
      const value = node.labels[term.topologyKey];
      if (value !== undefined && term.matcher.matches(incoming)) state.existingAntiAffinity.add(pairKey(term.topologyKey, value));
    }
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
    if (state.existingAntiAffinity.has(pairKey(key, value))) {
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
