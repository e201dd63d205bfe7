// Small builders shared by every schema file. They keep the conventions in one place: a field's description sits in
// the meta of its inner type, and list fields carry Kubernetes' OpenAPI list/patch extensions exactly.
import { z } from "zod";
import { base64Error } from "../validation/base64";

/** The OpenAPI extensions Kubernetes puts on list fields. */
export type ListExtensions = {
  "x-kubernetes-list-type"?: "atomic" | "set" | "map";
  "x-kubernetes-list-map-keys"?: string[];
  "x-kubernetes-patch-strategy"?: string;
  "x-kubernetes-patch-merge-key"?: string;
};

export const atomic: ListExtensions = { "x-kubernetes-list-type": "atomic" };
export const set: ListExtensions = { "x-kubernetes-list-type": "set" };

/** `listType=map` with the given `listMapKey`s. */
export function mapKeys(...keys: string[]): ListExtensions {
  return { "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": keys };
}

/** A strategic-merge-patch strategy, with the merge key when there is one. */
export function patch(strategy: string, mergeKey?: string): ListExtensions {
  return mergeKey === undefined
    ? { "x-kubernetes-patch-strategy": strategy }
    : { "x-kubernetes-patch-strategy": strategy, "x-kubernetes-patch-merge-key": mergeKey };
}

export const str = (description: string) => z.string().meta({ description });
export const int = (description: string) => z.number().int().meta({ description });
/**
 * A Go int32 field: a number outside its range is a decoding error (400), as `json: cannot unmarshal number
 * 2147483648 into Go struct field ... of type int32` is in the apiserver.
 */
export const int32 = (description: string) =>
  z.number().int().min(-2147483648, { error: int32Error }).max(2147483647, { error: int32Error }).meta({ description });
function int32Error(issue: { input?: unknown }): string {
  return `cannot unmarshal number ${String(issue.input)} into Go value of type int32`;
}
export const num = (description: string) => z.number().meta({ description });
export const bool = (description: string) => z.boolean().meta({ description });
/** A free-form string-to-string map (labels, selectors, config data). */
export const strMap = (description: string, extra: Record<string, unknown> = {}) =>
  z.record(z.string(), z.string()).meta({ description, ...extra });
/** `+mapType=atomic`: the map is replaced as a whole by patches. */
export const atomicMap = { "x-kubernetes-map-type": "atomic" };
/** A Go `[]byte` in JSON: base64 (StdEncoding); anything else fails decoding with Go's message (400). */
const base64String = z
  .string()
  .check((ctx) => {
    const message = base64Error(ctx.value);
    if (message) ctx.issues.push({ code: "custom", message, input: ctx.value });
  })
  .meta({ format: "byte" });

/** A map of base64 strings (Go `map[string][]byte`). */
export const bytesMap = (description: string) =>
  z.record(z.string(), base64String).meta({ description });

/** A reference to a named schema, carrying this field's own description (and any extra extensions). */
export function ref<T extends z.ZodType>(schema: T, description: string, extra: Record<string, unknown> = {}): T {
  return schema.meta({ description, ...extra }) as T;
}

/** A list field with its description and list/patch extensions. */
export function list<T extends z.ZodType>(item: T, description: string, ...extensions: ListExtensions[]) {
  return z.array(item).meta(Object.assign({ description }, ...extensions));
}

/** `apiVersion` and `kind`, optional on every top-level object. */
export const typeMetaFields = {
  apiVersion: str("Versioned schema of this object, e.g. v1 or apps/v1.").optional(),
  kind: str("REST kind of this object in CamelCase, e.g. Pod.").optional(),
};

/** The `x-kubernetes-group-version-kind` extension of a top-level kind. */
export function gvk(group: string, version: string, kind: string) {
  return { "x-kubernetes-group-version-kind": [{ group, version, kind }] };
}
