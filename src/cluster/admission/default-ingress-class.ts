// The DefaultIngressClass admission plugin (plugin/pkg/admission/network/defaultingressclass): an Ingress created
// with neither spec.ingressClassName nor the legacy kubernetes.io/ingress.class annotation gets the name of the
// IngressClass annotated as default (the newest, when several are).
import type { AdmissionCheck, RegistryStore } from "../registry/generic-store";
import { ingressClasses } from "../registry/ingressclasses";
import { defaultIngressClass } from "../registry/ingressclasses/default-class";
import { ingresses } from "../registry/ingresses";
import { ingressClassAnnotation } from "../registry/ingresses/validation";
import { ofKind } from "../registry/of-kind";

export function defaultIngressClassAdmission(registry: RegistryStore): AdmissionCheck {
  return (operation, def, object, _old, subresource) => {
    const ingress = ofKind(ingresses, def, object);
    if (!ingress || operation !== "CREATE" || subresource) return;
    if (ingress.spec?.ingressClassName != null) return;
    if (ingress.metadata.annotations?.[ingressClassAnnotation] !== undefined) return;
    const chosen = defaultIngressClass(registry.list(ingressClasses));
    if (chosen) (ingress.spec ??= {}).ingressClassName = chosen.metadata.name;
  };
}
