// The reasons filter plugins give, worded exactly as kube-scheduler words them (they end up, counted, in the
// FailedScheduling event and the PodScheduled condition).
export const reasons = {
  nodeName: "node(s) didn't match the requested node name",
  unschedulable: "node(s) were unschedulable",
  nodeAffinity: "node(s) didn't match Pod's node affinity/selector",
  tooManyPods: "Too many pods",
  insufficient: (resource: string) => `Insufficient ${resource}`,
  untoleratedTaint: (key: string, value: string | undefined) => `node(s) had untolerated taint {${key}: ${value ?? ""}}`,
  podAffinity: "node(s) didn't match pod affinity rules",
  podAntiAffinity: "node(s) didn't match pod anti-affinity rules",
  existingAntiAffinity: "node(s) didn't satisfy existing pods anti-affinity rules",
  spread: "node(s) didn't match pod topology spread constraints",
  spreadMissingLabel: "node(s) didn't match pod topology spread constraints (missing required label)",
  volumeNodeConflict: "node(s) had volume node affinity conflict",
  volumeBindConflict: "node(s) didn't find available persistent volumes to bind",
} as const;

/** The plugin names, as the scheduler's configuration calls them. */
export const plugins = {
  nodeUnschedulable: "NodeUnschedulable",
  nodeName: "NodeName",
  taintToleration: "TaintToleration",
  nodeAffinity: "NodeAffinity",
  nodeResourcesFit: "NodeResourcesFit",
  podTopologySpread: "PodTopologySpread",
  interPodAffinity: "InterPodAffinity",
  balancedAllocation: "NodeResourcesBalancedAllocation",
  volumeBinding: "VolumeBinding",
} as const;

/** framework.MaxNodeScore. */
export const maxNodeScore = 100;
