// Builds the PatchMeta tree of a kind from its zod schema (src/api/schemas conventions): named object types are
// `z.object({...}).meta({id, description})`, fields wrap their inner type's `.meta()` in `.optional()`, and list
// fields carry Kubernetes' OpenAPI list/patch extensions in the meta of their `z.array`.
import { z } from "zod";
import { defOf, wrapperTypes } from "../../../api/schemas/zod-def";
import type { PatchMeta } from "./patch-meta";

const STRATEGY = "x-kubernetes-patch-strategy";
const MERGE_KEY = "x-kubernetes-patch-merge-key";
const LIST_TYPE = "x-kubernetes-list-type";
const MAP_KEYS = "x-kubernetes-list-map-keys";

/** Strips wrappers (optional, nullable, default, lazy, pipe, …), collecting metadata outermost-last-wins. */
function unwrap(schema: z.ZodType): { core: z.ZodType; meta: Record<string, unknown> } {
  const layers: Record<string, unknown>[] = [];
  let current = schema;
  for (let depth = 0; depth < 64; depth++) {
    const meta = z.globalRegistry.get(current);
    if (meta) layers.push(meta as Record<string, unknown>);
    const def = defOf(current);
    let next: z.ZodType | undefined;
    if (wrapperTypes.has(def.type)) next = def.innerType;
    else if (def.type === "lazy") next = def.getter?.();
    else if (def.type === "pipe") next = defOf(def.in as z.ZodType).type === "transform" ? def.out : def.in;
    if (!next) break;
    current = next;
  }
  // Inner layers first so that the field-level (outer) metadata overrides the type's own.
  return { core: current, meta: Object.assign({}, ...layers.reverse()) };
}

class ZodPatchMeta implements PatchMeta {
  readonly patchStrategy?: string;
  readonly patchMergeKey?: string;
  readonly listType?: string;
  readonly listMapKeys?: readonly string[];
  readonly defaultValue?: unknown;
  private readonly fields = new Map<string, PatchMeta | undefined>();
  private itemsNode: PatchMeta | undefined | null = null;

  constructor(
    private readonly core: z.ZodType,
    meta: Record<string, unknown>,
  ) {
    if (typeof meta[STRATEGY] === "string") this.patchStrategy = meta[STRATEGY];
    if (typeof meta[MERGE_KEY] === "string") this.patchMergeKey = meta[MERGE_KEY];
    if (typeof meta[LIST_TYPE] === "string") this.listType = meta[LIST_TYPE];
    if (Array.isArray(meta[MAP_KEYS])) this.listMapKeys = meta[MAP_KEYS] as string[];
    if (meta.default !== undefined) this.defaultValue = meta.default;
  }

  field(name: string): PatchMeta | undefined {
    if (this.fields.has(name)) return this.fields.get(name);
    const def = defOf(this.core);
    const shape = def.type === "object" ? def.shape : undefined;
    const child = shape && Object.prototype.hasOwnProperty.call(shape, name) ? nodeFor(shape[name]) : undefined;
    this.fields.set(name, child);
    return child;
  }

  items(): PatchMeta | undefined {
    if (this.itemsNode !== null) return this.itemsNode;
    const def = defOf(this.core);
    const inner = def.type === "array" ? def.element : def.type === "record" ? def.valueType : undefined;
    this.itemsNode = inner ? nodeFor(inner) : undefined;
    return this.itemsNode;
  }
}

const cache = new WeakMap<z.ZodType, PatchMeta>();

function nodeFor(schema: z.ZodType): PatchMeta {
  const cached = cache.get(schema);
  if (cached) return cached;
  const { core, meta } = unwrap(schema);
  const node = new ZodPatchMeta(core, meta);
  cache.set(schema, node);
  return node;
}

/**
 * The PatchMeta tree of `schema`. Nodes are built lazily and memoized per schema instance, so calling this on every
 * PATCH costs a WeakMap lookup after the first time; recursive schemas (getters, z.lazy) are fine.
 */
export function patchMetaFromZod(schema: z.ZodType): PatchMeta {
  return nodeFor(schema);
}
