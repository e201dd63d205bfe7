// IngressClasses (pkg/registry/networking/ingressclass): parameters' scope defaults to Cluster
// (SetDefaults_IngressClass); spec changes bump the generation; the controller is immutable.
import type { IngressClass } from "../../../api/schemas/networking/ingressclass";
import type { Strategy } from "../types";
import { validateIngressClass, validateIngressClassUpdate } from "./validation";

export const ingressClassStrategy: Strategy<IngressClass> = {
  defaults(ic) {
    const parameters = ic.spec?.parameters;
    if (parameters && parameters.scope == null) parameters.scope = "Cluster";
  },
  validate: (ic) => validateIngressClass(ic),
  validateUpdate: (ic, old) => validateIngressClassUpdate(ic, old),
};
