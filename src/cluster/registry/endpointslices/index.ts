import { EndpointSlice } from "../../../api/schemas/discovery/endpointslice";
import { defineResource } from "../define";
import { printer } from "./printer";
import { endpointSliceStrategy } from "./strategy";

export const endpointSlices = defineResource<EndpointSlice>({
  group: "discovery.k8s.io",
  version: "v1",
  kind: "EndpointSlice",
  resource: "endpointslices",
  namespaced: true,
  schema: EndpointSlice,
  strategy: endpointSliceStrategy,
  printer,
});
