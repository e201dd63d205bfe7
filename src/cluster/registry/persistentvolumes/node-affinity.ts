// Whether a node can reach a PersistentVolume (its spec.nodeAffinity.required, terms ORed), for the binder and the
// scheduler's volume binding. A term with neither expressions nor fields matches no node. Pure.
import type { PersistentVolume } from "../../../api/schemas/core/persistentvolume";
import { nodeRequirementMatches } from "../../../api/selectors/node-selector";

export function volumeReaches(pv: PersistentVolume, node: string, labels: Record<string, string>): boolean {
  const terms = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms;
  if (!terms) return true;
  return terms.some((term) => {
    const expressions = term.matchExpressions ?? [];
    const fields = term.matchFields ?? [];
    if (!expressions.length && !fields.length) return false;
    return expressions.every((req) => nodeRequirementMatches(req, labels[req.key])) &&
      fields.every((req) => req.key === "metadata.name" && nodeRequirementMatches(req, node));
  });
}
