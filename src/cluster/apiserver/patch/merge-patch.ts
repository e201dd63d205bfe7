// `application/merge-patch+json` (RFC 7386), as the apiserver applies it (evanphx/json-patch MergePatch).
import { badRequest } from "../../../api/status";
import { isRecord } from "../../../api/object";
import type { JsonObject } from "./json-value";

/**
 * Applies a JSON merge patch and returns the new document without touching `doc` or `patch`: `null` deletes a key,
 * objects merge recursively, anything else (arrays included) replaces. Nulls inside newly added objects are dropped.
 * A patch that is not a JSON object or array answers 400 "Invalid JSON Patch" (evanphx's ErrBadJSONPatch); an
 * array patch replaces the whole document, as evanphx does.
 */
export function applyMergePatch<T>(doc: T, patch: unknown): T {
  if (Array.isArray(patch)) return pruneNulls(patch) as T;
  if (!isRecord(patch)) throw badRequest("Invalid JSON Patch");
  return mergeValue(doc, patch) as T;
}

function mergeValue(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return pruneNulls(patch);
  const result: JsonObject = isRecord(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergeValue(result[key], value);
  }
  return result;
}

/** A deep copy of a patch value with `null` members of objects removed (RFC 7386 §2, applied to new subtrees). */
function pruneNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pruneNulls);
  if (!isRecord(value)) return value;
  const out: JsonObject = {};
  for (const [key, member] of Object.entries(value)) if (member !== null) out[key] = pruneNulls(member);
  return out;
}
