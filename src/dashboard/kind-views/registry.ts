// The per-kind sections of an object's page, keyed by `<group>/<Kind>` as discovery names the kind ("" for the core
// group): the only place the dashboard's object page knows a kind by name. A kind the cluster does not serve has no
// page, so its view waits here unused until it is served.
import type { Def } from "../catalog";
import { ingressView, serviceView } from "./app-links";
import { limitRangeView } from "./limit-range";
import { namespaceView } from "./namespace";
import { persistentVolumeView } from "./persistent-volume";
import { persistentVolumeClaimView } from "./persistent-volume-claim";
import { podVolumesView } from "./pod-volumes";
import { resourceQuotaView } from "./resource-quota";
import { bindingView } from "./role-binding";
import { roleView } from "./role";
import { statefulSetView } from "./stateful-set";
import type { KindView } from "./kind-view";

const rbac = "rbac.authorization.k8s.io";

const views: Record<string, KindView> = {
  "/Pod": podVolumesView,
  "/Namespace": namespaceView,
  "/ResourceQuota": resourceQuotaView,
  "/LimitRange": limitRangeView,
  "/PersistentVolumeClaim": persistentVolumeClaimView,
  "/PersistentVolume": persistentVolumeView,
  "/Service": serviceView,
  "networking.k8s.io/Ingress": ingressView,
  "apps/StatefulSet": statefulSetView,
  [`${rbac}/Role`]: roleView,
  [`${rbac}/ClusterRole`]: roleView,
  [`${rbac}/RoleBinding`]: bindingView,
  [`${rbac}/ClusterRoleBinding`]: bindingView,
};

export function kindViewOf(def: Def): KindView | undefined {
  return Object.hasOwn(views, `${def.group}/${def.kind}`) ? views[`${def.group}/${def.kind}`] : undefined;
}
