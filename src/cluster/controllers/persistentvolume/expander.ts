// Volume expansion (kube-controller-manager's volume-expand controller with the resizer the built-in provisioner
// stands for): a bound claim whose storage request grew past its capacity, on a class that allows expansion, has its
// volume grown at once when the built-in provisioner made it: the volume's capacity, the claim's status capacity and
// allocatedResources follow, with the resizer's events. A volume of another provisioner waits (ExternalExpanding).
import type { PersistentVolumeClaim } from "../../../api/schemas/core/persistentvolumeclaim";
import { canonicalQuantity } from "../../../api/quantity";
import type { Controller, ControllerContext, ReconcileResult } from "../../control-loop/types";
import { splitKey } from "../../control-loop/types";
import { persistentVolumeClaims } from "../../registry/persistentvolumeclaims";
import { persistentVolumes } from "../../registry/persistentvolumes";
import { storageOf } from "../../registry/persistentvolumes/access-modes";
import { builtinProvisioner } from "../../registry/storageclasses/builtin-provisioner";
import { annProvisionedBy } from "../../registry/persistentvolumeclaims/annotations";

const source = { component: "volume_expand" };

/** The storage the claim asks for beyond what it has, or undefined. */
function growth(claim: PersistentVolumeClaim): string | undefined {
  if (claim.status?.phase !== "Bound" || !claim.spec?.volumeName) return undefined;
  const requested = storageOf(claim.spec.resources?.requests);
  const capacity = storageOf(claim.status.capacity);
  if (!requested || !capacity || requested.cmp(capacity) <= 0) return undefined;
  return canonicalQuantity(claim.spec.resources!.requests!.storage!);
}

export const volumeExpander: Controller = {
  name: "volume-expand",
  for: persistentVolumeClaims,
  ignoreDeleted: true,
  resync: (ctx) => ctx.registry.list(persistentVolumeClaims).filter((c) => growth(c)).map((c) => `${c.metadata.namespace}/${c.metadata.name}`),
  reconcile(key: string, ctx: ControllerContext): ReconcileResult {
    const { namespace, name } = splitKey(key);
    const claim = ctx.registry.tryGet(persistentVolumeClaims, namespace, name);
    const size = claim && growth(claim);
    if (!claim || !size) return;
    const pv = ctx.registry.tryGet(persistentVolumes, undefined, claim.spec!.volumeName!);
    if (!pv) return;
    const provisioner = pv.metadata.annotations?.[annProvisionedBy];
    if (provisioner !== builtinProvisioner) {
      ctx.events.record(claim, ctx.now, "Normal", "ExternalExpanding", "waiting for an external controller to expand this PVC", source);
      return;
    }
    const resizer = { component: "external-resizer k8s.io/minikube-hostpath" };
    ctx.events.record(claim, ctx.now, "Normal", "Resizing", `External resizer is resizing volume ${pv.metadata.name}`, resizer);
    if (storageOf(pv.spec?.capacity)!.cmp(storageOf({ storage: size })!) < 0) {
      ctx.registry.update(persistentVolumes, undefined, pv.metadata.name!, { ...pv, spec: { ...pv.spec, capacity: { ...pv.spec?.capacity, storage: size } } });
    }
    ctx.registry.update(persistentVolumeClaims, namespace, name, {
      ...claim,
      status: { ...claim.status, capacity: { ...claim.status?.capacity, storage: size }, allocatedResources: { ...claim.status?.allocatedResources, storage: size } },
    }, { subresource: "status" });
    ctx.events.record(claim, ctx.now, "Normal", "VolumeResizeSuccessful", `resize volume "${pv.metadata.name}" by resizer "${builtinProvisioner}" succeeded`, resizer);
  },
};
