import { StorageClass } from "../../../api/schemas/storage/storageclass";
import { StorageClass as StorageClassMessage } from "../../../api/protobuf/messages/storage";
import { defineResource } from "../define";
import { printer } from "./printer";
import { storageClassStrategy } from "./strategy";

export const storageClasses = defineResource<StorageClass>({
  group: "storage.k8s.io",
  version: "v1",
  kind: "StorageClass",
  resource: "storageclasses",
  namespaced: false,
  shortNames: ["sc"],
  schema: StorageClass,
  protobuf: StorageClassMessage,
  strategy: storageClassStrategy,
  printer,
});
