// StorageClasses: reclaimPolicy defaults to Delete and volumeBindingMode to Immediate (SetDefaults_StorageClass);
// validation per pkg/apis/storage/validation.
import type { Strategy } from "../types";
import { validateStorageClass, validateStorageClassUpdate, type StorageClassFields } from "./validation";

export const storageClassStrategy: Strategy<StorageClassFields> = {
  defaults(sc) {
    // Only an absent (nil) field is defaulted: an explicit "" stays, as in Go.
    if (sc.reclaimPolicy == null) sc.reclaimPolicy = "Delete";
    if (sc.volumeBindingMode == null) sc.volumeBindingMode = "Immediate";
  },
  validate: (sc) => validateStorageClass(sc),
  validateUpdate: (sc, old) => validateStorageClassUpdate(sc, old),
};
