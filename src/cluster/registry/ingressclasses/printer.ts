// `kubectl get ingressclasses`: NAME, CONTROLLER, PARAMETERS (`Kind[.apiGroup]/name`, `<none>`), AGE, as
// printIngressClass prints them.
import type { IngressClass } from "../../../api/schemas/networking/ingressclass";
import type { Printer } from "../types";
import { translateTimestampSince } from "../printing/age";
import { ageColumn, column, nameColumn } from "../printing/columns";
import { NONE } from "../printing/format";

function parametersCell(ic: IngressClass): string {
  const params = ic.spec?.parameters;
  if (!params) return NONE;
  return `${params.kind ?? ""}${params.apiGroup != null ? `.${params.apiGroup}` : ""}/${params.name ?? ""}`;
}

export const printer: Printer<IngressClass> = {
  columns: [
    nameColumn,
    column("Controller", "string", "Controller that is responsible for handling this class"),
    column("Parameters", "string", "A reference to a resource with additional parameters"),
    ageColumn,
  ],
  cells: (ic, now) => [ic.metadata.name ?? "", ic.spec?.controller ?? "", parametersCell(ic), translateTimestampSince(ic.metadata.creationTimestamp, now)],
};
