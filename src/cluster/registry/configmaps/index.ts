import { ConfigMap } from "../../../api/schemas/core/configmap";
import { ConfigMap as ConfigMapMessage } from "../../../api/protobuf/messages/core";
import { defineResource } from "../define";
import { printer } from "./printer";
import { configMapStrategy } from "./strategy";

export const configMaps = defineResource<ConfigMap>({
  group: "",
  version: "v1",
  kind: "ConfigMap",
  resource: "configmaps",
  namespaced: true,
  shortNames: ["cm"],
  schema: ConfigMap,
  protobuf: ConfigMapMessage,
  strategy: configMapStrategy,
  printer,
});
