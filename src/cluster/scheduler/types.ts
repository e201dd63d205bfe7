// The scheduler's view of nodes and pods: what the filter and score plugins read. Built once per object (the cache)
// or once per scheduling attempt (the pod being scheduled), never from raw JSON inside a plugin.
import type { PodMatcher } from "./pod-matcher";

export interface Resources {
  milliCpu: number;
  memory: number;
  ephemeralStorage: number;
  /** Extended resources (`nvidia.com/gpu`, `hugepages-2Mi`, ...) by name. */
  scalar: Record<string, number>;
}

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
}

/** A pod bound to a node, as the cache keeps it. */
export interface AssignedPod {
  key: string;
  namespace: string;
  labels: Record<string, string>;
  node: string;
  terminating: boolean;
  /** Being deleted because the scheduler preempted it (its DisruptionTarget condition says PreemptionByScheduler). */
  preempting: boolean;
  priority: number;
  /** metadata.creationTimestamp in ms (0 when unknown): breaks ties between victims of equal priority. */
  created: number;
  requests: Resources;
  /** Requests with the scheduler's defaults (100m CPU, 200Mi memory) for containers that request nothing. */
  nonZero: { milliCpu: number; memory: number };
  /** Its own inter-pod (anti-)affinity terms, for the symmetric checks; undefined when it has none. */
  affinity?: AffinityTerms;
}

/** A node with the sum of what its pods request (NodeInfo). */
export interface NodeInfo {
  name: string;
  labels: Record<string, string>;
  taints: Taint[];
  unschedulable: boolean;
  allocatable: Resources & { pods: number };
  requested: Resources;
  nonZeroRequested: { milliCpu: number; memory: number };
  pods: Map<string, AssignedPod>;
  /** PodMatcher key → how many of this node's pods it matches (filled lazily, kept current). */
  matchCounts: Map<string, number>;
}

export interface AffinityTerm {
  matcher: PodMatcher;
  topologyKey: string;
}

export interface WeightedAffinityTerm extends AffinityTerm {
  weight: number;
}

export interface AffinityTerms {
  requiredAffinity: AffinityTerm[];
  requiredAntiAffinity: AffinityTerm[];
  preferredAffinity: WeightedAffinityTerm[];
  preferredAntiAffinity: WeightedAffinityTerm[];
}

export interface NodeSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

export interface SpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  whenUnsatisfiable: "DoNotSchedule" | "ScheduleAnyway";
  matcher: PodMatcher;
  minDomains?: number;
  /** Whether the incoming pod itself matches the selector. */
  selfMatch: boolean;
  nodeAffinityPolicy: "Honor" | "Ignore";
  nodeTaintsPolicy: "Honor" | "Ignore";
}

/** The pod being scheduled, parsed once per attempt (PreFilter's state). */
export interface PodToSchedule {
  key: string;
  uid: string;
  namespace: string;
  labels: Record<string, string>;
  priority: number;
  /** spec.preemptionPolicy: PreemptLowerPriority (the default) or Never. */
  preemptionPolicy?: string;
  /** status.nominatedNodeName: where an earlier preemption made room for it. */
  nominatedNodeName?: string;
  /** spec.nodeName is never set for a pod the scheduler sees; kept for the NodeName plugin. */
  nodeName?: string;
  requests: Resources;
  nonZero: { milliCpu: number; memory: number };
  tolerations: Toleration[];
  nodeSelector: Record<string, string>;
  requiredNodeTerms?: NodeSelectorTerm[];
  preferredNodeTerms: Array<{ weight: number; preference: NodeSelectorTerm }>;
  affinity: AffinityTerms;
  spread: SpreadConstraint[];
  /** True when `spread` came from the cluster's default constraints (the pod has none of its own). */
  spreadDefaulted: boolean;
}

/** A filter's verdict on one node: undefined = fits. */
export interface FilterFailure {
  plugin: string;
  reasons: string[];
  /** UnschedulableAndUnresolvable: preemption cannot help on this node. */
  unresolvable: boolean;
}
