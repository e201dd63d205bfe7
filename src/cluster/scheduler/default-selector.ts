// The "default selector" of a pod (helper.DefaultSelector): its Services' selectors merged, plus its controller's
// selector (ReplicationController, ReplicaSet, StatefulSet). The cluster's default spreading counts the pods it
// selects, so replicas of one workload spread over nodes.
import type { Pod } from "../../api/schemas/core/pod";
import { labelSelectorFromObject, selectorFromSet, type LabelMatcher } from "../../api/selectors/label-selector";
import type { ControllerContext } from "../control-loop/types";
import { replicaSets } from "../registry/replicasets";
import { replicationControllers } from "../registry/replicationcontrollers";
import { services } from "../registry/services";

export function defaultSelectors(pod: Pod, ctx: Pick<ControllerContext, "registry">): LabelMatcher[] {
  const namespace = pod.metadata.namespace ?? "default";
  const labels = pod.metadata.labels ?? {};
  const out: LabelMatcher[] = [];
  const merged: Record<string, string> = {};
  for (const svc of ctx.registry.list(services, namespace)) {
    const selector = svc.spec?.selector;
    if (selector && Object.keys(selector).length && selectorFromSet(selector).matches(labels)) Object.assign(merged, selector);
  }
  if (Object.keys(merged).length) out.push(selectorFromSet(merged));
  const owner = pod.metadata.ownerReferences?.find((ref) => ref.controller);
  if (!owner) return out;
  try {
    if (owner.apiVersion === "v1" && owner.kind === "ReplicationController") {
      const selector = ctx.registry.tryGet(replicationControllers, namespace, owner.name)?.spec?.selector;
      if (selector) out.push(selectorFromSet(selector));
    } else if (owner.apiVersion === "apps/v1" && owner.kind === "ReplicaSet") {
      // (A StatefulSet's selector would count too; this cluster serves no StatefulSets.)
      const selector = ctx.registry.tryGet(replicaSets, namespace, owner.name)?.spec?.selector;
      if (selector) out.push(labelSelectorFromObject(selector));
    }
  } catch {
    // An invalid selector on the controller: no default spreading from it.
  }
  return out;
}
