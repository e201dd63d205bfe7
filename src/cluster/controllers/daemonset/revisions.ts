// DaemonSet history: the template hash (controller.ComputeHash: FNV-32a of the template and collision count,
// encoded with the "safe" alphabet), the ControllerRevision patch that `kubectl rollout undo` applies, and names.
import { isRecord } from "../../../api/object";
import { cloneJson } from "../../../api/clone";
import type { ControllerRevision } from "../../../api/schemas/apps/controllerrevision";
import type { DaemonSet } from "../../../api/schemas/apps/daemonset";
import type { PodTemplateSpec } from "../../../api/schemas/core/pod";

/** A revision's data: the patch that puts its template back. */
export interface RevisionData {
  spec: { template: PodTemplateSpec & { $patch: "replace" } };
}

const safeAlphabet = "bcdfghjklmnpqrstvwxz2456789";

function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h;
}

/** Key-sorted JSON, so equal templates hash alike whatever their field order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isRecord(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The `controller-revision-hash` of a template. */
export function templateHash(template: object, collisionCount = 0): string {
  const digits = String(fnv32a(canonical(template) + (collisionCount ? String(collisionCount) : "")));
  let out = "";
  for (const ch of digits) out += safeAlphabet[ch.charCodeAt(0) % safeAlphabet.length];
  return out;
}

/** The revision's data: a strategic merge patch replacing spec.template (what `rollout undo` applies). */
export function revisionData(ds: DaemonSet): RevisionData {
  const template = cloneJson(ds.spec?.template ?? {});
  return { spec: { template: { ...template, $patch: "replace" } } };
}

/** The template stored in a revision's data (JSON as stored, to compare with a DaemonSet's template). */
export function templateOf(revision: ControllerRevision): Record<string, unknown> | undefined {
  const spec = isRecord(revision.data) ? revision.data.spec : undefined;
  const template = isRecord(spec) ? spec.template : undefined;
  if (!isRecord(template)) return undefined;
  const { $patch: _ignored, ...rest } = template;
  return rest;
}
