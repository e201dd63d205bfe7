// Which volume a claim binds to (persistentvolume's findMatchingVolume): a volume pre-bound to the claim wins;
// otherwise the smallest Available volume of the claim's class, volume mode and label selector whose access modes
// include the claim's and whose capacity covers its request. Pure.
import type { PersistentVolume } from "../../../api/schemas/core/persistentvolume";
import type { PersistentVolumeClaim } from "../../../api/schemas/core/persistentvolumeclaim";
import { labelSelectorFromObject } from "../../../api/selectors/label-selector";
import { storageOf } from "../persistentvolumes/access-modes";
import { persistentVolumeClass } from "../persistentvolumes/printer";
import { classOfClaim } from "./annotations";

/** Whether the volume's claimRef names this claim (by uid when it has one). */
export function preBoundTo(pv: PersistentVolume, claim: PersistentVolumeClaim): boolean {
  const ref = pv.spec?.claimRef;
  if (!ref || ref.name !== claim.metadata.name || (ref.namespace ?? "") !== claim.metadata.namespace) return false;
  return !ref.uid || ref.uid === claim.metadata.uid;
}

/** checkVolumeSatisfyClaim: class, access modes, volume mode and size. */
export function satisfies(pv: PersistentVolume, claim: PersistentVolumeClaim): boolean {
  if (persistentVolumeClass(pv) !== classOfClaim(claim)) return false;
  const modes = pv.spec?.accessModes ?? [];
  if (!(claim.spec?.accessModes ?? []).every((m) => modes.includes(m))) return false;
  if ((pv.spec?.volumeMode ?? "Filesystem") !== (claim.spec?.volumeMode ?? "Filesystem")) return false;
  const capacity = storageOf(pv.spec?.capacity);
  const request = storageOf(claim.spec?.resources?.requests);
  return !!capacity && !!request && capacity.cmp(request) >= 0;
}

/**
 * The volume the claim should bind to, or undefined. `nodeFits` says whether a volume's node affinity allows the
 * node the claim's consumer was scheduled to (always true when binding is not delayed).
 */
export function findMatchingVolume(claim: PersistentVolumeClaim, volumes: readonly PersistentVolume[], nodeFits: (pv: PersistentVolume) => boolean = () => true): PersistentVolume | undefined {
  const selector = claim.spec?.selector ? labelSelectorFromObject(claim.spec.selector) : undefined;
  let best: PersistentVolume | undefined;
  for (const pv of volumes) {
    if (pv.metadata.deletionTimestamp || !satisfies(pv, claim) || !nodeFits(pv)) continue;
    if (preBoundTo(pv, claim)) return pv;
    if (pv.spec?.claimRef || pv.status?.phase === "Released" || pv.status?.phase === "Failed") continue;
    if (selector && !selector.matches(pv.metadata.labels ?? {})) continue;
    if (!best || storageOf(pv.spec?.capacity)!.cmp(storageOf(best.spec?.capacity)!) < 0) best = pv;
  }
  return best;
}
