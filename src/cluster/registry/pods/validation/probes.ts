// Probes and lifecycle hooks of a container (validateProbe, validateHandler, validateLifecycle).
import { fieldError, type FieldError } from "../../../../api/status";
import type { Container } from "../../../../api/schemas/core/container";
import type { Lifecycle, LifecycleHandler, Probe } from "../../../../api/schemas/core/probe";
import { validatePortNumOrName } from "../../../../api/validation/ports";

/** The actions of a probe (grpc) or of a lifecycle hook (sleep). */
type Handler = Pick<Probe, "exec" | "httpGet" | "tcpSocket" | "grpc"> & Pick<LifecycleHandler, "sleep">;
type Action = keyof Handler;

const NEGATIVE = "must be greater than or equal to 0";

function nonNegative(value: unknown, field: string): FieldError[] {
  return typeof value === "number" && value < 0 ? [fieldError.invalid(field, value, NEGATIVE)] : [];
}

/** validateHandler: exactly one action, each well formed. */
function validateHandler(handler: Handler, at: string, kinds: readonly Action[]): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const kind of kinds) {
    if (handler[kind] == null) continue;
    if (count > 0) {
      errs.push(fieldError.forbidden(`${at}.${kind}`, "may not specify more than 1 handler type"));
      continue;
    }
    count++;
    const path = `${at}.${kind}`;
    if (kind === "exec" && !(handler.exec?.command ?? []).length) errs.push(fieldError.required(`${path}.command`));
    const get = kind === "httpGet" ? handler.httpGet : undefined;
    if (get) {
      if (!get.path) errs.push(fieldError.required(`${path}.path`));
      errs.push(...validatePortNumOrName(get.port, `${path}.port`));
      if (get.scheme && !["HTTP", "HTTPS"].includes(get.scheme)) errs.push(fieldError.notSupported(`${path}.scheme`, get.scheme, ["HTTP", "HTTPS"]));
    }
    if (kind === "tcpSocket") errs.push(...validatePortNumOrName(handler.tcpSocket?.port, `${path}.port`));
    if (kind === "grpc") errs.push(...validatePortNumOrName(handler.grpc?.port, `${path}.port`));
  }
  if (count === 0) errs.push(fieldError.required(at, "must specify a handler type"));
  return errs;
}

/** validateProbe: a handler, non-negative timings, a positive probe-level grace period. */
export function validateProbe(probe: Probe | null | undefined, at: string): FieldError[] {
  if (probe == null) return [];
  const errs = validateHandler(probe, at, ["exec", "httpGet", "tcpSocket", "grpc"]);
  for (const f of ["initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold"] as const) {
    errs.push(...nonNegative(probe[f], `${at}.${f}`));
  }
  const grace = probe.terminationGracePeriodSeconds;
  if (typeof grace === "number" && grace <= 0) errs.push(fieldError.invalid(`${at}.terminationGracePeriodSeconds`, grace, "must be greater than 0"));
  return errs;
}

/** The probes of an app container or sidecar, with the rules particular to each kind of probe. */
export function validateContainerProbes(c: Container, at: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const kind of ["livenessProbe", "readinessProbe", "startupProbe"] as const) {
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
export function validateLifecycle(lifecycle: Lifecycle | null | undefined, at: string): FieldError[] {
  if (lifecycle == null) return [];
  const errs: FieldError[] = [];
  for (const hook of ["postStart", "preStop"] as const) {
    const handler = lifecycle[hook];
    if (handler == null) continue;
    errs.push(...validateHandler(handler, `${at}.${hook}`, ["exec", "httpGet", "tcpSocket", "sleep"]));
    if (handler.sleep && typeof handler.sleep.seconds === "number" && handler.sleep.seconds < 0) {
      errs.push(fieldError.invalid(`${at}.${hook}.sleep.seconds`, handler.sleep.seconds, NEGATIVE));
    }
  }
  return errs;
}
