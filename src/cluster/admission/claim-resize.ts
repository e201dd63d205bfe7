// The PersistentVolumeClaimResize admission plugin (plugin/pkg/admission/storage/persistentvolume/resize): a claim's
// storage request may grow only once it is bound, and only when its StorageClass allows volume expansion (403 with the
// plugin's messages otherwise).
import type { AdmissionCheck, RegistryStore } from "../registry/generic-store";
import { ofKind } from "../registry/of-kind";
import { persistentVolumeClaims } from "../registry/persistentvolumeclaims";
import { claimClass } from "../registry/persistentvolumeclaims/printer";
import { storageOf } from "../registry/persistentvolumes/access-modes";
import { storageClasses } from "../registry/storageclasses";
import type { PersistentVolumeClaim } from "../../api/schemas/core/persistentvolumeclaim";
import { admissionForbidden, admissionName } from "./forbidden";

export function claimResizeAdmission(registry: RegistryStore): AdmissionCheck {
  return (operation, def, object, old, subresource) => {
    const claim = ofKind(persistentVolumeClaims, def, object);
    if (!claim || operation !== "UPDATE" || subresource || !old) return;
    const previous = old as PersistentVolumeClaim;
    const newSize = storageOf(claim.spec?.resources?.requests);
    const oldSize = storageOf(previous.spec?.resources?.requests);
    if (!newSize || !oldSize || newSize.cmp(oldSize) <= 0) return;
    const name = admissionName(operation, object);
    if (previous.status?.phase !== "Bound") throw admissionForbidden(def, name, "Only bound persistent volume claims can be expanded");
    const className = claimClass(claim);
    const allowed = className !== "" && className === claimClass(previous) &&
      registry.tryGet(storageClasses, undefined, className)?.allowVolumeExpansion === true;
    if (!allowed) {
      throw admissionForbidden(def, name, "only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize");
    }
  };
}
