import { PersistentVolume } from "../../../api/schemas/core/persistentvolume";
import { defineResource } from "../define";
import { printer } from "./printer";
import { persistentVolumeStrategy } from "./strategy";

export const persistentVolumes = defineResource<PersistentVolume>({
  group: "",
  version: "v1",
  kind: "PersistentVolume",
  resource: "persistentvolumes",
  namespaced: false,
  shortNames: ["pv"],
  schema: PersistentVolume,
  strategy: persistentVolumeStrategy,
  subresources: ["status"],
  printer,
});
