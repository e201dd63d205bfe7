// The DefaultStorageClass admission plugin (plugin/pkg/admission/storage/storageclass/setdefault): a claim created
// with no storageClassName (nil, not "") and no beta storage-class annotation gets the default StorageClass's name.
// `storageClassName: ""` asks for a volume of no class and stays so.
import type { AdmissionCheck, RegistryStore } from "../registry/generic-store";
import { ofKind } from "../registry/of-kind";
import { persistentVolumeClaims } from "../registry/persistentvolumeclaims";
import { storageClasses } from "../registry/storageclasses";
import { defaultStorageClass } from "../registry/storageclasses/default-class";

export const betaStorageClassAnnotation = "volume.beta.kubernetes.io/storage-class";

export function defaultStorageClassAdmission(registry: RegistryStore): AdmissionCheck {
  return (operation, def, object, _old, subresource) => {
    const claim = ofKind(persistentVolumeClaims, def, object);
    if (!claim || operation !== "CREATE" || subresource) return;
    if (claim.spec?.storageClassName != null) return;
    if (claim.metadata.annotations?.[betaStorageClassAnnotation] !== undefined) return;
    const chosen = defaultStorageClass(registry.list(storageClasses));
    if (chosen) (claim.spec ??= {}).storageClassName = chosen.metadata.name;
  };
}
