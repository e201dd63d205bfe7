// Which IngressClass is the default: the one annotated ingressclass.kubernetes.io/is-default-class=true; with
// several, the newest (the DefaultIngressClass admission plugin's choice: latest creationTimestamp, then name).
import { defaultIngressClassAnnotation, type IngressClass } from "../../../api/schemas/networking/ingressclass";

export function isDefaultIngressClass(ic: IngressClass): boolean {
  return ic.metadata.annotations?.[defaultIngressClassAnnotation] === "true";
}

/** The default class among `classes`, if any is annotated. */
export function defaultIngressClass(classes: IngressClass[]): IngressClass | undefined {
  let chosen: IngressClass | undefined;
  for (const ic of classes) {
    if (!isDefaultIngressClass(ic)) continue;
    if (!chosen || newer(ic, chosen)) chosen = ic;
  }
  return chosen;
}

function newer(a: IngressClass, b: IngressClass): boolean {
  const at = Date.parse(a.metadata.creationTimestamp ?? "") || 0;
  const bt = Date.parse(b.metadata.creationTimestamp ?? "") || 0;
  if (at !== bt) return at > bt;
  return (a.metadata.name ?? "") < (b.metadata.name ?? "");
}
