// Scheduling constraints of a pod: node and pod (anti-)affinity, tolerations and topology spread.
import { z } from "zod";
import { atomic, int, list, ref, str } from "../fields";
import { LabelSelector } from "../meta";

export const NodeSelectorRequirement = z
  .object({
    key: str("Label or field key the requirement applies to."),
    operator: str("Relation between key and values: In, NotIn, Exists, DoesNotExist, Gt or Lt."),
    values: list(z.string(), "Values to compare against; one integer for Gt and Lt.", atomic).optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.NodeSelectorRequirement", description: "One node label or field matching rule." });

export const NodeSelectorTerm = z
  .object({
    matchExpressions: list(NodeSelectorRequirement, "Requirements on node labels.", atomic).optional(),
    matchFields: list(NodeSelectorRequirement, "Requirements on node fields.", atomic).optional(),
  })
  .meta({
    id: "io.k8s.api.core.v1.NodeSelectorTerm",
    description: "Requirements that are ANDed; an empty term matches no node.",
    "x-kubernetes-map-type": "atomic",
  });

export const NodeSelector = z
  .object({ nodeSelectorTerms: list(NodeSelectorTerm, "Terms that are ORed.", atomic) })
  .meta({ id: "io.k8s.api.core.v1.NodeSelector", description: "Selects nodes matching any of its terms.", "x-kubernetes-map-type": "atomic" });

export const PreferredSchedulingTerm = z
  .object({
    weight: int("Weight of this preference, 1 to 100."),
    preference: ref(NodeSelectorTerm, "Nodes that earn the weight."),
  })
  .meta({ id: "io.k8s.api.core.v1.PreferredSchedulingTerm", description: "A weighted node preference." });

export const NodeAffinity = z
  .object({
    requiredDuringSchedulingIgnoredDuringExecution: ref(NodeSelector, "Nodes the pod must be scheduled on.").optional(),
    preferredDuringSchedulingIgnoredDuringExecution: list(PreferredSchedulingTerm, "Weighted node preferences.", atomic).optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.NodeAffinity", description: "Node affinity rules of a pod." });

export const PodAffinityTerm = z
  .object({
    labelSelector: ref(LabelSelector, "Pods this term is about.").optional(),
    namespaces: list(z.string(), "Namespaces searched for matching pods.", atomic).optional(),
    topologyKey: str("Node label whose equal values define co-location."),
    namespaceSelector: ref(LabelSelector, "Namespaces searched for matching pods, by label.").optional(),
    matchLabelKeys: list(z.string(), "Incoming pod label keys whose values are added to the selector with In.", atomic).optional(),
    mismatchLabelKeys: list(z.string(), "Incoming pod label keys whose values are added to the selector with NotIn.", atomic).optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.PodAffinityTerm", description: "A set of pods and the topology to (not) share with them." });

export const WeightedPodAffinityTerm = z
  .object({
    weight: int("Weight of this preference, 1 to 100."),
    podAffinityTerm: ref(PodAffinityTerm, "The preferred term."),
  })
  .meta({ id: "io.k8s.api.core.v1.WeightedPodAffinityTerm", description: "A weighted pod affinity preference." });

const podAffinityFields = (verb: string) => ({
  requiredDuringSchedulingIgnoredDuringExecution: list(PodAffinityTerm, `Terms the pod must ${verb} at scheduling time.`, atomic).optional(),
  preferredDuringSchedulingIgnoredDuringExecution: list(WeightedPodAffinityTerm, `Weighted terms the pod prefers to ${verb}.`, atomic).optional(),
});

export const PodAffinity = z
  .object(podAffinityFields("be co-located with"))
  .meta({ id: "io.k8s.api.core.v1.PodAffinity", description: "Rules co-locating the pod with other pods." });

export const PodAntiAffinity = z
  .object(podAffinityFields("keep away from"))
  .meta({ id: "io.k8s.api.core.v1.PodAntiAffinity", description: "Rules keeping the pod away from other pods." });

export const Affinity = z
  .object({
    nodeAffinity: ref(NodeAffinity, "Node affinity rules.").optional(),
    podAffinity: ref(PodAffinity, "Pod affinity rules.").optional(),
    podAntiAffinity: ref(PodAntiAffinity, "Pod anti-affinity rules.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.Affinity", description: "Affinity scheduling rules of a pod." });
export type Affinity = z.infer<typeof Affinity>;

export const Toleration = z
  .object({
    key: str("Taint key tolerated; empty with Exists tolerates everything.").optional(),
    operator: str("Exists or Equal; defaults to Equal.").optional(),
    value: str("Taint value tolerated with Equal.").optional(),
    effect: str("Taint effect tolerated: NoSchedule, PreferNoSchedule or NoExecute; empty for all.").optional(),
    tolerationSeconds: int("How long a NoExecute taint is tolerated before eviction.").optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.Toleration", description: "Lets the pod schedule onto or stay on nodes with a matching taint." });
export type Toleration = z.infer<typeof Toleration>;

export const TopologySpreadConstraint = z
  .object({
    maxSkew: int("Largest allowed difference in matching pods between topology domains."),
    topologyKey: str("Node label whose values define the domains."),
    whenUnsatisfiable: str("DoNotSchedule or ScheduleAnyway."),
    labelSelector: ref(LabelSelector, "Pods counted in each domain.").optional(),
    minDomains: int("Minimum number of eligible domains.").optional(),
    nodeAffinityPolicy: str("Whether node affinity limits the domains: Honor or Ignore.").optional(),
    nodeTaintsPolicy: str("Whether node taints limit the domains: Honor or Ignore.").optional(),
    matchLabelKeys: list(z.string(), "Incoming pod label keys added to the selector.", atomic).optional(),
  })
  .meta({ id: "io.k8s.api.core.v1.TopologySpreadConstraint", description: "How matching pods spread across a topology." });
