// Pods: defaults and admission additions on create, a Pending status, and the narrow set of fields an update may
// change.
import { fieldError, type FieldError } from "../../../api/status";
import { isDNS1123Label } from "../../../api/validation/names";
import type { Container } from "../../../api/schemas/core/container";
import type { Pod } from "../../../api/schemas/core/pod";
import type { PodSpec } from "../../../api/schemas/core/pod-spec";
import type { PodCondition } from "../../../api/schemas/core/pod-status";
import type { Strategy } from "../types";
import { admitNewPod, defaultPodSpec, qosClass } from "./defaults";
import { deepEqual } from "../../../api/json-equal";
import { cloneJson } from "../../../api/clone";
import { validateLabels } from "../../../api/validation/labels";
import { validateContainerFields } from "./validation/container";
import { validatePodSecurityContext } from "./validation/security-context";
import { ephemeralOnCreate, ephemeralUpdate, validateEphemeralContainers } from "./validation/ephemeral";

const suffixAlphabet = "bcdfghjklmnpqrstvwxz2456789";

/** A stable 5-character suffix from the pod's uid (names its API-access volume). */
function suffixFromUid(uid: string): string {
  let out = "";
  const hex = uid.replace(/-/g, "");
  for (let i = 0; i < 5; i++) out += suffixAlphabet[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % suffixAlphabet.length];
  return out;
}

const initForbidden = "may not be set for init containers without restartPolicy=Always";

/**
 * A container's own restartPolicy: only init containers may set it, and only to "Always" (a sidecar); lifecycle hooks
 * and probes are for app containers and sidecars, not for init containers that run to completion.
 */
function restartPolicyErrors(c: Container, at: string, init: boolean): FieldError[] {
  if (!init) return c.restartPolicy == null ? [] : [fieldError.forbidden(`${at}.restartPolicy`, "may not be set for non-init containers")];
  const errors: FieldError[] = [];
  if (c.restartPolicy != null && c.restartPolicy !== "Always") errors.push(fieldError.notSupported(`${at}.restartPolicy`, c.restartPolicy, ["Always"]));
  if (c.restartPolicy === "Always") return errors;
  for (const f of ["lifecycle", "livenessProbe", "readinessProbe", "startupProbe"] as const) if (c[f] != null) errors.push(fieldError.forbidden(`${at}.${f}`, initForbidden));
  return errors;
}

/** The containers of a pod spec or pod template spec (one that may lack its containers: that is an error here). */
export function validateContainers(spec: Partial<PodSpec>, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const containers = spec.containers ?? [];
  if (!containers.length) errors.push(fieldError.required(`${path}.containers`));
  const seen = new Set<string>();
  const check = (list: Container[], field: string) =>
    list.forEach((c, i) => {
      const at = `${path}.${field}[${i}]`;
      if (!c.name) errors.push(fieldError.required(`${at}.name`));
      else {
        for (const msg of isDNS1123Label(c.name)) errors.push(fieldError.invalid(`${at}.name`, c.name, msg));
        if (seen.has(c.name)) errors.push(fieldError.duplicate(`${at}.name`, c.name));
        seen.add(c.name);
      }
      if (!c.image) errors.push(fieldError.required(`${at}.image`));
      errors.push(...validateContainerFields(c, at, field === "initContainers"));
      errors.push(...restartPolicyErrors(c, at, field === "initContainers"));
    });
  // As the apiserver does: app containers first, so an init container reusing an app container's name is the duplicate.
  check(containers, "containers");
  check(spec.initContainers ?? [], "initContainers");
  if (spec.restartPolicy && !["Always", "OnFailure", "Never"].includes(spec.restartPolicy)) {
    errors.push(fieldError.notSupported(`${path}.restartPolicy`, spec.restartPolicy, ["Always", "OnFailure", "Never"]));
  }
  if (spec.dnsPolicy && !["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"].includes(spec.dnsPolicy)) {
    errors.push(fieldError.notSupported(`${path}.dnsPolicy`, spec.dnsPolicy, ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"]));
  }
  errors.push(...validatePodSecurityContext(spec.securityContext, `${path}.securityContext`));
  errors.push(...validateLabels(spec.nodeSelector, `${path}.nodeSelector`));
  const volumes = new Set((spec.volumes ?? []).map((v) => v.name));
  [...(spec.initContainers ?? []), ...containers].forEach((c) =>
    (c.volumeMounts ?? []).forEach((m, j) => {
      if (!volumes.has(m.name)) {
        const idx = containers.indexOf(c);
        const list = idx >= 0 ? "containers" : "initContainers";
        const i = idx >= 0 ? idx : (spec.initContainers ?? []).indexOf(c);
        errors.push(fieldError.notFound(`${path}.${list}[${i}].volumeMounts[${j}].name`, m.name));
      }
    }),
  );
  return errors;
}

const maxInt32 = 2147483647;

/** activeDeadlineSeconds must lie in [min, MaxInt32] (1 on create, 0 when an update lowers it). */
function deadlineRange(value: unknown, min: number): FieldError[] {
  if (value == null || (typeof value === "number" && value >= min && value <= maxInt32)) return [];
  return [fieldError.invalid("spec.activeDeadlineSeconds", value, `must be between ${min} and ${maxInt32}, inclusive`)];
}

/** An update may set activeDeadlineSeconds or lower it, never raise or remove it. */
function deadlineUpdate(value: unknown, previous: unknown): FieldError[] {
  if (value == null) {
    return previous == null ? [] : [fieldError.invalid("spec.activeDeadlineSeconds", null, "must not update from a positive integer to nil value")];
  }
  const range = deadlineRange(value, 0);
  if (range.length) return range;
  if (typeof previous === "number" && typeof value === "number" && previous < value) {
    return [fieldError.invalid("spec.activeDeadlineSeconds", value, "must be less than or equal to previous value")];
  }
  return [];
}

/** The stored pod with only the request's spec.ephemeralContainers taken (the identity fields the store set stay). */
function keepAllButEphemeralContainers(pod: Pod, old: Pod): void {
  const ephemeralContainers = pod.spec?.ephemeralContainers;
  const { resourceVersion } = pod.metadata;
  pod.metadata = { ...cloneJson(old.metadata), ...(resourceVersion ? { resourceVersion } : {}) };
  pod.spec = cloneJson(old.spec ?? { containers: [] });
  if (ephemeralContainers?.length) pod.spec.ephemeralContainers = ephemeralContainers;
  else delete pod.spec.ephemeralContainers;
}

/** Only these may change in a pod's spec after creation. */
function mutableView(spec: PodSpec | undefined): PodSpec | undefined {
  if (!spec) return spec;
  const copy = cloneJson(spec);
  for (const c of [...(copy.containers ?? []), ...(copy.initContainers ?? [])]) delete c.image;
  delete copy.activeDeadlineSeconds;
  delete copy.tolerations;
  delete copy.terminationGracePeriodSeconds;
  return copy;
}

export const podStrategy: Strategy<Pod> = {
  defaults(pod) {
    // A body without a spec gets an empty one, which validation then refuses for its missing containers.
    const spec = (pod.spec ??= { containers: [] });
    defaultPodSpec(spec);
    // As the apiserver has since 1.27 (kubernetes#115606): a negative grace period is stored as 1, not refused.
    if (typeof spec.terminationGracePeriodSeconds === "number" && spec.terminationGracePeriodSeconds < 0) spec.terminationGracePeriodSeconds = 1;
  },
  prepareForCreate(pod) {
    admitNewPod(pod, suffixFromUid(pod.metadata.uid ?? "0000000000"));
    pod.status = { phase: "Pending", qosClass: qosClass(pod.spec!) };
  },
  gracePeriod(pod, requested) {
    // Only a kubelet can stop containers: an unscheduled pod, or one already finished, goes at once.
    const spec = pod.spec;
    const phase = pod.status?.phase;
    if (!spec?.nodeName || phase === "Succeeded" || phase === "Failed") return 0;
    return Math.max(0, requested ?? spec.terminationGracePeriodSeconds ?? 30);
  },
  prepareForUpdate(pod, old, ctx) {
    // pods/ephemeralcontainers changes nothing but spec.ephemeralContainers (dropNonEphemeralContainerUpdates).
    if (ctx.subresource === "ephemeralcontainers") {
      keepAllButEphemeralContainers(pod, old);
      return;
    }
    // Priority admission set these on create; an update that leaves them out keeps them (they are immutable).
    const spec = pod.spec;
    const oldSpec = old.spec;
    if (spec && spec.priority === undefined && oldSpec?.priority !== undefined) spec.priority = oldSpec.priority;
    if (spec && spec.preemptionPolicy === undefined && oldSpec?.preemptionPolicy !== undefined) spec.preemptionPolicy = oldSpec.preemptionPolicy;
    // A binding assigns the node and, as the apiserver's binding storage does, marks the pod PodScheduled.
    if (ctx.subresource !== "binding") return;
    const status = cloneJson(old.status ?? {});
    const conditions = (status.conditions ??= []);
    const existing = conditions.find((c) => c.type === "PodScheduled");
    if (existing?.status !== "True") {
      const condition: PodCondition = { type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: ctx.now };
      if (existing) conditions.splice(conditions.indexOf(existing), 1, condition);
      else conditions.push(condition);
    }
    pod.status = status;
  },
  validate(pod) {
    const spec: Partial<PodSpec> = pod.spec ?? {};
    return [...validateContainers(spec, "spec"), ...validateEphemeralContainers(spec, "spec"), ...deadlineRange(spec.activeDeadlineSeconds, 1)];
  },
  validateCreate(pod) {
    return ephemeralOnCreate(pod.spec ?? {});
  },
  validateUpdate(pod, old, ctx) {
    if (ctx.subresource === "binding") return [];
    if (ctx.subresource === "ephemeralcontainers") return ephemeralUpdate(pod.spec ?? {}, old.spec ?? {});
    const deadline = deadlineUpdate(pod.spec?.activeDeadlineSeconds, old.spec?.activeDeadlineSeconds);
    if (deadline.length) return deadline;
    if (deepEqual(mutableView(pod.spec), mutableView(old.spec))) return [];
    return [
      fieldError.forbidden(
        "spec",
        "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)",
      ),
    ];
  },
};

