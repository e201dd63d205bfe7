import { Endpoints } from "../../../api/schemas/core/endpoints";
import { defineResource } from "../define";
import { printer } from "./printer";
import { endpointsStrategy } from "./strategy";

export const endpoints = defineResource<Endpoints>({
  group: "",
  version: "v1",
  kind: "Endpoints",
  listKind: "EndpointsList",
  resource: "endpoints",
  singular: "endpoints",
  namespaced: true,
  shortNames: ["ep"],
  schema: Endpoints,
  strategy: endpointsStrategy,
  printer,
});
