// DefaultTolerationSeconds admission: a pod (created or updated, not through a subresource) that does not tolerate
// the node.kubernetes.io/not-ready or unreachable NoExecute taints gets a toleration of each, so it stays on a failed
// node that long before taint-based eviction, as `kubectl get pod -o yaml` shows on a real cluster: 300 seconds (the
// kube-apiserver default) on the realistic pace, 10 on the fast one (the same flags, set lower).
import type { Toleration } from "../../api/schemas/core/affinity";
import type { AdmissionCheck } from "../registry/generic-store";
import type { ResourceDef } from "../registry/types";

const notReady = "node.kubernetes.io/not-ready";
const unreachable = "node.kubernetes.io/unreachable";

/** A toleration covers the taint when its key is the taint's or empty, and its effect NoExecute or empty. */
function tolerates(tolerations: Toleration[], key: string): boolean {
  return tolerations.some((t) => (!t.key || t.key === key) && (!t.effect || t.effect === "NoExecute"));
}

/** The pod spec's tolerations with the defaults it lacks appended (the same array when none is missing). */
export function withDefaultTolerations(tolerations: Toleration[] = [], seconds: number): Toleration[] {
  const missing = [notReady, unreachable].filter((key) => !tolerates(tolerations, key));
  if (!missing.length) return tolerations;
  return [...tolerations, ...missing.map((key) => ({ key, operator: "Exists", effect: "NoExecute", tolerationSeconds: seconds }))];
}

/** @param seconds the cluster's configured toleration (its pace's `defaultTolerationSeconds`). */
export function defaultTolerationSecondsAdmission(pods: ResourceDef, seconds: () => number): AdmissionCheck {
  return (operation, def, object, _old, subresource) => {
    if (def !== pods || operation === "DELETE" || subresource) return;
    const spec = (object.spec ??= {}) as { tolerations?: Toleration[] };
    const tolerations = withDefaultTolerations(spec.tolerations, seconds());
    if (tolerations !== spec.tolerations) spec.tolerations = tolerations;
  };
}
