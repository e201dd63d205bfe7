// List and watch options from the query string: selectors, paging, resourceVersion, watch parameters.
import type { KubeObject } from "../../api/object";
import { badRequest, fieldError, invalid, type FieldError } from "../../api/status";
import { parseResourceVersion } from "./resource-version";
import {
  assertDefaultFieldLabels,
  assertFieldLabelsSupported,
  parseFieldSelector,
  type FieldSelector,
} from "../../api/selectors/field-selector";
import { parseLabelSelector, type LabelMatcher } from "../../api/selectors/label-selector";
import type { ResourceDef } from "../registry/types";

export interface Selection {
  label: LabelMatcher;
  field: FieldSelector;
  /** True when the object is selected. */
  matches(obj: KubeObject): boolean;
}

export interface ListOptions {
  selection: Selection;
  limit?: number;
  continueToken?: string;
  resourceVersion?: string;
  timeoutSeconds?: number;
  allowWatchBookmarks: boolean;
  sendInitialEvents: boolean;
}

/** The field values a field selector may name for this kind. */
export function fieldsOf(def: ResourceDef, obj: KubeObject): Record<string, string> {
  const fields: Record<string, string> = { "metadata.name": obj.metadata.name ?? "" };
  if (def.namespaced) fields["metadata.namespace"] = obj.metadata.namespace ?? "";
  return def.selectableFields ? { ...fields, ...def.selectableFields(obj) } : fields;
}

export function selectionFor(def: ResourceDef, labelSelector: string | null, fieldSelector: string | null): Selection {
  const label = parseLabelSelector(labelSelector ?? "");
  const field = parseFieldSelector(fieldSelector ?? "");
  if (!field.isEmpty()) {
    if (def.selectableFields) {
      // The names this kind supports: those of a sample object (values do not matter).
      assertFieldLabelsSupported(field, Object.keys(fieldsOf(def, { metadata: { name: "", namespace: "" } } as KubeObject)));
    } else {
      assertDefaultFieldLabels(field);
    }
  }
  return {
    label,
    field,
    matches(obj) {
      if (!label.isEmpty() && !label.matches(obj.metadata.labels ?? {})) return false;
      return field.isEmpty() || field.matches(fieldsOf(def, obj));
    },
  };
}

function positiveInt(value: string | null, name: string): number | undefined {
  if (value === null || value === "") return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw badRequest(`invalid ${name}: ${value}`);
  return n;
}

/** A boolean query parameter as the apiserver converts it: absent is false, "0" and "false" are false, all else true. */
export function queryBool(query: URLSearchParams, name: string): boolean | undefined {
  const value = query.get(name);
  if (value === null) return undefined;
  return !(value === "0" || value.toLowerCase() === "false");
}

/** metainternalversion/validation.ValidateListOptions: a 422 on ListOptions.meta.k8s.io. */
function validateListOptions(query: URLSearchParams, watch: boolean): void {
  const match = query.get("resourceVersionMatch") ?? "";
  const rv = query.get("resourceVersion") ?? "";
  const continued = (query.get("continue") ?? "") !== "";
  const initialEvents = query.has("sendInitialEvents");
  const errors: FieldError[] = [];
  const forbidden = (detail: string) => errors.push(fieldError.forbidden("resourceVersionMatch", detail));
  if (watch) {
    if (initialEvents && match !== "NotOlderThan") forbidden("sendInitialEvents requires setting resourceVersionMatch to NotOlderThan");
    if (match) {
      if (!initialEvents) forbidden("resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided");
      if (match !== "NotOlderThan") errors.push(fieldError.notSupported("resourceVersionMatch", match, ["NotOlderThan"]));
      if (continued) forbidden("resourceVersionMatch is forbidden when continue is provided");
    }
  } else {
    if (match) {
      if (!rv) forbidden("resourceVersionMatch is forbidden unless resourceVersion is provided");
      if (continued) forbidden("resourceVersionMatch is forbidden when continue is provided");
      if (match !== "Exact" && match !== "NotOlderThan") errors.push(fieldError.notSupported("resourceVersionMatch", match, ["Exact", "NotOlderThan", ""]));
      if (match === "Exact" && rv === "0") forbidden('resourceVersionMatch "exact" is forbidden for resourceVersion "0"');
    }
    if (initialEvents) errors.push(fieldError.forbidden("sendInitialEvents", "sendInitialEvents is forbidden for list"));
  }
  if (errors.length) throw invalid("ListOptions", "meta.k8s.io", "", errors);
}

/** Options of a list (`watch` false, also deletecollection) or a watch, validated as the apiserver validates them. */
export function parseListOptions(def: ResourceDef, query: URLSearchParams, watch = false): ListOptions {
  validateListOptions(query, watch);
  const continueToken = query.get("continue") || undefined;
  const resourceVersion = query.get("resourceVersion") ?? undefined;
  if (continueToken) {
    decodeContinue(continueToken);
    if (resourceVersion && resourceVersion !== "0") throw badRequest("specifying resource version is not allowed when using continue");
  }
  parseResourceVersion(resourceVersion);
  return {
    selection: selectionFor(def, query.get("labelSelector"), query.get("fieldSelector")),
    limit: positiveInt(query.get("limit"), "limit") || undefined,
    continueToken,
    resourceVersion,
    timeoutSeconds: positiveInt(query.get("timeoutSeconds"), "timeoutSeconds"),
    allowWatchBookmarks: queryBool(query, "allowWatchBookmarks") ?? false,
    sendInitialEvents: queryBool(query, "sendInitialEvents") ?? false,
  };
}

/**
 * Small limits (below kubectl's default chunk of 500) are honoured exactly, so paging can be explored. Larger ones
 * are served in pages of at least 10,000 items: the API lets a server return more than `limit` (the apiserver's watch
 * cache ignores it for resourceVersion=0), lists here come from memory anyway, and kubectl's client-side throttling
 * (5 requests/s after a burst of 10) would otherwise spend seconds fetching a big list 500 items at a time.
 */
export function pageSize(limit: number | undefined): number | undefined {
  if (limit === undefined || limit < kubectlChunkSize) return limit;
  return Math.max(limit, largePage);
}

const kubectlChunkSize = 500;
const largePage = 10_000;

/** Continue tokens carry the last key returned; lists resume after it (at the current revision). */
export function encodeContinue(lastKey: string, revision: number): string {
  return btoa(JSON.stringify({ v: "meta.k8s.io/v1", rv: revision, start: lastKey }));
}

export function decodeContinue(token: string): { start: string; rv: number } {
  try {
    const parsed = JSON.parse(atob(token));
    if (typeof parsed.start !== "string") throw new Error("no start");
    return { start: parsed.start, rv: Number(parsed.rv) };
  } catch {
    throw badRequest("continue key is not valid: illegal base64 data at input byte 0");
  }
}
