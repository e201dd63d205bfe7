// Label and label-selector validation (apis/meta/v1/validation), reporting at the map's path as Kubernetes does
// (`metadata.labels: Invalid value: "Bad Key": name part must consist of …`).

import { fieldError, type FieldError } from "../status";
import { isQualifiedName, isValidLabelValue } from "./names";

/** Keys in a stable order: Go iterates maps randomly, so any order is faithful; sorted keeps messages stable. */
export function sortedEntries(map: Record<string, string> | null | undefined): [string, string][] {
  return Object.entries(map ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export function validateLabelName(name: string, field: string): FieldError[] {
  return isQualifiedName(name).map((msg) => fieldError.invalid(field, name, msg));
}

export function validateLabels(labels: Record<string, string> | null | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [key, value] of sortedEntries(labels)) {
    errs.push(...validateLabelName(key, field));
    // Decoding leaves only strings here (a JSON null becomes ""); anything else is checked as its empty value.
    const text = typeof value === "string" ? value : "";
    errs.push(...isValidLabelValue(text).map((msg) => fieldError.invalid(field, text, msg)));
  }
  return errs;
}

/** metav1.LabelSelectorRequirement as it appears in specs. */
export interface LabelSelectorRequirement {
  key: string;
  operator: string;
  values?: string[] | null;
}

/** metav1.LabelSelector as it appears in specs (Deployment.spec.selector, …). */
export interface LabelSelector {
  matchLabels?: Record<string, string> | null;
  matchExpressions?: LabelSelectorRequirement[] | null;
}

/** ValidateLabelSelector: a null selector is valid here; kinds that require one check that themselves. */
export function validateLabelSelector(selector: LabelSelector | null | undefined, field: string): FieldError[] {
  if (!selector) return [];
  const errs = validateLabels(selector.matchLabels, `${field}.matchLabels`);
  (selector.matchExpressions ?? []).forEach((expr, i) => {
    errs.push(...validateLabelSelectorRequirement(expr, `${field}.matchExpressions[${i}]`));
  });
  return errs;
}

function validateLabelSelectorRequirement(req: LabelSelectorRequirement, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const values = req.values ?? [];
  switch (req.operator) {
    case "In":
    case "NotIn":
      if (values.length === 0) {
        errs.push(fieldError.required(`${field}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
      }
      break;
    case "Exists":
    case "DoesNotExist":
      if (values.length > 0) {
        errs.push(
          fieldError.forbidden(`${field}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
        );
      }
      break;
    default:
      errs.push(fieldError.invalid(`${field}.operator`, req.operator, "not a valid selector operator"));
  }
  errs.push(...validateLabelName(req.key, `${field}.key`));
  values.forEach((value, i) => {
    errs.push(...isValidLabelValue(value).map((msg) => fieldError.invalid(`${field}.values[${i}]`, value, msg)));
  });
  return errs;
}
