// DefaultTolerationSeconds admission: a pod (created or updated, not through a subresource) that does not tolerate
// the node.kubernetes.io/not-ready or unreachable NoExecute taints gets a toleration of each for 300 seconds, so it
// stays on a failed node five minutes before taint-based eviction, as `kubectl get pod -o yaml` shows on a real cluster.
import type { Toleration } from "../../api/schemas/core/affinity";
import type { AdmissionCheck } from "../registry/generic-store";
import type { ResourceDef } from "../registry/types";

/** The plugin's default for both taints (--default-not-ready-toleration-seconds, --default-unreachable-...). */
export const defaultTolerationSeconds = 300;

const notReady = "node.kubernetes.io/not-ready";
const unreachable = "node.kubernetes.io/unreachable";

/** A toleration covers the taint when its key is the taint's or empty, and its effect NoExecute or empty. */
function tolerates(tolerations: Toleration[], key: string): boolean {
  return tolerations.some((t) => (!t.key || t.key === key) && (!t.effect || t.effect === "NoExecute"));
}

/** The pod spec's tolerations with the defaults it lacks appended (the same array when none is missing). */
export function withDefaultTolerations(tolerations: Toleration[] = []): Toleration[] {
  const missing = [notReady, unreachable].filter((key) => !tolerates(tolerations, key));
  if (!missing.length) return tolerations;
  return [...tolerations, ...missing.map((key) => ({ key, operator: "Exists", effect: "NoExecute", tolerationSeconds: defaultTolerationSeconds }))];
}

export function defaultTolerationSecondsAdmission(pods: ResourceDef): AdmissionCheck {
  return (operation, def, object, _old, subresource) => {
    if (def !== pods || operation === "DELETE" || subresource) return;
    const spec = (object.spec ??= {}) as { tolerations?: Toleration[] };
    const tolerations = withDefaultTolerations(spec.tolerations);
    if (tolerations !== spec.tolerations) spec.tolerations = tolerations;
  };
}
