// NodeAffinity: spec.nodeSelector and requiredDuringScheduling node affinity filter; preferred terms score.
import type { FilterFailure, NodeInfo, NodeSelectorTerm, PodToSchedule } from "../types";
import { nodeRequirementMatches } from "../../../api/selectors/node-selector";
import { defaultNormalizeScore } from "./normalize";
import { plugins, reasons } from "./reasons";


/** One NodeSelectorTerm: all its expressions and fields hold. A term with neither matches no node. */
export function nodeSelectorTermMatches(term: NodeSelectorTerm, node: Pick<NodeInfo, "name" | "labels">): boolean {
  const expressions = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (!expressions.length && !fields.length) return false;
  for (const req of expressions) if (!nodeRequirementMatches(req, node.labels[req.key])) return false;
  for (const req of fields) {
    if (req.key !== "metadata.name" || !nodeRequirementMatches(req, node.name)) return false;
  }
  return true;
}

/** nodeSelector and required node affinity (terms are ORed). Also used by PodTopologySpread's node inclusion. */
export function matchesRequiredNodeAffinity(pod: PodToSchedule, node: Pick<NodeInfo, "name" | "labels">): boolean {
  for (const key in pod.nodeSelector) if (node.labels[key] !== pod.nodeSelector[key]) return false;
  if (pod.requiredNodeTerms === undefined) return true;
  return pod.requiredNodeTerms.some((term) => nodeSelectorTermMatches(term, node));
}

export function nodeAffinityFilter(pod: PodToSchedule, node: NodeInfo): FilterFailure | undefined {
  if (matchesRequiredNodeAffinity(pod, node)) return undefined;
  return { plugin: plugins.nodeAffinity, reasons: [reasons.nodeAffinity], unresolvable: true };
}

/** Raw score: the sum of the weights of the preferred terms the node matches. */
export function nodeAffinityScore(pod: PodToSchedule, node: NodeInfo): number {
  let score = 0;
  for (const { weight, preference } of pod.preferredNodeTerms) if (nodeSelectorTermMatches(preference, node)) score += weight;
  return score;
}

export function nodeAffinityNormalize(scores: number[]): number[] {
  return defaultNormalizeScore(scores, false);
}
