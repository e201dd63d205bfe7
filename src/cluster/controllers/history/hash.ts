// controller.ComputeHash / history.HashControllerRevision: FNV-32a of a JSON value (key-sorted, so equal values hash
// alike whatever their field order) and the collision count, written in the "safe" alphabet of rand.SafeEncodeString.
import { isRecord } from "../../../api/object";

const safeAlphabet = "bcdfghjklmnpqrstvwxz2456789";

function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h;
}

/** Key-sorted JSON without undefined members. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (isRecord(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The hash of `value` with `collisionCount` (appended when non-zero), as a label value. */
export function safeHash(value: unknown, collisionCount = 0): string {
  const digits = String(fnv32a(canonicalJson(value) + (collisionCount ? String(collisionCount) : "")));
  let out = "";
  for (const ch of digits) out += safeAlphabet[ch.charCodeAt(0) % safeAlphabet.length];
  return out;
}
