// Which nodes a DaemonSet runs on (nodeShouldRunDaemonPod): the template's nodeSelector and required node affinity,
// and the node's NoSchedule/NoExecute taints against the pod's tolerations plus those the DaemonSet controller adds.
// Also the per-node affinity the controller pins each daemon pod with.
import type { z } from "zod";
import type { NodeSelectorTerm as NodeSelectorTermSchema, Toleration } from "../../../api/schemas/core/affinity";
import type { Node } from "../../../api/schemas/core/node";
import type { PodSpec } from "../../../api/schemas/core/pod-spec";
import { nodeRequirementMatches, tolerates } from "../../../api/selectors/node-selector";

type NodeSelectorTerm = z.infer<typeof NodeSelectorTermSchema>;

/** What placement reads (and pinning writes) of a pod spec. */
export type PlacementSpec = Pick<PodSpec, "nodeName" | "nodeSelector" | "affinity" | "tolerations" | "hostNetwork">;

/** What placement reads of a node. */
export interface PlacementNode {
  metadata?: Pick<Node["metadata"], "name" | "labels">;
  spec?: Pick<NonNullable<Node["spec"]>, "taints">;
}

/** The tolerations the DaemonSet controller adds to every daemon pod (AddOrUpdateDaemonPodTolerations). */
export function daemonTolerations(hostNetwork: boolean): Toleration[] {
  const out: Toleration[] = [
    { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute" },
    { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute" },
    { key: "node.kubernetes.io/disk-pressure", operator: "Exists", effect: "NoSchedule" },
    { key: "node.kubernetes.io/memory-pressure", operator: "Exists", effect: "NoSchedule" },
    { key: "node.kubernetes.io/pid-pressure", operator: "Exists", effect: "NoSchedule" },
    { key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" },
  ];
  if (hostNetwork) out.push({ key: "node.kubernetes.io/network-unavailable", operator: "Exists", effect: "NoSchedule" });
  return out;
}

/** Add the daemon tolerations a pod spec lacks (same key and effect). */
export function withDaemonTolerations(podSpec: PlacementSpec): void {
  const tolerations = (podSpec.tolerations ??= []);
  for (const t of daemonTolerations(!!podSpec.hostNetwork)) {
    if (!tolerations.some((x) => x.key === t.key && x.effect === t.effect)) tolerations.push(t);
  }
}

/** Whether a node matches one NodeSelectorTerm (all its expressions and fields; an empty term matches nothing). */
export function termMatches(term: NodeSelectorTerm, node: PlacementNode): boolean {
  const expressions = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (!expressions.length && !fields.length) return false;
  const labels = node.metadata?.labels ?? {};
  return (
    expressions.every((r) => nodeRequirementMatches(r, labels[r.key])) &&
    fields.every((r) => nodeRequirementMatches(r, r.key === "metadata.name" ? node.metadata?.name : undefined))
  );
}

/** nodeSelector and required node affinity of a pod spec (without the per-node pin). */
function selectorsMatch(podSpec: PlacementSpec, node: PlacementNode): boolean {
  const labels = node.metadata?.labels ?? {};
  for (const [k, v] of Object.entries(podSpec.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const terms = podSpec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  return !terms || terms.some((term) => termMatches(term, node));
}

export interface NodeVerdict {
  /** A daemon pod should be created here if missing. */
  shouldRun: boolean;
  /** A daemon pod already here may stay (untolerated NoSchedule taints do not evict). */
  shouldContinueRunning: boolean;
}

/** nodeShouldRunDaemonPod for the DaemonSet's template on `node`. */
export function nodeVerdict(templateSpec: PlacementSpec, node: PlacementNode): NodeVerdict {
  if (!selectorsMatch(templateSpec, node)) return { shouldRun: false, shouldContinueRunning: false };
  const tolerations = [...(templateSpec.tolerations ?? []), ...daemonTolerations(!!templateSpec.hostNetwork)];
  const untolerated = (node.spec?.taints ?? []).filter((taint) => !tolerations.some((t) => tolerates(t, taint)));
  if (untolerated.some((t) => t.effect === "NoExecute")) return { shouldRun: false, shouldContinueRunning: false };
  if (untolerated.some((t) => t.effect === "NoSchedule")) return { shouldRun: false, shouldContinueRunning: true };
  return { shouldRun: true, shouldContinueRunning: true };
}

/** ReplaceDaemonSetPodNodeNameNodeAffinity: pin the pod to `nodeName` through required node affinity. */
export function pinToNode(podSpec: PlacementSpec, nodeName: string): void {
  const pin = { key: "metadata.name", operator: "In", values: [nodeName] };
  const affinity = (podSpec.affinity ??= {});
  const nodeAffinity = (affinity.nodeAffinity ??= {});
  const required = nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution;
  const terms = required?.nodeSelectorTerms ?? [];
  nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = {
    nodeSelectorTerms: terms.length
      ? terms.map((term) => ({ ...term, matchFields: [pin] }))
      : [{ matchFields: [pin] }],
  };
}

/** The node a daemon pod is pinned to (its spec.nodeName, or its matchFields pin). */
export function pinnedNode(podSpec: PlacementSpec): string | undefined {
  if (podSpec.nodeName) return podSpec.nodeName;
  const terms = podSpec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const term of terms) {
    const pin = (term.matchFields ?? []).find((f) => f.key === "metadata.name" && f.operator === "In");
    if (pin?.values?.length === 1) return pin.values[0];
  }
  return undefined;
}
