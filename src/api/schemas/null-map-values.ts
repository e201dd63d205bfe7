// Go's JSON decoder stores a `null` map value as the value type's zero value: `labels: {a: null}` decodes as the
// label `a: ""`, `data: {k: null}` as an empty value (encoding/json assigns the map element it decoded into, and
// null leaves a string untouched). The schema check keeps nulls in place, so writes pass through here first.
import type { z } from "zod";
import { defOf, unwrapSchema } from "./zod-def";
import { isRecord } from "../object";

const unwrap = (schema: z.ZodType) => defOf(unwrapSchema(schema));

const QUANTITY_ID = "io.k8s.apimachinery.pkg.api.resource.Quantity";
const idOf = (schema: z.ZodType) => (schema as unknown as { meta(): { id?: string } | undefined }).meta()?.id;

/**
 * Replaces, in place, every null value of a string-valued map in `value` by "" and of a quantity map by "0" (a null
 * Quantity decodes as zero); `schema` says which values are maps.
 */
export function zeroNullMapValues(value: unknown, schema: z.ZodType): void {
  const def = unwrap(schema);
  if (def.type === "object" && def.shape && isRecord(value)) {
    for (const [key, child] of Object.entries(value)) {
      const childSchema = def.shape[key];
      if (childSchema && child !== null && typeof child === "object") zeroNullMapValues(child, childSchema);
    }
  } else if (def.type === "array" && def.element && Array.isArray(value)) {
    for (const item of value) if (item !== null && typeof item === "object") zeroNullMapValues(item, def.element);
  } else if (def.type === "record" && def.valueType && isRecord(value)) {
    const valueDef = unwrap(def.valueType);
    for (const [key, child] of Object.entries(value)) {
      if (child === null && valueDef.type === "string") value[key] = "";
      else if (child === null && idOf(def.valueType) === QUANTITY_ID) value[key] = "0";
      else if (child !== null && typeof child === "object") zeroNullMapValues(child, def.valueType);
    }
  }
}
