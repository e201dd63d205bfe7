// Ephemeral containers (pods/ephemeralcontainers): the checks of validateEphemeralContainers and
// ValidatePodEphemeralContainersUpdate, with the apiserver's messages. Only some Container fields are allowed (no
// ports, probes, resources or lifecycle: an ephemeral container is no part of the pod's service), names are unique
// across every kind of container, and what was added stays as it was.
import { fieldError, type FieldError } from "../../../../api/status";
import { deepEqual } from "../../../../api/json-equal";
import { isDNS1123Label } from "../../../../api/validation/names";
import type { EphemeralContainer } from "../../../../api/schemas/core/container";
import type { PodSpec } from "../../../../api/schemas/core/pod-spec";
import { validateSecurityContext } from "./security-context";

const notForEphemeral = "cannot be set for an Ephemeral Container";

/** The EphemeralContainerCommon fields outside the allow list, in the struct's order. */
const disallowed = ["ports", "resources", "resizePolicy", "restartPolicy", "livenessProbe", "readinessProbe", "startupProbe", "lifecycle"] as const;

/** A field the apiserver sees as set: not its Go zero value (an empty list or struct counts as unset). */
function isSet(value: unknown): boolean {
  if (value == null) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.keys(value).length > 0;
  return true;
}

/** spec.ephemeralContainers of a pod (validateEphemeralContainers). */
export function validateEphemeralContainers(spec: Partial<PodSpec>, path: string): FieldError[] {
  const list: EphemeralContainer[] = spec.ephemeralContainers ?? [];
  if (!list.length) return [];
  const others = new Set([...(spec.containers ?? []), ...(spec.initContainers ?? [])].map((c) => c.name));
  const all = new Set(others);
  const volumes = new Set((spec.volumes ?? []).map((v) => v.name));
  const errors: FieldError[] = [];
  list.forEach((c, i) => {
    const at = `${path}.ephemeralContainers[${i}]`;
    if (!c.name) errors.push(fieldError.required(`${at}.name`));
    else for (const msg of isDNS1123Label(c.name)) errors.push(fieldError.invalid(`${at}.name`, c.name, msg));
    if (!c.image) errors.push(fieldError.required(`${at}.image`));
    errors.push(...validateSecurityContext(c.securityContext, `${at}.securityContext`));
    (c.volumeMounts ?? []).forEach((m, j) => {
      if (!volumes.has(m.name)) errors.push(fieldError.notFound(`${at}.volumeMounts[${j}].name`, m.name));
    });
    if (all.has(c.name)) errors.push(fieldError.duplicate(`${at}.name`, c.name));
    else all.add(c.name);
    if (c.targetContainerName && !others.has(c.targetContainerName)) errors.push(fieldError.notFound(`${at}.targetContainerName`, c.targetContainerName));
    for (const field of disallowed) if (isSet((c as Record<string, unknown>)[field])) errors.push(fieldError.forbidden(`${at}.${field}`, notForEphemeral));
    (c.volumeMounts ?? []).forEach((m, j) => {
      if (m.subPath) errors.push(fieldError.forbidden(`${at}.volumeMounts[${j}].subPath`, notForEphemeral));
      if (m.subPathExpr) errors.push(fieldError.forbidden(`${at}.volumeMounts[${j}].subPathExpr`, notForEphemeral));
    });
  });
  return errors;
}

/** A pod's create may not carry ephemeral containers (ValidatePodCreate). */
export function ephemeralOnCreate(spec: Partial<PodSpec>): FieldError[] {
  return spec.ephemeralContainers?.length ? [fieldError.forbidden("spec.ephemeralContainers", "cannot be set on create")] : [];
}

/** Existing ephemeral containers may be neither removed nor changed: only additions (ValidatePodEphemeralContainersUpdate). */
export function ephemeralUpdate(spec: Partial<PodSpec>, old: Partial<PodSpec>): FieldError[] {
  const byName = new Map((spec.ephemeralContainers ?? []).map((c) => [c.name, c]));
  const errors: FieldError[] = [];
  for (const before of old.ephemeralContainers ?? []) {
    const now = byName.get(before.name);
    if (!now) errors.push(fieldError.forbidden("spec.ephemeralContainers", `existing ephemeral containers ${JSON.stringify(before.name)} may not be removed\n`));
    else if (!deepEqual(now, before)) errors.push(fieldError.forbidden("spec.ephemeralContainers", `existing ephemeral containers ${JSON.stringify(before.name)} may not be changed\n`));
  }
  return errors;
}
