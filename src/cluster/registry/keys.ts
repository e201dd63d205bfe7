// Storage keys for objects: `/<group or "core">/<resource>/<namespace>/<name>`, cluster-scoped without a namespace.
import type { ResourceDef } from "./types";

export function resourcePrefix(def: Pick<ResourceDef, "group" | "resource">): string {
  return `/${def.group || "core"}/${def.resource}/`;
}

/** The store bucket of a kind (`/core/events`): its prefix without the trailing slash. */
export function bucketOfKind(def: Pick<ResourceDef, "group" | "resource">): string {
  return resourcePrefix(def).slice(0, -1);
}

/** The prefix of every object of `def` in `namespace` (or of all namespaces when undefined). */
export function listPrefix(def: Pick<ResourceDef, "group" | "resource" | "namespaced">, namespace?: string): string {
  return def.namespaced && namespace ? `${resourcePrefix(def)}${namespace}/` : resourcePrefix(def);
}

export function objectKey(
  def: Pick<ResourceDef, "group" | "resource" | "namespaced">,
  namespace: string | undefined,
  name: string,
): string {
  return def.namespaced ? `${resourcePrefix(def)}${namespace}/${name}` : `${resourcePrefix(def)}${name}`;
}
