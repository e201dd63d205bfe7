// The StorageObjectInUseProtection admission plugin (plugin/pkg/admission/storage/storageobjectinuseprotection): every
// new PersistentVolumeClaim gets the `kubernetes.io/pvc-protection` finalizer and every new PersistentVolume the
// `kubernetes.io/pv-protection` one; the PV controller's protection loops remove them once the object is unused.
import type { KubeObject } from "../../api/object";
import type { AdmissionCheck } from "../registry/generic-store";
import { persistentVolumeClaims } from "../registry/persistentvolumeclaims";
import { persistentVolumes } from "../registry/persistentvolumes";
import type { ResourceDef } from "../registry/types";

export const pvcProtectionFinalizer = "kubernetes.io/pvc-protection";
export const pvProtectionFinalizer = "kubernetes.io/pv-protection";

function finalizerFor(def: ResourceDef): string | undefined {
  if (def === persistentVolumeClaims) return pvcProtectionFinalizer;
  if (def === persistentVolumes) return pvProtectionFinalizer;
  return undefined;
}

export function storageProtectionAdmission(): AdmissionCheck {
  return (operation, def, object: KubeObject, _old, subresource) => {
    if (operation !== "CREATE" || subresource) return;
    const finalizer = finalizerFor(def);
    if (!finalizer) return;
    const finalizers = object.metadata.finalizers ?? [];
    if (!finalizers.includes(finalizer)) object.metadata.finalizers = [...finalizers, finalizer];
  };
}
