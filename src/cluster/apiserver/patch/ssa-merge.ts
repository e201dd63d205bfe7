// How server-side apply merges an applied configuration into the live object (structured-merge-diff's merge):
// maps merge recursively, keyed lists (listType map / patch merge key) merge item by item, sets union, other lists
// are atomic and the applied value wins. A null in the configuration removes the field.
import type { PatchMeta } from "./patch-meta";
import { childMeta, itemElement, listKind } from "./field-set";
import { isRecord } from "../../../api/object";
import type { JsonObject } from "./json-value";

export function ssaMerge(live: unknown, applied: unknown, meta: PatchMeta | undefined): unknown {
  if (isRecord(live) && isRecord(applied)) {
    const out: JsonObject = { ...live };
    for (const [key, value] of Object.entries(applied)) {
      if (value === null) delete out[key];
      else out[key] = ssaMerge(live[key], value, childMeta(meta, key));
    }
    return out;
  }
  if (Array.isArray(live) && Array.isArray(applied) && listKind(meta) !== "atomic") {
    return mergeList(live, applied, meta) ?? applied;
  }
  return applied;
}

/**
 * Keyed merge with structured-merge-diff's ordering: live-only items stay where they were, items the
 * configuration names follow the configuration's order. Undefined when some item cannot be keyed.
 */
function mergeList(live: unknown[], applied: unknown[], meta: PatchMeta | undefined): unknown[] | undefined {
  const kind = listKind(meta);
  const itemMeta = meta?.items();
  const keysOf = (list: unknown[]) => list.map((item) => itemElement(item, meta, kind));
  const lk = keysOf(live);
  const rk = keysOf(applied);
  if (lk.includes(undefined) || rk.includes(undefined)) return undefined;
  const liveByKey = new Map(lk.map((k, i) => [k as string, live[i]]));
  const inApplied = new Set(rk as string[]);
  const shared = (rk as string[]).filter((k) => liveByKey.has(k));
  let nextShared = shared.shift();
  const merged = new Set<string>();
  const out: unknown[] = [];
  const take = (key: string, value: unknown) => {
    merged.add(key);
    out.push(kind === "map" ? ssaMerge(liveByKey.get(key), value, itemMeta) : value);
    if (nextShared === key) nextShared = shared.shift();
  };
  let li = 0;
  let ri = 0;
  while (li < live.length || ri < applied.length) {
    if (li < live.length && ri < applied.length) {
      if (lk[li] === rk[ri]) {
        take(rk[ri] as string, applied[ri]);
        li++;
        ri++;
        continue;
      }
      if (inApplied.has(lk[li] as string) && nextShared !== undefined && nextShared !== lk[li]) {
        li++;
        continue;
      }
    }
    if (li < live.length) {
      const key = lk[li] as string;
      if (!inApplied.has(key)) {
        out.push(live[li]);
        li++;
        continue;
      }
      if (merged.has(key)) {
        li++;
        continue;
      }
    }
    if (ri < applied.length) {
      take(rk[ri] as string, applied[ri]);
      ri++;
    }
  }
  return out;
}
