// Ingresses (pkg/registry/networking/ingress): no defaults in networking/v1; a new Ingress starts with an empty
// status (`loadBalancer: {}`) for its controller to fill; spec changes bump the generation and status writes keep
// the spec. The legacy class annotation is checked against ingressClassName (the apiserver does so on create only;
// here on updates too, as the strategy's validation does not know which).
import type { Ingress } from "../../../api/schemas/networking/ingress";
import type { Strategy } from "../types";
import { validateIngressCreate, validateIngressStatus } from "./validation";

export const ingressStrategy: Strategy<Ingress> = {
  prepareForCreate(ing) {
    ing.status = { loadBalancer: {} };
  },
  validate: (ing) => validateIngressCreate(ing),
  validateStatusUpdate: (ing) => validateIngressStatus(ing),
};
