// `kubectl get persistentvolumeclaims`: NAME, STATUS (Terminating while being deleted), VOLUME, CAPACITY and ACCESS
// MODES (of the bound volume, from the status), STORAGECLASS, VOLUMEATTRIBUTESCLASS, AGE and, wide, VOLUMEMODE, as
// printPersistentVolumeClaim prints them.
import type { PersistentVolumeClaim } from "../../../api/schemas/core/persistentvolumeclaim";
import type { Printer } from "../types";
import { translateTimestampSince } from "../printing/age";
import { ageColumn, column, nameColumn } from "../printing/columns";
import { accessModesAsString, storageOf } from "../persistentvolumes/access-modes";

/** helper.GetPersistentVolumeClaimClass: the beta annotation first, then spec.storageClassName. */
export function claimClass(claim: PersistentVolumeClaim): string {
  return claim.metadata.annotations?.["volume.beta.kubernetes.io/storage-class"] ?? claim.spec?.storageClassName ?? "";
}

export const printer: Printer<PersistentVolumeClaim> = {
  columns: [
    nameColumn,
    column("Status", "string", "phase represents the current phase of PersistentVolumeClaim."),
    column("Volume", "string", "volumeName is the binding reference to the PersistentVolume backing this claim."),
    column("Capacity", "string", "capacity represents the actual resources of the underlying volume."),
    column("Access Modes", "string", "accessModes contains the desired access modes the volume should have."),
    column("StorageClass", "string", "storageClassName is the name of the StorageClass required by the claim."),
    column("VolumeAttributesClass", "string", "volumeAttributesClassName may be used to set the VolumeAttributesClass used by this claim."),
    ageColumn,
    column("VolumeMode", "string", "volumeMode defines what type of volume is required by the claim.", 1),
  ],
  cells: (claim, now) => {
    const bound = !!claim.spec?.volumeName;
    return [
      claim.metadata.name ?? "",
      claim.metadata.deletionTimestamp ? "Terminating" : (claim.status?.phase ?? ""),
      claim.spec?.volumeName ?? "",
      bound ? (storageOf(claim.status?.capacity)?.toString() ?? "0") : "",
      bound ? accessModesAsString(claim.status?.accessModes) : "",
      claimClass(claim),
      claim.spec?.volumeAttributesClassName ?? "<unset>",
      translateTimestampSince(claim.metadata.creationTimestamp, now),
      claim.spec?.volumeMode ?? "<unset>",
    ];
  },
};
