// Which pods a term or constraint selects: a namespace scope plus one or more label selectors (all must match). The
// key names the matcher so the cache can keep per-node counts of the pods it matches.
import type { LabelMatcher } from "../../api/selectors/label-selector";

export interface MatchablePod {
  namespace: string;
  labels: Record<string, string>;
  terminating: boolean;
}

export interface PodMatcher {
  readonly key: string;
  matches(pod: MatchablePod): boolean;
}

function selectorKey(selector: LabelMatcher): string {
  if (selector.requirements.length === 0) return selector.isEmpty() ? "<all>" : "<none>";
  return selector.toString();
}

/**
 * Pods in `namespaces` (undefined = every namespace) whose labels satisfy every selector. With `skipTerminating`,
 * pods being deleted do not count (as PodTopologySpread counts).
 */
export function podMatcher(namespaces: readonly string[] | undefined, selectors: LabelMatcher[], skipTerminating = false): PodMatcher {
  const nsSet = namespaces ? new Set(namespaces) : undefined;
  const key = [
    nsSet ? [...nsSet].sort().join(",") : "*",
    selectors.map(selectorKey).sort().join("&"),
    skipTerminating ? "live" : "any",
  ].join("|");
  return {
    key,
    matches(pod) {
      if (skipTerminating && pod.terminating) return false;
      if (nsSet && !nsSet.has(pod.namespace)) return false;
      for (const s of selectors) if (!s.matches(pod.labels)) return false;
      return true;
    },
  };
}
