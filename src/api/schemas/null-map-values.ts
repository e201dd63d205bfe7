// Go's JSON decoder stores a `null` map value as the value type's zero value: `labels: {a: null}` decodes as the
// label `a: ""`, `data: {k: null}` as an empty value (encoding/json assigns the map element it decoded into, and
// null leaves a string untouched). The schema check keeps nulls in place, so writes pass through here first.
import type { z } from "zod";
import { defOf, unwrapSchema } from "./zod-def";
import { isRecord } from "../object";

/** Each schema's unwrapped definition, looked up once (writes walk the same schemas thousands of times). */
const unwrapped = new WeakMap<z.ZodType, ReturnType<typeof defOf>>();

function unwrap(schema: z.ZodType): ReturnType<typeof defOf> {
  let def = unwrapped.get(schema);
  if (!def) unwrapped.set(schema, (def = defOf(unwrapSchema(schema))));
  return def;
}

const QUANTITY_ID = "io.k8s.apimachinery.pkg.api.resource.Quantity";
const quantityMaps = new WeakMap<z.ZodType, boolean>();

function isQuantity(schema: z.ZodType): boolean {
  let is = quantityMaps.get(schema);
  if (is === undefined) quantityMaps.set(schema, (is = (schema as unknown as { meta(): { id?: string } | undefined }).meta()?.id === QUANTITY_ID));
  return is;
}

/** Whether any value inside `value` is null (most writes have none, and this is far cheaper than the schema walk). */
function hasNull(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some(hasNull);
  for (const key in value) if (hasNull((value as Record<string, unknown>)[key])) return true;
  return false;
}

/**
 * Replaces, in place, every null value of a string-valued map in `value` by "" and of a quantity map by "0" (a null
 * Quantity decodes as zero); `schema` says which values are maps.
 */
export function zeroNullMapValues(value: unknown, schema: z.ZodType): void {
  if (hasNull(value)) zeroIn(value, schema);
}

function zeroIn(value: unknown, schema: z.ZodType): void {
  const def = unwrap(schema);
  if (def.type === "object" && def.shape && isRecord(value)) {
    for (const [key, child] of Object.entries(value)) {
      const childSchema = def.shape[key];
      if (childSchema && child !== null && typeof child === "object") zeroIn(child, childSchema);
    }
  } else if (def.type === "array" && def.element && Array.isArray(value)) {
    for (const item of value) if (item !== null && typeof item === "object") zeroIn(item, def.element);
  } else if (def.type === "record" && def.valueType && isRecord(value)) {
    const valueDef = unwrap(def.valueType);
    for (const [key, child] of Object.entries(value)) {
      if (child === null && valueDef.type === "string") value[key] = "";
      else if (child === null && isQuantity(def.valueType)) value[key] = "0";
      else if (child !== null && typeof child === "object") zeroIn(child, def.valueType);
    }
  }
}
