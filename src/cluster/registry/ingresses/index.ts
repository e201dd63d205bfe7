import { Ingress } from "../../../api/schemas/networking/ingress";
import { Ingress as IngressMessage } from "../../../api/protobuf/messages/networking";
import { defineResource } from "../define";
import { printer } from "./printer";
import { ingressStrategy } from "./strategy";

export const ingresses = defineResource<Ingress>({
  group: "networking.k8s.io",
  version: "v1",
  kind: "Ingress",
  resource: "ingresses",
  namespaced: true,
  shortNames: ["ing"],
  schema: Ingress,
  protobuf: IngressMessage,
  subresources: ["status"],
  hasGeneration: true,
  strategy: ingressStrategy,
  printer,
});
