// From API objects to the scheduler's view: the pod being scheduled, a bound pod for the cache, a node.
import type { Affinity, Node, Pod, PodSpec } from "../../api/schemas";
import type { LabelSelector } from "../../api/schemas/meta";
import { labelSelectorFromObject, nothingSelector, selectorFromSet, type LabelMatcher } from "../../api/selectors/label-selector";
import { zeroValue } from "../registry/pod-template";
import type { NodeUpdate } from "./cache";
import { podMatcher } from "./pod-matcher";
import { allocatableOf, podRequests } from "./resources";
import type { AffinityTerm, AffinityTerms, AssignedPod, PodToSchedule, SpreadConstraint, WeightedAffinityTerm } from "./types";

type PodAffinityTerms = NonNullable<Affinity["podAffinity"]>;
type PodAffinityTerm = NonNullable<PodAffinityTerms["requiredDuringSchedulingIgnoredDuringExecution"]>[number];
type WeightedPodAffinityTerm = NonNullable<PodAffinityTerms["preferredDuringSchedulingIgnoredDuringExecution"]>[number];

export interface NamespaceInfo {
  name: string;
  labels: Record<string, string>;
}

export interface ParseOptions {
  /** Namespaces with their labels, for terms with a namespaceSelector. */
  namespaces?: () => NamespaceInfo[];
  /**
   * The pod's "default selector" (its Services' selectors and its controller's selector) for the cluster's default
   * spreading; empty when nothing selects it.
   */
  defaultSpreadSelectors?: LabelMatcher[];
}

export const zoneKey = "topology.kubernetes.io/zone";
export const hostnameKey = "kubernetes.io/hostname";

function selector(obj: LabelSelector | null | undefined): LabelMatcher {
  try {
    return labelSelectorFromObject(obj);
  } catch {
    return nothingSelector;
  }
}

function termNamespaces(podNamespace: string, term: PodAffinityTerm, options: ParseOptions): string[] | undefined {
  const listed = term.namespaces ?? [];
  if (!listed.length && term.namespaceSelector == null) return [podNamespace];
  if (term.namespaceSelector == null) return listed;
  const nsSelector = selector(term.namespaceSelector);
  if (nsSelector.isEmpty()) return undefined;
  const chosen = new Set(listed);
  for (const ns of options.namespaces?.() ?? []) if (nsSelector.matches(ns.labels)) chosen.add(ns.name);
  return [...chosen];
}

function affinityTerm(podNamespace: string, term: PodAffinityTerm, options: ParseOptions): AffinityTerm {
  return { matcher: podMatcher(termNamespaces(podNamespace, term, options), [selector(term.labelSelector)]), topologyKey: term.topologyKey ?? "" };
}

function weighted(podNamespace: string, items: WeightedPodAffinityTerm[] | undefined, options: ParseOptions): WeightedAffinityTerm[] {
  return (items ?? []).map((w) => ({ ...affinityTerm(podNamespace, w.podAffinityTerm ?? { topologyKey: "" }, options), weight: w.weight ?? 0 }));
}

export function affinityTermsOf(namespace: string, affinity: Affinity | undefined, options: ParseOptions = {}): AffinityTerms {
  const pa = affinity?.podAffinity ?? {};
  const anti = affinity?.podAntiAffinity ?? {};
  return {
    requiredAffinity: (pa.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => affinityTerm(namespace, t, options)),
    requiredAntiAffinity: (anti.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => affinityTerm(namespace, t, options)),
    preferredAffinity: weighted(namespace, pa.preferredDuringSchedulingIgnoredDuringExecution, options),
    preferredAntiAffinity: weighted(namespace, anti.preferredDuringSchedulingIgnoredDuringExecution, options),
  };
}

function hasTerms(t: AffinityTerms): boolean {
  return !!(t.requiredAffinity.length || t.requiredAntiAffinity.length || t.preferredAffinity.length || t.preferredAntiAffinity.length);
}

function spreadConstraints(namespace: string, labels: Record<string, string>, spec: PodSpec, defaults: LabelMatcher[]): { spread: SpreadConstraint[]; defaulted: boolean } {
  const own = spec.topologySpreadConstraints ?? [];
  if (own.length) {
    const spread = own.map((c): SpreadConstraint => {
      const selectors = [selector(c.labelSelector)];
      const keys = (c.matchLabelKeys ?? []).filter((k) => labels[k] !== undefined);
      if (keys.length) selectors.push(selectorFromSet(Object.fromEntries(keys.map((k) => [k, labels[k]]))));
      return {
        maxSkew: c.maxSkew ?? 1,
        topologyKey: c.topologyKey ?? "",
        whenUnsatisfiable: c.whenUnsatisfiable === "ScheduleAnyway" ? "ScheduleAnyway" : "DoNotSchedule",
        matcher: podMatcher([namespace], selectors, true),
        minDomains: c.minDomains,
        selfMatch: selectors.every((s) => s.matches(labels)),
        nodeAffinityPolicy: c.nodeAffinityPolicy === "Ignore" ? "Ignore" : "Honor",
        nodeTaintsPolicy: c.nodeTaintsPolicy === "Honor" ? "Honor" : "Ignore",
      };
    });
    return { spread, defaulted: false };
  }
  if (!defaults.length || defaults.every((s) => s.isEmpty())) return { spread: [], defaulted: true };
  const matcher = podMatcher([namespace], defaults, true);
  const soft = (topologyKey: string, maxSkew: number): SpreadConstraint => ({
    maxSkew,
    topologyKey,
    whenUnsatisfiable: "ScheduleAnyway",
    matcher,
    selfMatch: defaults.every((s) => s.matches(labels)),
    nodeAffinityPolicy: "Honor",
    nodeTaintsPolicy: "Ignore",
  });
  return { spread: [soft(hostnameKey, 3), soft(zoneKey, 5)], defaulted: true };
}

/** The pod being scheduled (PreFilter's parse). */
export function podToSchedule(pod: Pod, options: ParseOptions = {}): PodToSchedule {
  const spec = pod.spec ?? zeroValue<PodSpec>();
  const namespace = pod.metadata.namespace ?? "default";
  const labels = pod.metadata.labels ?? {};
  const nodeAffinity = spec.affinity?.nodeAffinity ?? {};
  const required = nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution;
  const { spread, defaulted } = spreadConstraints(namespace, labels, spec, options.defaultSpreadSelectors ?? []);
  return {
    key: `${namespace}/${pod.metadata.name}`,
    uid: pod.metadata.uid ?? "",
    namespace,
    labels,
    priority: spec.priority ?? 0,
    preemptionPolicy: spec.preemptionPolicy,
    nominatedNodeName: pod.status?.nominatedNodeName || undefined,
    nodeName: spec.nodeName || undefined,
    requests: podRequests(spec),
    nonZero: podRequests(spec, true),
    tolerations: spec.tolerations ?? [],
    nodeSelector: spec.nodeSelector ?? {},
    requiredNodeTerms: required ? (required.nodeSelectorTerms ?? []) : undefined,
    preferredNodeTerms: (nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((p) => ({
      weight: p.weight ?? 0,
      preference: p.preference ?? {},
    })),
    affinity: affinityTermsOf(namespace, spec.affinity, options),
    spread,
    spreadDefaulted: defaulted,
  };
}

/** The DisruptionTarget condition the scheduler puts on the pods it preempts. */
export const preemptionCondition = {
  type: "DisruptionTarget",
  status: "True",
  reason: "PreemptionByScheduler",
} as const;

function preemptedByScheduler(pod: Pod): boolean {
  const conditions = pod.status?.conditions ?? [];
  const target = conditions.find((c) => c.type === preemptionCondition.type);
  return target?.status === preemptionCondition.status && target.reason === preemptionCondition.reason;
}

/** A pod bound to a node, for the cache. */
export function assignedPod(pod: Pod, options: ParseOptions = {}): AssignedPod {
  const spec = pod.spec ?? zeroValue<PodSpec>();
  const namespace = pod.metadata.namespace ?? "default";
  const nonZero = podRequests(spec, true);
  const terms = spec.affinity?.podAffinity || spec.affinity?.podAntiAffinity ? affinityTermsOf(namespace, spec.affinity, options) : undefined;
  return {
    key: `${namespace}/${pod.metadata.name}`,
    namespace,
    labels: pod.metadata.labels ?? {},
    node: spec.nodeName ?? "",
    terminating: !!pod.metadata.deletionTimestamp,
    preempting: !!pod.metadata.deletionTimestamp && preemptedByScheduler(pod),
    priority: spec.priority ?? 0,
    created: Date.parse(pod.metadata.creationTimestamp ?? "") || 0,
    requests: podRequests(spec),
    nonZero: { milliCpu: nonZero.milliCpu, memory: nonZero.memory },
    affinity: terms && hasTerms(terms) ? terms : undefined,
  };
}

export function nodeUpdate(node: Node): NodeUpdate {
  return {
    name: node.metadata.name!,
    labels: node.metadata.labels ?? {},
    taints: node.spec?.taints ?? [],
    unschedulable: !!node.spec?.unschedulable,
    allocatable: allocatableOf(node.status),
  };
}
