// zod schemas → OpenAPI 3.0 `components.schemas`, shaped like the apiserver's own v3 documents: every schema with a
// meta `id` becomes its own component keyed by that id, references to it are `$ref`s (wrapped in `allOf` when the
// field adds a description), and the x-kubernetes-* extensions from `.meta()` pass through untouched.
import { z } from "zod";

/** One OpenAPI schema object (plain JSON). */
export type OpenAPISchema = { [key: string]: unknown };

export const COMPONENTS_PREFIX = "#/components/schemas/";

const QUANTITY_ID = "io.k8s.apimachinery.pkg.api.resource.Quantity";
const INT_OR_STRING_ID = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";

/**
 * Shapes Kubernetes publishes for its scalar wrapper types, whatever the zod schema behind them validates with.
 * kubectl explain names these fields from the `$ref` (`<Quantity>`, `<IntOrString>`, `<Time>`), so only the id
 * matters to it; clients that validate read these bodies.
 */
const WELL_KNOWN_SHAPES: Record<string, OpenAPISchema> = {
  [QUANTITY_ID]: { oneOf: [{ type: "string" }, { type: "number" }] },
  [INT_OR_STRING_ID]: { format: "int-or-string", oneOf: [{ type: "integer" }, { type: "string" }] },
  "io.k8s.apimachinery.pkg.apis.meta.v1.Time": { type: "string", format: "date-time" },
  "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime": { type: "string", format: "date-time" },
  "io.k8s.apimachinery.pkg.apis.meta.v1.Duration": { type: "string" },
};

/** The meta `id` a schema was registered with (`.meta({ id })`), if any. */
export function schemaIdOf(schema: z.ZodType): string | undefined {
  const meta = z.globalRegistry.get(schema) as { id?: unknown } | undefined;
  return typeof meta?.id === "string" ? meta.id : undefined;
}

/**
 * Converts root schemas (keyed by the component name each should get) and everything they reference into
 * `components.schemas`. A root registered with its own `id` is stored under that id; the key is used for roots without one.
 * Components are returned in sorted key order, so equal inputs serialize identically.
 */
export function exportComponentSchemas(roots: Record<string, z.ZodType>): Record<string, OpenAPISchema> {
  const out: Record<string, OpenAPISchema> = {};
  const collect = (converted: OpenAPISchema) => {
    for (const [id, def] of Object.entries((converted.definitions ?? {}) as Record<string, OpenAPISchema>)) {
      if (!(id in out)) out[id] = normalizeComponent(id, def);
    }
  };
  const named = Object.values(roots).filter((schema) => schemaIdOf(schema) !== undefined);
  // One conversion for all named roots shares the walk over the types they have in common (ObjectMeta, PodSpec, ...).
  // zod refuses two different schemas under one id in a single conversion; roots that disagree that way are then
  // converted one by one, and the first root's version of the shared id wins.
  try {
    collect(convert(z.object(Object.fromEntries(named.map((schema, i) => [`r${i}`, schema])))));
  } catch {
    for (const schema of named) collect(convert(schema));
  }
  for (const [key, schema] of Object.entries(roots)) {
    if (schemaIdOf(schema) !== undefined) continue;
    const { definitions, ...root } = convert(schema);
    collect({ definitions });
    if (!(key in out)) out[key] = normalizeComponent(key, root);
  }
  return sortKeys(out);
}

function convert(schema: z.ZodType): OpenAPISchema {
  return z.toJSONSchema(schema, {
    target: "openapi-3.0",
    io: "input",
    unrepresentable: "any",
    cycles: "ref",
    reused: "inline",
  }) as OpenAPISchema;
}

function normalizeComponent(id: string, schema: OpenAPISchema): OpenAPISchema {
  const normalized = normalize(schema) as OpenAPISchema;
  const wellKnown = WELL_KNOWN_SHAPES[id];
  if (!wellKnown) return normalized;
  const description = normalized.description;
  return description === undefined ? { ...wellKnown } : { description, ...wellKnown };
}

const NOISE_BOUNDS = new Set([
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  2147483647,
  -2147483648,
  // int64 bounds as zod writes them (rounded to the nearest double)
  9223372036854775807,
  -9223372036854775808,
]);

/**
 * Recursively rewrites zod's output into Kubernetes' dialect: `#/definitions/X` refs point into components, a `$ref`
 * with siblings becomes `allOf: [{$ref}]`, and zod-isms Kubernetes never writes (`additionalProperties: false` on
 * every object, min/max bounds that only restate an integer format) are dropped.
 */
function normalize(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalize);
  if (node === null || typeof node !== "object") return node;
  const src = node as OpenAPISchema;
  const out: OpenAPISchema = {};
  for (const [key, value] of Object.entries(src)) {
    if (key === "$ref" && typeof value === "string") {
      out.$ref = value.startsWith("#/definitions/") ? COMPONENTS_PREFIX + value.slice("#/definitions/".length) : value;
    } else if (key === "additionalProperties" && value === false) {
      continue;
    } else if ((key === "minimum" || key === "maximum") && src.type === "integer" && NOISE_BOUNDS.has(value as number)) {
      continue;
    } else if (key === "properties" && value && typeof value === "object") {
      // Field names are data here, not schema keywords: normalize each field schema, keep every name.
      out.properties = Object.fromEntries(Object.entries(value).map(([name, field]) => [name, normalize(field)]));
    } else {
      out[key] = normalize(value);
    }
  }
  if (typeof out.$ref === "string" && Object.keys(out).length > 1) {
    const { $ref, ...siblings } = out;
    const existing = Array.isArray(siblings.allOf) ? siblings.allOf : [];
    return { ...siblings, allOf: [{ $ref }, ...existing] };
  }
  return out;
}

/** The record with its keys in sorted order (stable JSON for hashing). */
export function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.keys(record).sort().map((key) => [key, record[key]]));
}
