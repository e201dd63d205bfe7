// The zod v4 internals that the schema walkers read (unknown fields, null map values, patch metadata): every schema
// exposes its definition at `_zod.def`.
import type { z } from "zod";

export interface ZodDef {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  getter?: () => z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
}

export const defOf = (schema: z.ZodType): ZodDef => (schema as unknown as { _zod: { def: ZodDef } })._zod.def;

/** Types that only wrap another: their `innerType` is what a value is checked against. */
export const wrapperTypes = new Set(["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"]);

/** The schema under its wrappers, lazies and pipes (a pipe's input side). */
export function unwrapSchema(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let depth = 0; depth < 64; depth++) {
    const def = defOf(current);
    const next = wrapperTypes.has(def.type) ? def.innerType : def.type === "lazy" ? def.getter?.() : def.type === "pipe" ? def.in : undefined;
    if (!next) break;
    current = next;
  }
  return current;
}
