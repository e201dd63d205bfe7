// `application/strategic-merge-patch+json` with Kubernetes' semantics (k8s.io/apimachinery/pkg/util/strategicpatch,
// server side: StrategicMergeMapPatch). Field metadata (patch strategy, merge key) comes from a PatchMeta tree.
import { badRequest } from "../../../api/status";
import type { PatchMeta } from "./patch-meta";
import { cloneJson } from "../../../api/clone";
import { isRecord } from "../../../api/object";
import { goFormat, type JsonObject } from "./json-value";
import { normalizeElementOrder, partitionByPresence } from "./smp-order";
import {
  BAD_PRIMITIVE_LIST,
  BAD_RETAIN_KEYS,
  BAD_SET_ELEMENT_ORDER,
  smpBadRequest,
  smpInternal,
  smpUnprocessable,
} from "./smp-errors";

const PATCH = "$patch";
const RETAIN_KEYS = "$retainKeys";
const SET_ORDER = "$setElementOrder";
const DELETE_FROM = "$deleteFromPrimitiveList";

type Meta = PatchMeta | undefined;

/**
 * Applies a strategic merge patch and returns the result; `original` and `patch` are not modified.
 * - maps merge recursively, `null` deletes a key, scalars and type changes replace;
 * - lists whose strategy includes "merge" merge: maps by `patchMergeKey` (`$patch: delete|replace` items),
 *   primitives as a union; other lists (and every list when `meta` does not know the field) are replaced;
 * - map directives `$patch: replace|delete` (and `merge`, accepted as a plain merge), `$retainKeys`,
 *   `$setElementOrder/<list>`, `$deleteFromPrimitiveList/<list>`. No `$` key survives in the result.
 * Errors are StatusErrors with the apiserver's codes (400 for malformed directives, 422 for lists of lists, a
 * reasonless 500 for the rest, as the apiserver passes strategicpatch's plain errors through).
 */
export function applyStrategicMergePatch<T>(original: T, patch: unknown, meta: PatchMeta | undefined): T {
  if (patch === null) return cloneJson(original);
  if (!isRecord(patch)) {
    const kind = Array.isArray(patch) ? "array" : typeof patch === "boolean" ? "bool" : typeof patch;
    throw badRequest(`json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`);
  }
  const base = isRecord(original) ? cloneJson(original) : {};
  return mergeMap(base, cloneJson(patch), meta) as T;
}

interface Strategy {
  merge: boolean;
  replace: boolean;
}

function strategyOf(meta: Meta): Strategy {
  const parts = (meta?.patchStrategy ?? "").split(",").map((s) => s.trim());
  return { merge: parts.includes("merge"), replace: parts.includes("replace") };
}

const childOf = (meta: Meta, key: string): Meta => meta?.field(key) ?? meta?.items();

/** Merges `patch` into `original`, both owned by the caller (already copies), and returns the merged map. */
function mergeMap(original: JsonObject, patch: JsonObject, meta: Meta): JsonObject {
  if (PATCH in patch) {
    const directive = patch[PATCH];
    const rest = { ...patch };
    delete rest[PATCH];
    if (directive === "delete") return {};
    if (directive === "replace") return mergeMap({}, rest, meta);
    if (directive !== "merge") throw smpInternal(`unknown patch type: ${goFormat(directive)} in map: ${goFormat(patch)}`);
    patch = rest;
  }
  applyRetainKeys(original, patch);
  for (const key of Object.keys(patch)) {
    if (key.startsWith(SET_ORDER)) applySetElementOrder(original, patch, key, meta);
  }
  const deletions: [string, unknown][] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith(DELETE_FROM)) deletions.push([listKey(key, DELETE_FROM, BAD_PRIMITIVE_LIST), value]);
    else if (!key.startsWith("$")) mergeField(original, key, value, childOf(meta, key));
  }
  for (const [key, toDelete] of deletions) {
    if (!Array.isArray(toDelete)) throw smpInternal(`expected a []interface {}, but received a ${goType(toDelete)}`);
    const current = original[key];
    if (Array.isArray(current)) original[key] = current.filter((item) => !toDelete.includes(item));
  }
  return original;
}

function mergeField(original: JsonObject, key: string, value: unknown, meta: Meta): void {
  if (value === null) {
    delete original[key];
    return;
  }
  const current = original[key];
  const strategy = strategyOf(meta);
  if (isRecord(current) && isRecord(value)) {
    original[key] = strategy.replace ? build(value, meta) : mergeMap(current, value, meta);
  } else if (Array.isArray(current) && Array.isArray(value)) {
    original[key] = strategy.merge ? mergeList(current, value, meta) : build(value, meta);
  } else {
    original[key] = build(value, meta);
  }
}

/** A patch value that lands where nothing was: processed against an empty value so its directives disappear. */
function build(value: unknown, meta: Meta): unknown {
  if (isRecord(value)) return mergeMap({}, value, meta);
  if (Array.isArray(value)) {
    if (strategyOf(meta).merge) return mergeList([], value, meta);
    return value.map((item) => build(item, meta?.items()));
  }
  return value;
}

function applyRetainKeys(original: JsonObject, patch: JsonObject): void {
  if (!(RETAIN_KEYS in patch)) return;
  const retain = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!Array.isArray(retain)) throw smpBadRequest(BAD_RETAIN_KEYS);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || key.startsWith(DELETE_FROM) || key.startsWith(SET_ORDER) || key === PATCH) continue;
    if (!retain.includes(key)) throw smpBadRequest(BAD_RETAIN_KEYS);
  }
  for (const key of Object.keys(original)) if (!retain.includes(key)) delete original[key];
}

function listKey(key: string, prefix: string, formatError: string): string {
  const slash = key.indexOf("/");
  if (slash < 0 || key.slice(0, slash) !== prefix) throw smpBadRequest(formatError);
  return key.slice(slash + 1);
}

function goType(value: unknown): string {
  if (Array.isArray(value)) return "[]interface {}";
  if (isRecord(value)) return "map[string]interface {}";
  if (value === null || value === undefined) return "<nil>";
  return typeof value === "number" ? "float64" : typeof value === "boolean" ? "bool" : "string";
}

function asList(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw smpInternal(`expected a []interface {}, but received a ${goType(value)}`);
  return value;
}

/** `$setElementOrder/<key>`: merges the list under `key` (if patched) and orders it; removes both from `patch`. */
function applySetElementOrder(original: JsonObject, patch: JsonObject, directiveKey: string, meta: Meta): void {
  const order = asList(patch[directiveKey]);
  delete patch[directiveKey];
  const key = listKey(directiveKey, SET_ORDER, BAD_SET_ELEMENT_ORDER);
  const listMeta = childOf(meta, key);
  const mergeKey = listMeta?.patchMergeKey;
  const hasOriginal = original[key] !== undefined && original[key] !== null;
  const hasPatch = patch[key] !== undefined && patch[key] !== null;
  if (!hasOriginal && !hasPatch) return;
  const originalList = hasOriginal ? asList(original[key]) : [];
  const patchList = hasPatch ? asList(patch[key]) : [];
  validateAgainstOrder(patchList, order, mergeKey);

  let merged: unknown[];
  if (!hasPatch) merged = originalList;
  else if (!hasOriginal) merged = build(patchList, listMeta) as unknown[];
  else merged = strategyOf(listMeta).merge ? mergeList(originalList, patchList, listMeta) : (build(patchList, listMeta) as unknown[]);
  delete patch[key];

  const [inOrder, serverOnly] = partitionByPresence(merged, order, mergeKey);
  original[key] = normalizeElementOrder(inOrder, serverOnly, order, originalList, mergeKey);
}

/** The patch list's items must appear in `$setElementOrder` and in the same relative order. */
function validateAgainstOrder(patchList: unknown[], order: unknown[], mergeKey: string | undefined): void {
  if (patchList.length === 0 || order.length === 0) return;
  const items = mergeKey === undefined ? patchList : patchList.filter((i) => !(isRecord(i) && i[PATCH] === "delete"));
  let p = 0;
  let o = 0;
  while (p < items.length && o < order.length) {
    const item = items[p];
    if (isRecord(item) && PATCH in item) {
      p++;
      continue;
    }
    if (sameKey(item, order[o], mergeKey)) p++;
    o++;
  }
  if (p < items.length) {
    throw smpInternal(
      `The order in patch list:\n${goFormat(patchList)}\n doesn't match ${SET_ORDER} list:\n${goFormat(order)}\n`,
    );
  }
}

function sameKey(left: unknown, right: unknown, mergeKey: string | undefined): boolean {
  if (mergeKey === undefined) return left === right;
  for (const side of [left, right]) {
    if (!isRecord(side)) throw smpInternal(`expected a map[string]interface {}, but received a ${goType(side)}`);
    if (!(mergeKey in side)) throw smpInternal(`map: ${goFormat(side)} does not contain declared merge key: ${mergeKey}`);
  }
  return (left as JsonObject)[mergeKey] === (right as JsonObject)[mergeKey];
}

function elementKind(lists: unknown[][]): "map" | "scalar" | undefined {
  let kind: string | undefined;
  for (const item of lists.flat()) {
    const k = Array.isArray(item) ? "list" : isRecord(item) ? "map" : item === null ? "null" : typeof item;
    if (k === "list") throw smpUnprocessable();
    if (kind !== undefined && kind !== k) {
      throw smpInternal(`list element types are not identical: ${lists.map(goFormat).join(" ")}`);
    }
    kind = k;
  }
  if (kind === undefined) return undefined;
  return kind === "map" ? "map" : "scalar";
}

/** Merges two lists with the "merge" strategy (mergeSlice). */
function mergeList(original: unknown[], patch: unknown[], meta: Meta): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = elementKind([original, patch]);
  if (kind !== "map") {
    const merged = [...original];
    for (const item of patch) if (!merged.includes(item)) merged.push(item);
    const [inPatch, serverOnly] = partitionByPresence(merged, patch, undefined);
    return normalizeElementOrder(inPatch, serverOnly, patch, original, undefined);
  }
  const mergeKey = meta?.patchMergeKey;
  if (mergeKey === undefined) throw smpInternal("cannot merge lists without merge key for type struct");
  const itemMeta = meta?.items();

  let base = original as JsonObject[];
  let plain: JsonObject[] = [];
  let replace = false;
  for (const item of patch as JsonObject[]) {
    if (!(PATCH in item)) {
      plain.push(item);
      continue;
    }
    const directive = item[PATCH];
    if (directive === "delete") {
      if (!(mergeKey in item)) throw smpInternal(`map: ${goFormat(item)} does not contain declared merge key: ${mergeKey}`);
      base = base.filter((existing) => existing[mergeKey] !== item[mergeKey]);
    } else if (directive === "replace") {
      replace = true;
    } else if (directive === "merge") {
      throw smpInternal("merging lists cannot yet be specified in the patch");
    } else {
      throw smpInternal(`unknown patch type: ${goFormat(directive)} in map: ${goFormat(item)}`);
    }
  }
  if (replace) return plain.map((item) => mergeMap({}, item, itemMeta));

  const merged = [...base];
  for (const item of plain) {
    if (!(mergeKey in item)) throw smpInternal(`map: ${goFormat(item)} does not contain declared merge key: ${mergeKey}`);
    const at = merged.findIndex((existing) => existing[mergeKey] === item[mergeKey]);
    if (at >= 0) merged[at] = mergeMap(merged[at], item, itemMeta);
    else merged.push(mergeMap({}, item, itemMeta));
  }
  const [inPatch, serverOnly] = partitionByPresence(merged, plain, mergeKey);
  return normalizeElementOrder(inPatch, serverOnly, plain, base, mergeKey);
}
