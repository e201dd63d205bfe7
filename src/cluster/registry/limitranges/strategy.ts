// LimitRanges: SetDefaults_LimitRangeItem (a Container item's default limit falls back to its max, its default request
// to its default limit, then to its min; quantities canonical) and ValidateLimitRange with Kubernetes' messages.
import type { LimitRange } from "../../../api/schemas/core/limitrange";
import type { ResourceList } from "../../../api/schemas/meta";
import { canonicalQuantity, quantityFromJSON, type Quantity } from "../../../api/quantity";
import { fieldError, type FieldError } from "../../../api/status";
import { isQualifiedName } from "../../../api/validation/names";
import type { Strategy } from "../types";

type LimitRangeItem = NonNullable<LimitRange["spec"]>["limits"][number];

const standardTypes = ["Pod", "Container", "PersistentVolumeClaim"];
/** helper.IsStandardContainerResourceName. */
const isContainerResource = (name: string) => ["cpu", "memory", "ephemeral-storage"].includes(name) || name.startsWith("hugepages-");
/** helper.IsStandardResourceName (the compute and quota resources). */
const standardResources = ["cpu", "memory", "ephemeral-storage", "storage", "pods", "services", "replicationcontrollers",
  "resourcequotas", "secrets", "configmaps", "persistentvolumeclaims", "requests.cpu", "requests.memory", "requests.storage",
  "requests.ephemeral-storage", "limits.cpu", "limits.memory", "limits.ephemeral-storage"];
/** helper.IsOvercommitAllowed. */
const overcommitAllowed = (name: string) => (!name.includes("/") || name.includes("kubernetes.io/")) && !name.startsWith("hugepages-");

function fillMissing(into: ResourceList, from: ResourceList | undefined): void {
  for (const [name, value] of Object.entries(from ?? {})) if (!(name in into)) into[name] = value;
}

const itemLists = ["max", "min", "default", "defaultRequest", "maxLimitRequestRatio"] as const;

export function defaultLimitRangeItem(item: LimitRangeItem): void {
  // Quantities are stored as the apiserver serializes them ("0.5" → "500m").
  for (const field of itemLists) {
    const list = item[field];
    if (list) for (const [name, value] of Object.entries(list)) list[name] = canonicalQuantity(value);
  }
  if (item.type !== "Container") return;
  const defaults: ResourceList = { ...item.default };
  fillMissing(defaults, item.max);
  const requests: ResourceList = { ...item.defaultRequest };
  fillMissing(requests, defaults);
  fillMissing(requests, item.min);
  if (Object.keys(defaults).length) item.default = defaults;
  if (Object.keys(requests).length) item.defaultRequest = requests;
}

function validateTypeName(type: string, field: string): FieldError[] {
  const errs = isQualifiedName(type).map((m) => fieldError.invalid(field, type, m));
  if (errs.length) return errs;
  if (!type.includes("/") && !standardTypes.includes(type)) return [fieldError.invalid(field, type, "must be a standard limit type or fully qualified")];
  return [];
}

/** validateResourceName, and for Pod and Container items validateContainerResourceName on top. */
function validateResourceName(type: string, name: string, field: string): FieldError[] {
  const errs = isQualifiedName(name).map((m) => fieldError.invalid(field, name, m));
  if (name.includes("/")) return errs;
  if (!errs.length && !standardResources.includes(name) && !name.startsWith("hugepages-")) {
    errs.push(fieldError.invalid(field, name, "must be a standard resource type or fully qualified"));
  }
  if ((type === "Pod" || type === "Container") && !isContainerResource(name)) {
    errs.push(fieldError.invalid(field, name, "must be a standard resource for containers"));
  }
  return errs;
}

function parsedList(list: ResourceList | undefined): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  for (const [name, value] of Object.entries(list ?? {})) out.set(name, quantityFromJSON(value));
  return out;
}

/** resource.MaxMilliValue: above it, comparisons fall back to whole units. */
const maxMilliValue = (2n ** 63n - 1n) / 1000n;

/** The ratio check of ValidateLimitRange: maxLimitRequestRatio may not exceed max/min. */
function ratioAboveMaxOverMin(ratio: Quantity, min: Quantity, max: Quantity): number | undefined {
  const milli = [ratio, min, max].every((q) => q.value() < maxMilliValue);
  const r = milli ? Number(ratio.milliValue()) / 1000 : Number(ratio.value());
  const allowed = milli ? Number(max.milliValue()) / Number(min.milliValue()) : Number(max.value()) / Number(min.value());
  return r > allowed ? allowed : undefined;
}

function validateItem(item: LimitRangeItem, at: string): FieldError[] {
  const errs: FieldError[] = [];
  const keys = new Set<string>();
  const named = (field: keyof LimitRangeItem) => {
    const list = item[field] as ResourceList | undefined;
    for (const name of Object.keys(list ?? {})) {
      errs.push(...validateResourceName(item.type, name, `${at}.${field}[${name}]`));
      keys.add(name);
    }
    return parsedList(list);
  };
  const max = named("max");
  const min = named("min");
  let defaults = new Map<string, Quantity>();
  let defaultRequests = new Map<string, Quantity>();
  if (item.type === "Pod") {
    if (Object.keys(item.default ?? {}).length) errs.push(fieldError.forbidden(`${at}.default`, "may not be specified when `type` is 'Pod'"));
    if (Object.keys(item.defaultRequest ?? {}).length) errs.push(fieldError.forbidden(`${at}.defaultRequest`, "may not be specified when `type` is 'Pod'"));
  } else {
    defaults = named("default");
    defaultRequests = named("defaultRequest");
  }
  if (item.type === "PersistentVolumeClaim" && !min.has("storage") && !max.has("storage")) {
    errs.push(fieldError.required(`${at}.limits`, "either minimum or maximum storage value is required, but neither was provided"));
  }
  const ratios = named("maxLimitRequestRatio");
  for (const k of keys) {
    const [mn, mx, df, dr, ratio] = [min.get(k), max.get(k), defaults.get(k), defaultRequests.get(k), ratios.get(k)];
    const bad = (part: string, value: Quantity, message: string) => errs.push(fieldError.invalid(`${at}.${part}[${k}]`, value.toString(), message));
    if (mn && mx && mn.cmp(mx) > 0) bad("min", mn, `min value ${mn} is greater than max value ${mx}`);
    if (dr && mn && mn.cmp(dr) > 0) bad("defaultRequest", dr, `min value ${mn} is greater than default request value ${dr}`);
    if (dr && mx && dr.cmp(mx) > 0) bad("defaultRequest", dr, `default request value ${dr} is greater than max value ${mx}`);
    if (dr && df && dr.cmp(df) > 0) bad("defaultRequest", dr, `default request value ${dr} is greater than default limit value ${df}`);
    if (df && mn && mn.cmp(df) > 0) bad("default", mn, `min value ${mn} is greater than default value ${df}`);
    if (df && mx && df.cmp(mx) > 0) bad("default", mx, `default value ${df} is greater than max value ${mx}`);
    if (ratio && ratio.cmp(quantityFromJSON("1")) < 0) bad("maxLimitRequestRatio", ratio, `ratio ${ratio} is less than 1`);
    const allowed = ratio && mn && mx ? ratioAboveMaxOverMin(ratio, mn, mx) : undefined;
    if (ratio && allowed !== undefined) bad("maxLimitRequestRatio", ratio, `ratio ${ratio} is greater than max/min = ${allowed.toFixed(6)}`);
    if (!overcommitAllowed(k) && df && dr && df.cmp(dr) !== 0) {
      bad("defaultRequest", dr, `default value ${df} must equal to defaultRequest value ${dr} in ${k}`);
    }
  }
  return errs;
}

export function validateLimitRange(limitRange: LimitRange): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (limitRange.spec?.limits ?? []).forEach((item, i) => {
    const at = `spec.limits[${i}]`;
    errs.push(...validateTypeName(item.type, `${at}.type`));
    if (seen.has(item.type)) errs.push(fieldError.duplicate(`${at}.type`, item.type));
    seen.add(item.type);
    errs.push(...validateItem(item, at));
  });
  return errs;
}

export const limitRangeStrategy: Strategy<LimitRange> = {
  defaults(limitRange) {
    for (const item of limitRange.spec?.limits ?? []) defaultLimitRangeItem(item);
  },
  validate: validateLimitRange,
};
