// DaemonSet history: the template hash (controller.ComputeHash: FNV-32a of the template and collision count,
// encoded with the "safe" alphabet), the ControllerRevision patch that `kubectl rollout undo` applies, and names.
import type { KubeObject } from "../../../api/object";
import { cloneJson } from "../../../api/clone";

type Json = Record<string, any>;

const safeAlphabet = "bcdfghjklmnpqrstvwxz2456789";

function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h;
}

/** Key-sorted JSON, so equal templates hash alike whatever their field order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Json).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The `controller-revision-hash` of a template. */
export function templateHash(template: Json, collisionCount = 0): string {
  const digits = String(fnv32a(canonical(template) + (collisionCount ? String(collisionCount) : "")));
  let out = "";
  for (const ch of digits) out += safeAlphabet[ch.charCodeAt(0) % safeAlphabet.length];
  return out;
}

/** The revision's data: a strategic merge patch replacing spec.template (what `rollout undo` applies). */
export function revisionData(ds: KubeObject): Json {
  const template = cloneJson((ds.spec as Json).template ?? {});
  return { spec: { template: { ...template, $patch: "replace" } } };
}

/** The template stored in a revision's data. */
export function templateOf(revision: KubeObject): Json | undefined {
  const template = (revision.data as Json | undefined)?.spec?.template;
  if (!template) return undefined;
  const { $patch: _ignored, ...rest } = template;
  return rest;
}
