// Decoding checks against a kind's zod schema, as the apiserver's decoder does them: unknown fields (reported per
// `fieldValidation`: Strict = 400, Warn = warning headers, Ignore = silent) are dropped, and values of the wrong type
// are a 400 BadRequest "cannot be handled as a <Kind>".
import type { z } from "zod";
import { badRequest, fieldError, invalid, type FieldError } from "../../api/status";
import { isRecord } from "../../api/object";
import { isValidQuantity, QUANTITY_FORMAT_ERROR } from "../../api/quantity";
import { cloneJson } from "../../api/clone";
import { defOf, unwrapSchema } from "../../api/schemas/zod-def";

export type FieldValidation = "Strict" | "Warn" | "Ignore";

export function parseFieldValidation(value: string | null): FieldValidation {
  if (value === "Strict" || value === "Ignore") return value;
  return "Warn";
}

/** Paths of fields the schema does not know, in Kubernetes' notation (`spec.containers[0].foo`). */
export function unknownFields(value: unknown, schema: z.ZodType, path = ""): string[] {
  const s = unwrapSchema(schema);
  const def = defOf(s);
  const out: string[] = [];
  if (def.type === "object" && def.shape && isRecord(value)) {
    for (const [key, child] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      const childSchema = def.shape[key];
      if (!childSchema) out.push(field);
      else out.push(...unknownFields(child, childSchema, field));
    }
  } else if (def.type === "array" && def.element && Array.isArray(value)) {
    value.forEach((item, i) => out.push(...unknownFields(item, def.element!, `${path}[${i}]`)));
  } else if (def.type === "record" && def.valueType && isRecord(value)) {
    for (const [key, child] of Object.entries(value)) out.push(...unknownFields(child, def.valueType, `${path}[${key}]`));
  }
  return out;
}

const quantityId = "io.k8s.apimachinery.pkg.api.resource.Quantity";

function idOf(schema: z.ZodType): string | undefined {
  const meta = (schema as unknown as { meta?: () => Record<string, unknown> | undefined }).meta?.();
  return typeof meta?.id === "string" ? meta.id : undefined;
}

/** The first quantity in `value` that does not parse, with its path (quantities are decoded, so this is a 400). */
export function invalidQuantity(value: unknown, schema: z.ZodType, path = ""): { path: string; value: string } | undefined {
  const s = unwrapSchema(schema);
  if (idOf(s) === quantityId) {
    return typeof value === "string" && !isValidQuantity(value) ? { path, value } : undefined;
  }
  const def = defOf(s);
  if (def.type === "object" && def.shape && isRecord(value)) {
    for (const [key, child] of Object.entries(value)) {
      const childSchema = def.shape[key];
      const found = childSchema && invalidQuantity(child, childSchema, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  } else if (def.type === "array" && def.element && Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = invalidQuantity(value[i], def.element, `${path}[${i}]`);
      if (found) return found;
    }
  } else if (def.type === "record" && def.valueType && isRecord(value)) {
    for (const [key, child] of Object.entries(value)) {
      const found = invalidQuantity(child, def.valueType, `${path}[${key}]`);
      if (found) return found;
    }
  }
  return undefined;
}

/** Human name of a JSON value's type, in Go's json wording. */
function jsonTypeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "object") return "object";
  return typeof value;
}

function pathString(path: PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let v: unknown = root;
  for (const p of path) v = (v as Record<PropertyKey, unknown> | undefined)?.[p];
  return v;
}

/**
 * Parse `value` with `schema`: returns the object without unknown fields. A value of the wrong type is a 400, as the
 * apiserver's decoder answers (`Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal ...`); a
 * missing required field is a 422 `Required value`, as its validation answers.
 */
export function checkTypes<T>(
  value: unknown,
  schema: z.ZodType,
  target: { kind: string; group: string; version: string },
): T {
  const badQuantity = invalidQuantity(value, schema);
  if (badQuantity) {
    throw badRequest(`${target.kind} in version "${target.version}" cannot be handled as a ${target.kind}: ${QUANTITY_FORMAT_ERROR}`);
  }
  let result = schema.safeParse(value);
  if (result.success) return result.data as T;
  // Go's decoder leaves a field alone when its JSON value is null (metav1.Time's zero value even marshals as null:
  // `lastProbeTime: null`), so such a null is no error: parse without those keys, then keep the nulls.
  const nullIssues = result.error.issues.filter((issue) => issue.code === "invalid_type" && valueAt(value, issue.path) === null);
  const nullKeys = nullIssues.filter((issue) => typeof issue.path.at(-1) === "string").map((issue) => issue.path);
  // A null list item decodes to its type's zero value (an empty struct, "", 0, false), which validation then judges.
  const nullItems = nullIssues.filter((issue) => typeof issue.path.at(-1) === "number");
  // What the decoder would have made of the body: nulls dropped or zeroed. Missing fields are judged on it.
  let decoded = value;
  if (nullKeys.length || nullItems.length) {
    const withoutNulls = cloneJson(value);
    decoded = withoutNulls;
    for (const path of nullKeys) delete (valueAt(withoutNulls, path.slice(0, -1)) as Record<PropertyKey, unknown>)[path.at(-1)!];
    for (const issue of nullItems) {
      const expected = (issue as { expected?: string }).expected;
      const zero = expected === "string" ? "" : expected === "number" ? 0 : expected === "boolean" ? false : expected === "array" ? [] : {};
      (valueAt(withoutNulls, issue.path.slice(0, -1)) as unknown[])[issue.path.at(-1) as number] = zero;
    }
    result = schema.safeParse(withoutNulls);
    // A null where a struct is required (a template, not a pointer) decodes to the empty struct, judged field by field.
    // Its own required structs are empty structs too, down the tree.
    const zeroed: string[] = [];
    const underZeroed = (path: PropertyKey[]) => valueAt(value, path) === null || zeroed.some((z) => pathString(path).startsWith(`${z}.`));
    for (let round = 0; round < 10 && !result.success; round++) {
      const more = result.error.issues.filter(
        (issue) => issue.code === "invalid_type" && issue.expected === "object" && valueAt(withoutNulls, issue.path) === undefined && underZeroed(issue.path),
      );
      if (!more.length) break;
      for (const issue of more) {
        (valueAt(withoutNulls, issue.path.slice(0, -1)) as Record<PropertyKey, unknown>)[issue.path.at(-1)!] = {};
        zeroed.push(pathString(issue.path));
      }
      result = schema.safeParse(withoutNulls);
    }
    if (result.success) {
      for (const path of nullKeys) {
        if (zeroed.includes(pathString(path))) continue;
        const parent = valueAt(result.data, path.slice(0, -1));
        if (isRecord(parent)) parent[path.at(-1) as string] = null;
      }
      return result.data as T;
    }
  }
  const required: FieldError[] = [];
  for (const issue of result.error.issues) {
    const field = pathString(issue.path);
    const actual = valueAt(decoded, issue.path);
    if (issue.code === "invalid_type" && actual === undefined) {
      required.push(fieldError.required(field));
      continue;
    }
    const detail =
      issue.code === "invalid_type"
        ? `cannot unmarshal ${jsonTypeName(actual)} into Go struct field ${field} of type ${issue.expected}`
        : `${field}: ${issue.message}`;
    throw badRequest(`${target.kind} in version "${target.version}" cannot be handled as a ${target.kind}: json: ${detail}`);
  }
  const name = isRecord(value) && isRecord(value.metadata) ? String(value.metadata.name ?? value.metadata.generateName ?? "") : "";
  throw invalid(target.kind, target.group, name, required);
}

/** Enforce `fieldValidation` on duplicate (`duplicate field "a"`) and unknown fields; returns the warnings (Warn mode). */
export function checkUnknownFields(
  value: unknown,
  schema: z.ZodType,
  mode: FieldValidation,
  kind: string,
  version: string,
  duplicates: string[] = [],
): string[] {
  if (mode === "Ignore") return [];
  const unknown = unknownFields(value, schema);
  // The strict decoder lists duplicate fields first, then unknown ones.
  const messages = [...duplicates, ...unknown.map((f) => `unknown field "${f}"`)];
  if (!messages.length) return [];
  if (mode === "Strict") {
    throw badRequest(`${kind} in version "${version}" cannot be handled as a ${kind}: strict decoding error: ${messages.join(", ")}`);
  }
  return messages;
}
