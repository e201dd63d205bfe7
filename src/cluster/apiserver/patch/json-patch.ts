// `application/json-patch+json` (RFC 6902) as the apiserver applies it (evanphx/json-patch behind
// k8s.io/apiserver/pkg/endpoints/handlers/patch.go), with the apiserver's error answers.
import { applyPatch, JsonPatchError, type Operation } from "fast-json-patch";
import { failure, tooLarge } from "../../../api/status";
import { cloneJson } from "../../../api/clone";
import { isRecord } from "../../../api/object";

/** The apiserver refuses JSON patches with more operations than this (maxJSONPatchOperations). */
export const MAX_JSON_PATCH_OPERATIONS = 10000;

function goJsonKind(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (value === null) return "null";
  if (typeof value === "object") return "object";
  return typeof value === "boolean" ? "bool" : typeof value;
}

/**
 * Applies `ops` (the decoded request body) to `doc` and returns the new document; `doc` is left untouched.
 * - a body that is not a JSON array, or holds a non-object operation: 400 BadRequest with Go's decoding message;
 * - a JSON `null` body decodes to an empty patch (no change), as in Go;
 * - more than 10000 operations: 413;
 * - any failure while applying (missing path, failed `test`, bad op): 422 Invalid with the apiserver's generic
 *   message — it does not pass the library's own error text through.
 */
export function applyJsonPatch<T>(doc: T, ops: unknown): T {
  if (ops === null) return cloneJson(doc);
  if (!Array.isArray(ops)) {
    throw failure(
      400,
      "BadRequest",
      `json: cannot unmarshal ${goJsonKind(ops)} into Go value of type jsonpatch.Patch`,
    );
  }
  const bad = ops.find((op) => !isRecord(op) && op !== null);
  if (bad !== undefined) {
    throw failure(
      400,
      "BadRequest",
      `json: cannot unmarshal ${goJsonKind(bad)} into Go value of type jsonpatch.Operation`,
    );
  }
  if (ops.length > MAX_JSON_PATCH_OPERATIONS) {
    throw tooLarge(
      `Request entity too large: The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${ops.length}`,
    );
  }
  try {
    return applyPatch(cloneJson(doc), ops as Operation[], true, true, true).newDocument as T;
  } catch (err) {
    if (err instanceof JsonPatchError || err instanceof TypeError || err instanceof RangeError) {
      throw failure(422, "Invalid", "the server rejected our request due to an error in our request", {});
    }
    throw err;
  }
}
