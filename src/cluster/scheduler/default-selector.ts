// The "default selector" of a pod (helper.DefaultSelector): its Services' selectors merged, plus its controller's
// selector (ReplicationController, ReplicaSet, StatefulSet). The cluster's default spreading counts the pods it
// selects, so replicas of one workload spread over nodes.
import type { KubeObject } from "../../api/object";
import { labelSelectorFromObject, selectorFromSet, type LabelMatcher } from "../../api/selectors/label-selector";
import type { ControllerContext } from "../controllers/types";

type Json = Record<string, any>;

export function defaultSelectors(pod: KubeObject, ctx: Pick<ControllerContext, "registry" | "table">): LabelMatcher[] {
  const namespace = pod.metadata.namespace ?? "default";
  const labels = pod.metadata.labels ?? {};
  const out: LabelMatcher[] = [];
  const services = ctx.table.byResource("", "v1", "services");
  const merged: Record<string, string> = {};
  if (services) {
    for (const svc of ctx.registry.list(services, namespace)) {
      const selector = (svc.spec as Json | undefined)?.selector as Record<string, string> | undefined;
      if (selector && Object.keys(selector).length && selectorFromSet(selector).matches(labels)) Object.assign(merged, selector);
    }
  }
  if (Object.keys(merged).length) out.push(selectorFromSet(merged));
  const owner = pod.metadata.ownerReferences?.find((ref) => ref.controller);
  if (!owner) return out;
  const lookup = (group: string, resource: string) => {
    const def = ctx.table.byResource(group, "v1", resource);
    return def ? ctx.registry.tryGet(def, namespace, owner.name) : undefined;
  };
  try {
    if (owner.apiVersion === "v1" && owner.kind === "ReplicationController") {
      const rc = lookup("", "replicationcontrollers");
      const selector = (rc?.spec as Json | undefined)?.selector;
      if (selector) out.push(selectorFromSet(selector));
    } else if (owner.apiVersion === "apps/v1" && (owner.kind === "ReplicaSet" || owner.kind === "StatefulSet")) {
      const workload = lookup("apps", owner.kind === "ReplicaSet" ? "replicasets" : "statefulsets");
      const selector = (workload?.spec as Json | undefined)?.selector;
      if (selector) out.push(labelSelectorFromObject(selector));
    }
  } catch {
    // An invalid selector on the controller: no default spreading from it.
  }
  return out;
}
