// TaintToleration: a pod lands only where it tolerates every NoSchedule/NoExecute taint; nodes with fewer
// untolerated PreferNoSchedule taints score higher.
import { tolerates } from "../../../api/selectors/node-selector";
import type { FilterFailure, NodeInfo, PodToSchedule } from "../types";
import { defaultNormalizeScore } from "./normalize";
import { plugins, reasons } from "./reasons";

/** v1.Toleration.ToleratesTaint. */
export { tolerates };

export function taintTolerationFilter(pod: PodToSchedule, node: NodeInfo): FilterFailure | undefined {
  for (const taint of node.taints) {
    if (taint.effect !== "NoSchedule" && taint.effect !== "NoExecute") continue;
    if (pod.tolerations.some((t) => tolerates(t, taint))) continue;
    return { plugin: plugins.taintToleration, reasons: [reasons.untoleratedTaint(taint.key, taint.value)], unresolvable: true };
  }
  return undefined;
}

/** Raw score: how many PreferNoSchedule taints the pod does not tolerate (lower is better). */
export function taintTolerationScore(pod: PodToSchedule, node: NodeInfo): number {
  if (!node.taints.length) return 0;
  const preferTolerations = pod.tolerations.filter((t) => !t.effect || t.effect === "PreferNoSchedule");
  let count = 0;
  for (const taint of node.taints) {
    if (taint.effect === "PreferNoSchedule" && !preferTolerations.some((t) => tolerates(t, taint))) count++;
  }
  return count;
}

export function taintTolerationNormalize(scores: number[]): number[] {
  return defaultNormalizeScore(scores, true);
}
