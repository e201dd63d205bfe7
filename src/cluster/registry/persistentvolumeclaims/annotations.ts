// The annotations and names the PV controller, the scheduler and the built-in provisioner share (pkg/controller/
// volume/persistentvolume/util and the external provisioner library), and the claims a pod uses.
import type { Pod } from "../../../api/schemas/core/pod";
import type { PersistentVolumeClaim } from "../../../api/schemas/core/persistentvolumeclaim";

export const annBindCompleted = "pv.kubernetes.io/bind-completed";
export const annBoundByController = "pv.kubernetes.io/bound-by-controller";
export const annProvisionedBy = "pv.kubernetes.io/provisioned-by";
export const annStorageProvisioner = "volume.kubernetes.io/storage-provisioner";
export const annBetaStorageProvisioner = "volume.beta.kubernetes.io/storage-provisioner";
export const annSelectedNode = "volume.kubernetes.io/selected-node";

/** The event source of the binder. */
export const binderSource = { component: "persistentvolume-controller" };

/** The names of the claims a pod's volumes name (persistentVolumeClaim sources). */
export function claimNamesOf(pod: Pod): string[] {
  const names: string[] = [];
  for (const volume of pod.spec?.volumes ?? []) {
    const name = volume.persistentVolumeClaim?.claimName;
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

/** The claim's class (helper.GetPersistentVolumeClaimClass): the beta annotation first, then spec.storageClassName. */
export function classOfClaim(claim: PersistentVolumeClaim): string {
  return claim.metadata.annotations?.["volume.beta.kubernetes.io/storage-class"] ?? claim.spec?.storageClassName ?? "";
}
