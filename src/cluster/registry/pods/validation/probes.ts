// Probes and lifecycle hooks of a container (validateProbe, validateHandler, validateLifecycle).
import { fieldError, type FieldError } from "../../../../api/status";
import { validatePortNumOrName } from "../../../../api/validation/ports";

type Json = Record<string, any>;

const NEGATIVE = "must be greater than or equal to 0";

function nonNegative(value: unknown, field: string): FieldError[] {
  return typeof value === "number" && value < 0 ? [fieldError.invalid(field, value, NEGATIVE)] : [];
}

/** validateHandler: exactly one action, each well formed. */
function validateHandler(handler: Json, at: string, kinds: string[]): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const kind of kinds) {
    const action = handler[kind];
    if (action == null) continue;
    if (count > 0) {
      errs.push(fieldError.forbidden(`${at}.${kind}`, "may not specify more than 1 handler type"));
      continue;
    }
    count++;
    const path = `${at}.${kind}`;
    if (kind === "exec" && !(action.command ?? []).length) errs.push(fieldError.required(`${path}.command`));
    if (kind === "httpGet") {
      if (!action.path) errs.push(fieldError.required(`${path}.path`));
      errs.push(...validatePortNumOrName(action.port, `${path}.port`));
      if (action.scheme && !["HTTP", "HTTPS"].includes(action.scheme)) errs.push(fieldError.notSupported(`${path}.scheme`, action.scheme, ["HTTP", "HTTPS"]));
    }
    if (kind === "tcpSocket" || kind === "grpc") errs.push(...validatePortNumOrName(action.port, `${path}.port`));
  }
  if (count === 0) errs.push(fieldError.required(at, "must specify a handler type"));
  return errs;
}

/** validateProbe: a handler, non-negative timings, a positive probe-level grace period. */
export function validateProbe(probe: Json | null | undefined, at: string): FieldError[] {
  if (probe == null) return [];
  const errs = validateHandler(probe, at, ["exec", "httpGet", "tcpSocket", "grpc"]);
  for (const f of ["initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold"]) {
    errs.push(...nonNegative(probe[f], `${at}.${f}`));
  }
  const grace = probe.terminationGracePeriodSeconds;
  if (typeof grace === "number" && grace <= 0) errs.push(fieldError.invalid(`${at}.terminationGracePeriodSeconds`, grace, "must be greater than 0"));
  return errs;
}

/** The probes of an app container or sidecar, with the rules particular to each kind of probe. */
export function validateContainerProbes(c: Json, at: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const kind of ["livenessProbe", "readinessProbe", "startupProbe"]) {
    const probe = c[kind];
    errs.push(...validateProbe(probe, `${at}.${kind}`));
    if (probe == null) continue;
    if (kind !== "readinessProbe" && typeof probe.successThreshold === "number" && probe.successThreshold !== 1) {
      errs.push(fieldError.invalid(`${at}.${kind}.successThreshold`, probe.successThreshold, "must be 1"));
    }
    if (kind === "readinessProbe" && probe.terminationGracePeriodSeconds != null) {
      errs.push(fieldError.invalid(`${at}.readinessProbe.terminationGracePeriodSeconds`, probe.terminationGracePeriodSeconds, "must not be set for readinessProbes"));
    }
  }
  return errs;
}

/** validateLifecycle: each hook names exactly one action. */
export function validateLifecycle(lifecycle: Json | null | undefined, at: string): FieldError[] {
  if (lifecycle == null) return [];
  const errs: FieldError[] = [];
  for (const hook of ["postStart", "preStop"]) {
    const handler = lifecycle[hook];
    if (handler == null) continue;
    errs.push(...validateHandler(handler, `${at}.${hook}`, ["exec", "httpGet", "tcpSocket", "sleep"]));
    if (handler.sleep && typeof handler.sleep.seconds === "number" && handler.sleep.seconds < 0) {
      errs.push(fieldError.invalid(`${at}.${hook}.sleep.seconds`, handler.sleep.seconds, NEGATIVE));
    }
  }
  return errs;
}
