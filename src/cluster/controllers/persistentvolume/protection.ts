// kube-controller-manager's pvc-protection and pv-protection controllers: a claim being deleted keeps its
// `kubernetes.io/pvc-protection` finalizer (and stays Terminating) while a scheduled pod that is not terminal uses
// it; a volume being deleted keeps `kubernetes.io/pv-protection` while it is Bound. Keys: `pvc:<ns>/<name>`, `pv:<name>`.
import type { Pod } from "../../../api/schemas/core/pod";
import type { KubeObject } from "../../../api/object";
import { splitKey, watch, type Controller, type ControllerContext, type ReconcileResult, type Watch } from "../../control-loop/types";
import { pvProtectionFinalizer, pvcProtectionFinalizer } from "../../admission/storage-protection";
import { persistentVolumeClaims } from "../../registry/persistentvolumeclaims";
import { persistentVolumes } from "../../registry/persistentvolumes";
import { pods } from "../../registry/pods";
import { claimNamesOf } from "../../registry/persistentvolumeclaims/annotations";

const terminal = (pod: Pod) => pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";

/** Whether the pod holds its claims: scheduled (the kubelet may have mounted them) and not terminal. */
function holdsClaims(pod: Pod): boolean {
  return !!pod.spec?.nodeName && !terminal(pod);
}

const being = (obj: KubeObject, finalizer: string) => !!obj.metadata.deletionTimestamp && !!obj.metadata.finalizers?.includes(finalizer);

export class StorageProtectionController implements Controller {
  readonly name = "storage-protection";

  readonly watches: Watch[] = [
    watch(persistentVolumeClaims, (event) =>
      event.type !== "DELETED" && being(event.object, pvcProtectionFinalizer) ? [`pvc:${event.object.metadata.namespace}/${event.object.metadata.name}`] : []),
    watch(persistentVolumes, (event) => (event.type !== "DELETED" && being(event.object, pvProtectionFinalizer) ? [`pv:${event.object.metadata.name}`] : [])),
    // A pod that lets go of its claims may free a claim being deleted.
    watch(pods, (event) => {
      const pod = event.object;
      if (event.type !== "DELETED" && holdsClaims(pod)) return [];
      return claimNamesOf(pod).map((claim) => `pvc:${pod.metadata.namespace}/${claim}`);
    }),
  ];

  resync(ctx: ControllerContext): string[] {
    return [
      ...ctx.registry.list(persistentVolumeClaims).filter((c) => being(c, pvcProtectionFinalizer)).map((c) => `pvc:${c.metadata.namespace}/${c.metadata.name}`),
      ...ctx.registry.list(persistentVolumes).filter((pv) => being(pv, pvProtectionFinalizer)).map((pv) => `pv:${pv.metadata.name}`),
    ];
  }

  reconcile(key: string, ctx: ControllerContext): ReconcileResult {
    if (key.startsWith("pv:")) {
      const pv = ctx.registry.tryGet(persistentVolumes, undefined, key.slice(3));
      if (!pv || !being(pv, pvProtectionFinalizer) || pv.status?.phase === "Bound") return;
      ctx.registry.update(persistentVolumes, undefined, pv.metadata.name!, withoutFinalizer(pv, pvProtectionFinalizer));
      return;
    }
    const { namespace, name } = splitKey(key.slice(4));
    const claim = ctx.registry.tryGet(persistentVolumeClaims, namespace, name);
    if (!claim || !being(claim, pvcProtectionFinalizer)) return;
    const inUse = ctx.registry.list(pods, namespace).some((pod) => holdsClaims(pod) && claimNamesOf(pod).includes(name));
    if (inUse) return;
    ctx.registry.update(persistentVolumeClaims, namespace, name, withoutFinalizer(claim, pvcProtectionFinalizer));
  }
}

function withoutFinalizer<T extends KubeObject>(obj: T, finalizer: string): T {
  return { ...obj, metadata: { ...obj.metadata, finalizers: (obj.metadata.finalizers ?? []).filter((f) => f !== finalizer) } };
}
