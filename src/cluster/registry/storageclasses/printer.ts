// `kubectl get storageclasses`: NAME (with " (default)" for the default class), PROVISIONER, RECLAIMPOLICY,
// VOLUMEBINDINGMODE, ALLOWVOLUMEEXPANSION, AGE, as printStorageClass prints them.
import type { Printer } from "../types";
import { translateTimestampSince } from "../printing/age";
import { ageColumn, column, nameColumn } from "../printing/columns";
import { at, text } from "../printing/fields";
import type { StorageClassFields } from "./validation";

/** storageutil.IsDefaultAnnotation: the GA annotation or its beta predecessor, exactly "true". */
const defaultClassAnnotations = ["storageclass.kubernetes.io/is-default-class", "storageclass.beta.kubernetes.io/is-default-class"];

export function isDefaultClass(sc: StorageClassFields): boolean {
  return defaultClassAnnotations.some((key) => at(sc, "metadata", "annotations", key) === "true");
}

export const printer: Printer<StorageClassFields> = {
  columns: [
    nameColumn,
    column("Provisioner", "string", "provisioner indicates the type of the provisioner."),
    column(
      "ReclaimPolicy",
      "string",
      "reclaimPolicy controls the reclaimPolicy for dynamically provisioned PersistentVolumes of this storage class. Defaults to Delete.",
    ),
    column(
      "VolumeBindingMode",
      "string",
      "volumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound.  When unset, VolumeBindingImmediate is used. This field is only honored by servers that enable the VolumeScheduling feature.",
    ),
    column("AllowVolumeExpansion", "string", "allowVolumeExpansion shows whether the storage class allow volume expand."),
    ageColumn,
  ],
  cells: (sc, now) => [
    `${sc.metadata.name ?? ""}${isDefaultClass(sc) ? " (default)" : ""}`,
    text(sc.provisioner),
    text(sc.reclaimPolicy) || "Delete",
    text(sc.volumeBindingMode) || "Immediate",
    sc.allowVolumeExpansion === true,
    translateTimestampSince(sc.metadata.creationTimestamp, now),
  ],
};
