import { IngressClass } from "../../../api/schemas/networking/ingressclass";
import { defineResource } from "../define";
import { printer } from "./printer";
import { ingressClassStrategy } from "./strategy";

export const ingressClasses = defineResource<IngressClass>({
  group: "networking.k8s.io",
  version: "v1",
  kind: "IngressClass",
  resource: "ingressclasses",
  namespaced: false,
  schema: IngressClass,
  hasGeneration: true,
  strategy: ingressClassStrategy,
  printer,
});
