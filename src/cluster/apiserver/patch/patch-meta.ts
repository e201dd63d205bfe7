// What the strategic-merge-patch engine needs to know about a kind's fields: for each list, its patch strategy and
// merge key, as Kubernetes' `patchStrategy`/`patchMergeKey` struct tags (surfaced in OpenAPI as
// x-kubernetes-patch-strategy / x-kubernetes-patch-merge-key). A tree that mirrors the object's shape.

export interface PatchMeta {
  /** The node for a field of this object, if the schema knows it. */
  field(name: string): PatchMeta | undefined;
  /** The node for the items of this list (or the values of this map). */
  items(): PatchMeta | undefined;
  /** e.g. "merge", "replace", "retainKeys", "merge,retainKeys" — undefined means atomic replace for lists. */
  readonly patchStrategy?: string;
  readonly patchMergeKey?: string;
  /** x-kubernetes-list-type ("atomic" | "set" | "map"), used by server-side apply; optional. */
  readonly listType?: string;
  /** x-kubernetes-list-map-keys, the keys of a `listType: map` list (server-side apply); optional. */
  readonly listMapKeys?: readonly string[];
  /** The schema default of this field (e.g. a port's protocol "TCP"), which list-map keys fall back to. */
  readonly defaultValue?: unknown;
}
