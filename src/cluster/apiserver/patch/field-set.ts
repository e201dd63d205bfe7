// Field sets for server-side apply: a tree of path elements in managedFields' FieldsV1 notation (`f:<field>`,
// `k:{"name":"x"}` for keyed list items, `v:<json>` for set items). A node is a "member" when the set owns that path
// itself (FieldsV1 writes it as `{}` for a leaf, or a `.` child when it also has children).
import type { PatchMeta } from "./patch-meta";
import { deepEqual } from "../../../api/json-equal";
import { isRecord } from "../../../api/object";
import type { JsonObject } from "./json-value";

export interface FieldSet {
  member: boolean;
  children: Map<string, FieldSet>;
}

export const emptySet = (): FieldSet => ({ member: false, children: new Map() });
const leaf = (): FieldSet => ({ member: true, children: new Map() });

export function isEmptySet(set: FieldSet): boolean {
  return !set.member && [...set.children.values()].every(isEmptySet);
}

export function fromFieldsV1(fields: unknown): FieldSet {
  const set = emptySet();
  if (!isRecord(fields)) return set;
  const keys = Object.keys(fields);
  if (keys.length === 0) set.member = true;
  for (const key of keys) {
    if (key === ".") set.member = true;
    else set.children.set(key, fromFieldsV1(fields[key]));
  }
  return set;
}

export function toFieldsV1(set: FieldSet): JsonObject {
  const out: JsonObject = {};
  const children = [...set.children.entries()].filter(([, child]) => !isEmptySet(child));
  if (set.member && children.length > 0) out["."] = {};
  for (const [key, child] of children.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) out[key] = toFieldsV1(child);
  return out;
}

export function union(a: FieldSet, b: FieldSet): FieldSet {
  const out: FieldSet = { member: a.member || b.member, children: new Map() };
  for (const key of new Set([...a.children.keys(), ...b.children.keys()])) {
    out.children.set(key, union(a.children.get(key) ?? emptySet(), b.children.get(key) ?? emptySet()));
  }
  return out;
}

export function difference(a: FieldSet, b: FieldSet): FieldSet {
  const out: FieldSet = { member: a.member && !b.member, children: new Map() };
  for (const [key, child] of a.children) {
    const rest = difference(child, b.children.get(key) ?? emptySet());
    if (!isEmptySet(rest)) out.children.set(key, rest);
  }
  return out;
}

export function intersection(a: FieldSet, b: FieldSet): FieldSet {
  const out: FieldSet = { member: a.member && b.member, children: new Map() };
  for (const [key, child] of a.children) {
    const other = b.children.get(key);
    if (!other) continue;
    const both = intersection(child, other);
    if (!isEmptySet(both)) out.children.set(key, both);
  }
  return out;
}

/**
 * The set with every field of a struct that has owned fields below it made a member itself (structured-merge-diff's
 * EnsureNamedFieldsAreMembers): an applier that stops applying `livenessProbe.httpGet.port` lets go of the
 * `livenessProbe` struct too, so the struct goes with its defaulted fields. Map keys, list items and fields the
 * schema does not declare are unchanged.
 */
export function withNamedFieldsAsMembers(set: FieldSet, meta: PatchMeta | undefined): FieldSet {
  const isStruct = meta !== undefined && meta.items() === undefined;
  const out: FieldSet = { member: set.member, children: new Map() };
  for (const [element, child] of set.children) {
    const name = element.startsWith("f:") ? element.slice(2) : undefined;
    const expanded = withNamedFieldsAsMembers(child, name === undefined ? meta?.items() : childMeta(meta, name));
    if (isStruct && name !== undefined && meta.field(name) !== undefined && !isEmptySet(expanded)) expanded.member = true;
    out.children.set(element, expanded);
  }
  return out;
}

/** Every member path of the set, as lists of path elements, depth first in key order. */
export function memberPaths(set: FieldSet, prefix: string[] = []): string[][] {
  const out: string[][] = set.member && prefix.length > 0 ? [prefix] : [];
  const keys = [...set.children.keys()].sort();
  for (const key of keys) out.push(...memberPaths(set.children.get(key)!, [...prefix, key]));
  return out;
}

/** A path as structured-merge-diff prints it: `.spec.containers[name="nginx"].image`, `.metadata.finalizers[="x"]`. */
export function pathString(elements: string[]): string {
  return elements
    .map((element) => {
      const body = element.slice(2);
      if (element.startsWith("f:")) return `.${body}`;
      if (element.startsWith("v:")) return `[=${body}]`;
      if (element.startsWith("i:")) return `[${body}]`;
      const key = JSON.parse(body) as JsonObject;
      return `[${Object.keys(key).map((k) => `${k}=${JSON.stringify(key[k])}`).join(",")}]`;
    })
    .join("");
}

export type ListKind = "map" | "set" | "atomic";

/** How server-side apply treats a list: x-kubernetes-list-type first, else the patch strategy and merge key. */
export function listKind(meta: PatchMeta | undefined): ListKind {
  if (meta?.listType === "map" || meta?.listType === "set" || meta?.listType === "atomic") return meta.listType;
  if (meta?.patchStrategy?.split(",").includes("merge")) return meta.patchMergeKey ? "map" : "set";
  return "atomic";
}

/** The path element of an item of the list described by `meta` (`k:{…}` or `v:…`); undefined if it has no key. */
export function itemElement(item: unknown, meta: PatchMeta | undefined, kind: ListKind): string | undefined {
  if (kind === "set") return isRecord(item) || Array.isArray(item) ? undefined : `v:${JSON.stringify(item)}`;
  if (kind !== "map" || !isRecord(item)) return undefined;
  const keys = [...(meta?.listMapKeys ?? (meta?.patchMergeKey ? [meta.patchMergeKey] : []))].sort();
  const key: JsonObject = {};
  for (const name of keys) {
    // A missing key field counts as its schema default, as structured-merge-diff does (ports: protocol "TCP").
    const value = item[name] ?? meta?.items()?.field(name)?.defaultValue;
    if (value !== undefined) key[name] = value;
  }
  return Object.keys(key).length > 0 ? `k:${JSON.stringify(key)}` : undefined;
}

export const childMeta = (meta: PatchMeta | undefined, key: string) => meta?.field(key) ?? meta?.items();

/**
 * The fields an applied configuration sets (structured-merge-diff's ToFieldSet): scalars, atomic lists, empty
 * maps and nulls are members; keyed list items are members too; non-empty maps are only parents.
 */
export function setOf(value: unknown, meta: PatchMeta | undefined, allMembers = false): FieldSet {
  const set = emptySet();
  set.member = allMembers;
  if (isRecord(value)) {
    // An added struct (schema node without items()) is not itself a member: Go's zero value already had it.
    // Added free-form maps (labels: items() is the value type) and objects the schema does not know are.
    if (meta && meta.items() === undefined) set.member = false;
    for (const [key, child] of Object.entries(value)) {
      const childSet = setOf(child, childMeta(meta, key), allMembers);
      if (child === null || (isRecord(child) && Object.keys(child).length === 0)) childSet.member = true;
      if (!isEmptySet(childSet)) set.children.set(`f:${key}`, childSet);
    }
    return set;
  }
  if (Array.isArray(value)) {
    const kind = listKind(meta);
    if (kind === "atomic") return leaf();
    for (const item of value) {
      const element = itemElement(item, meta, kind);
      if (element === undefined) return leaf();
      const itemSet = kind === "map" ? setOf(item, meta?.items(), allMembers) : leaf();
      itemSet.member = true;
      set.children.set(element, itemSet);
    }
    return set;
  }
  return leaf();
}

export interface Comparison {
  added: FieldSet;
  modified: FieldSet;
  removed: FieldSet;
}

/** What changed between two versions of an object, as field sets (typed.Compare): added/removed subtrees in full. */
export function compare(before: unknown, after: unknown, meta: PatchMeta | undefined): Comparison {
  const result: Comparison = { added: emptySet(), modified: emptySet(), removed: emptySet() };
  compareInto(result, before, after, meta, []);
  return result;
}

function insertAt(target: FieldSet, path: string[], subtree: FieldSet): void {
  let node = target;
  for (const element of path.slice(0, -1)) {
    if (!node.children.has(element)) node.children.set(element, emptySet());
    node = node.children.get(element)!;
  }
  const last = path[path.length - 1];
  node.children.set(last, union(node.children.get(last) ?? emptySet(), subtree));
}

function compareInto(result: Comparison, before: unknown, after: unknown, meta: PatchMeta | undefined, path: string[]): void {
  if (isRecord(before) && isRecord(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const b = before[key];
      const a = after[key];
      const at = [...path, `f:${key}`];
      if (b === undefined) insertAt(result.added, at, setOf(a, childMeta(meta, key), true));
      else if (a === undefined) insertAt(result.removed, at, setOf(b, childMeta(meta, key), true));
      else compareInto(result, b, a, childMeta(meta, key), at);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && listKind(meta) !== "atomic") {
    const kind = listKind(meta);
    const index = (list: unknown[]) => {
      const byElement = new Map<string, unknown>();
      for (const item of list) {
        const element = itemElement(item, meta, kind);
        if (element === undefined) return undefined;
        byElement.set(element, item);
      }
      return byElement;
    };
    const b = index(before);
    const a = index(after);
    if (b && a) {
      for (const [element, item] of a) {
        const old = b.get(element);
        const at = [...path, element];
        if (old === undefined) insertAt(result.added, at, { ...setOf(item, meta?.items(), true), member: true });
        else if (kind === "map") compareInto(result, old, item, meta?.items(), at);
      }
      for (const [element, item] of b) {
        if (!a.has(element)) insertAt(result.removed, [...path, element], { ...setOf(item, meta?.items(), true), member: true });
      }
      return;
    }
  }
  if (!deepEqual(before, after) && path.length > 0) insertAt(result.modified, path, leaf());
}

/**
 * Removes from `value` the member paths of `toRemove`, except where `keep` still owns the path or anything below
 * it (then only the unowned children go). Returns a new value; the input is not modified.
 */
export function removeFields(value: unknown, toRemove: FieldSet, keep: FieldSet, meta: PatchMeta | undefined): unknown {
  if (isRecord(value)) {
    const out: JsonObject = { ...value };
    for (const [element, node] of toRemove.children) {
      if (!element.startsWith("f:")) continue;
      const key = element.slice(2);
      if (!(key in out)) continue;
      const kept = keep.children.get(element);
      if (node.member && (!kept || isEmptySet(kept))) delete out[key];
      else out[key] = removeFields(out[key], node, kept ?? emptySet(), childMeta(meta, key));
    }
    return out;
  }
  if (Array.isArray(value)) {
    const kind = listKind(meta);
    if (kind === "atomic") return value;
    const out: unknown[] = [];
    for (const item of value) {
      const element = itemElement(item, meta, kind);
      const node = element === undefined ? undefined : toRemove.children.get(element);
      if (!node) {
        out.push(item);
        continue;
      }
      const kept = keep.children.get(element!);
      if (node.member && (!kept || isEmptySet(kept))) continue;
      out.push(removeFields(item, node, kept ?? emptySet(), meta?.items()));
    }
    return out;
  }
  return value;
}
