// Decoding checks against a kind's zod schema, as the apiserver's decoder does them: unknown fields (reported per
// `fieldValidation`: Strict = 400, Warn = warning headers, Ignore = silent) are dropped, and values of the wrong type
// are a 400 BadRequest "cannot be handled as a <Kind>".
import type { z } from "zod";
import { badRequest, fieldError, invalid, type FieldError } from "../../api/status";
import { isRecord } from "../../api/object";
import { isValidQuantity, QUANTITY_FORMAT_ERROR } from "../../api/quantity";
import { cloneJson } from "../../api/clone";

export type FieldValidation = "Strict" | "Warn" | "Ignore";

export function parseFieldValidation(value: string | null): FieldValidation {
  if (value === "Strict" || value === "Ignore") return value;
  return "Warn";
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  getter?: () => z.ZodType;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let i = 0; i < 10; i++) {
    const def = defOf(s);
    if ((def.type === "optional" || def.type === "nullable" || def.type === "default" || def.type === "readonly" || def.type === "nonoptional") && def.innerType) s = def.innerType;
    else if (def.type === "pipe" && def.in) s = def.in;
    else if (def.type === "lazy" && def.getter) s = def.getter();
    else break;
  }
  return s;
}

/** Paths of fields the schema does not know, in Kubernetes' notation (`spec.containers[0].foo`). */
export function unknownFields(value: unknown, schema: z.ZodType, path = ""): string[] {
  const s = unwrap(schema);
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
  const s = unwrap(schema);
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
  const nullKeys = result.error.issues
    .filter((issue) => issue.code === "invalid_type" && typeof issue.path.at(-1) === "string" && valueAt(value, issue.path) === null)
    .map((issue) => issue.path);
  if (nullKeys.length) {
    const withoutNulls = cloneJson(value);
    for (const path of nullKeys) delete (valueAt(withoutNulls, path.slice(0, -1)) as Record<PropertyKey, unknown>)[path.at(-1)!];
    result = schema.safeParse(withoutNulls);
    if (result.success) {
      for (const path of nullKeys) {
        const parent = valueAt(result.data, path.slice(0, -1));
        if (isRecord(parent)) parent[path.at(-1) as string] = null;
      }
      return result.data as T;
    }
  }
  const required: FieldError[] = [];
  for (const issue of result.error.issues) {
    const field = pathString(issue.path);
    const actual = valueAt(value, issue.path);
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

/** Enforce `fieldValidation` on unknown fields; returns the warnings to send (Warn mode). */
export function checkUnknownFields(
  value: unknown,
  schema: z.ZodType,
  mode: FieldValidation,
  kind: string,
  version: string,
): string[] {
  if (mode === "Ignore") return [];
  const unknown = unknownFields(value, schema);
  if (!unknown.length) return [];
  const messages = unknown.map((f) => `unknown field "${f}"`);
  if (mode === "Strict") {
    throw badRequest(`${kind} in version "${version}" cannot be handled as a ${kind}: strict decoding error: ${messages.join(", ")}`);
  }
  return messages;
}
