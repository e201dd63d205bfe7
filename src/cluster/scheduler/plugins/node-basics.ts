// NodeName and NodeUnschedulable: the two filters that read one field each.
import type { FilterFailure, NodeInfo, PodToSchedule } from "../types";
import { plugins, reasons } from "./reasons";
import { tolerates } from "./taint-toleration";

export function nodeNameFilter(pod: PodToSchedule, node: NodeInfo): FilterFailure | undefined {
  if (!pod.nodeName || pod.nodeName === node.name) return undefined;
  return { plugin: plugins.nodeName, reasons: [reasons.nodeName], unresolvable: true };
}

const unschedulableTaint = { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" };

/** A cordoned node takes only pods that tolerate its `node.kubernetes.io/unschedulable:NoSchedule` taint. */
export function nodeUnschedulableFilter(pod: PodToSchedule, node: NodeInfo): FilterFailure | undefined {
  if (!node.unschedulable) return undefined;
  if (pod.tolerations.some((t) => tolerates(t, unschedulableTaint))) return undefined;
  return { plugin: plugins.nodeUnschedulable, reasons: [reasons.unschedulable], unresolvable: true };
}
