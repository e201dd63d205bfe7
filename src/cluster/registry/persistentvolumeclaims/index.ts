import { PersistentVolumeClaim } from "../../../api/schemas/core/persistentvolumeclaim";
import { defineResource } from "../define";
import { printer } from "./printer";
import { persistentVolumeClaimStrategy } from "./strategy";

export const persistentVolumeClaims = defineResource<PersistentVolumeClaim>({
  group: "",
  version: "v1",
  kind: "PersistentVolumeClaim",
  resource: "persistentvolumeclaims",
  namespaced: true,
  shortNames: ["pvc"],
  schema: PersistentVolumeClaim,
  strategy: persistentVolumeClaimStrategy,
  subresources: ["status"],
  printer,
});
