// The `pod-template-hash` of a Deployment's pod template, computed as Kubernetes does (FNV-32a of the template plus
// the collision count, written in the safe-encoding alphabet) but over a NORMALIZED template: defaults applied,
// empty and zero values dropped the way Go's `omitempty` drops them, quantities canonical, keys sorted and the hash
// label itself excluded. Two templates that decode to the same Go struct therefore hash and compare equal, which is
// what lets `kubectl rollout undo` (which sends back an old ReplicaSet's template re-encoded by client-go, with
// `creationTimestamp: null`) land on that ReplicaSet instead of creating a new one.
import { isRecord } from "../../../api/object";
import { canonicalQuantity } from "../../../api/quantity";
import type { PodTemplateSpec } from "../../../api/schemas/core/pod";
import { defaultPodTemplate } from "../../registry/pod-template";
import { cloneJson } from "../../../api/clone";

/** A normalized template: plain JSON, keys sorted. */
export type NormalizedTemplate = Record<string, unknown>;

export const podTemplateHashLabel = "pod-template-hash";

/**
 * Pointer fields of the pod template whose zero value (`0`, `false`, `""`) means something: Go keeps them when
 * encoding, unlike plain `omitempty` fields, so they are kept here too.
 */
const meaningfulZero = new Set([
  "activeDeadlineSeconds",
  "allowPrivilegeEscalation",
  "automountServiceAccountToken",
  "enableServiceLinks",
  "expirationSeconds",
  "fsGroup",
  "hostUsers",
  "optional",
  "priority",
  "privileged",
  "readOnlyRootFilesystem",
  "runAsGroup",
  "runAsNonRoot",
  "runAsUser",
  "setHostnameAsFQDN",
  "shareProcessNamespace",
  "terminationGracePeriodSeconds",
  "tolerationSeconds",
]);

/** Maps of quantities (resources.requests, limits, overhead, ...) get their canonical spelling. */
const quantityMaps = new Set(["requests", "limits", "overhead", "capacity"]);

function normalizeValue(value: unknown, key: string | undefined, inQuantities: boolean): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    const items = value.map((v) => normalizeValue(v, undefined, false)).map((v) => (v === undefined ? {} : v));
    return items.length ? items : undefined;
  }
  if (isRecord(value)) {
    const out: NormalizedTemplate = {};
    for (const k of Object.keys(value).sort()) {
      const v = normalizeValue(value[k], k, key !== undefined && quantityMaps.has(key));
      if (v !== undefined) out[k] = v;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (inQuantities && (typeof value === "string" || typeof value === "number")) {
    try {
      return canonicalQuantity(value);
    } catch {
      return value;
    }
  }
  if ((value === false || value === 0 || value === "") && !(key && meaningfulZero.has(key))) return undefined;
  return value;
}

/** The template as the hash and equality see it (a new object; the input is not changed). */
export function normalizeTemplate(template: PodTemplateSpec | undefined): NormalizedTemplate {
  const copy = cloneJson(template ?? {});
  const labels = copy.metadata?.labels;
  if (labels) delete labels[podTemplateHashLabel];
  defaultPodTemplate(copy);
  const normalized = normalizeValue(copy, undefined, false);
  return isRecord(normalized) ? normalized : {};
}

/** Deployment util's EqualIgnoreHash: same template apart from the pod-template-hash label. */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return JSON.stringify(normalizeTemplate(a)) === JSON.stringify(normalizeTemplate(b));
}

/** FNV-32a over bytes. */
export function fnv32a(bytes: Uint8Array, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
}

const safeAlphabet = "bcdfghjklmnpqrstvwxz2456789";

/** rand.SafeEncodeString: each character mapped into an alphabet without vowels (no accidental words). */
export function safeEncodeString(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) out += safeAlphabet[s.charCodeAt(i) % safeAlphabet.length];
  return out;
}

/** controller.ComputeHash: the hash that names a Deployment's ReplicaSet (`web-5d8f6c7b9`). */
export function computeTemplateHash(template: PodTemplateSpec | undefined, collisionCount?: number): string {
  const encoder = new TextEncoder();
  let h = fnv32a(encoder.encode(JSON.stringify(normalizeTemplate(template))));
  if (collisionCount !== undefined && collisionCount !== null) {
    const extra = new Uint8Array(8);
    new DataView(extra.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(extra, h);
  }
  return safeEncodeString(String(h));
}
