// `kubectl get persistentvolumes`: NAME, CAPACITY, ACCESS MODES, RECLAIM POLICY, STATUS (Terminating while being
// deleted), CLAIM (`namespace/name`), STORAGECLASS, VOLUMEATTRIBUTESCLASS, REASON, AGE and, wide, VOLUMEMODE, as
// printPersistentVolume prints them.
import type { PersistentVolume } from "../../../api/schemas/core/persistentvolume";
import type { Printer } from "../types";
import { translateTimestampSince } from "../printing/age";
import { ageColumn, column, nameColumn } from "../printing/columns";
import { accessModesAsString, storageOf } from "./access-modes";

/** helper.GetPersistentVolumeClass: the beta annotation first, then spec.storageClassName. */
export function persistentVolumeClass(pv: PersistentVolume): string {
  return pv.metadata.annotations?.["volume.beta.kubernetes.io/storage-class"] ?? pv.spec?.storageClassName ?? "";
}

export const printer: Printer<PersistentVolume> = {
  columns: [
    nameColumn,
    column("Capacity", "string", "capacity is the description of the persistent volume's resources and capacity."),
    column("Access Modes", "string", "accessModes contains all ways the volume can be mounted."),
    column("Reclaim Policy", "string", "persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim."),
    column("Status", "string", "phase indicates if a volume is available, bound to a claim, or released by a claim."),
    column("Claim", "string", "claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim."),
    column("StorageClass", "string", "storageClassName is the name of StorageClass to which this persistent volume belongs."),
    column("VolumeAttributesClass", "string", "Name of VolumeAttributesClass to which this persistent volume belongs."),
    column("Reason", "string", "reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI."),
    ageColumn,
    column("VolumeMode", "string", "volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state.", 1),
  ],
  cells: (pv, now) => {
    const claim = pv.spec?.claimRef ? `${pv.spec.claimRef.namespace ?? ""}/${pv.spec.claimRef.name ?? ""}` : "";
    return [
      pv.metadata.name ?? "",
      (storageOf(pv.spec?.capacity) ?? storageOf({ storage: "0" })!).toString(),
      accessModesAsString(pv.spec?.accessModes),
      pv.spec?.persistentVolumeReclaimPolicy ?? "",
      pv.metadata.deletionTimestamp ? "Terminating" : (pv.status?.phase ?? ""),
      claim,
      persistentVolumeClass(pv),
      pv.spec?.volumeAttributesClassName ?? "<unset>",
      pv.status?.reason ?? "",
      translateTimestampSince(pv.metadata.creationTimestamp, now),
      pv.spec?.volumeMode ?? "<unset>",
    ];
  },
};
