// A container's startup, liveness and readiness probes in the lifecycle simulation: when each first runs, what one
// run does (success and failure thresholds, Unhealthy events, readiness, a kill after a failed liveness or startup
// probe), and, for a passing probe, when it will first fail — so a quiet container has nothing due.
import type { Container, Probe } from "../../api/schemas";
import type { ContainerRuntime, PodRuntime, ProbeRun } from "./pod-runtime";
import type { ContainerRuntimePort } from "./runtime-port";
import { kubeletEvents, render, type EventBody } from "./stages";
export type ProbeKind = "startup" | "liveness" | "readiness";

/** How far ahead a quiet, passing probe is simulated to find when it will first fail (in probe periods). */
const probeLookahead = 360;

/** What a probe run needs from the pod simulation. */
export interface ProbeHost {
  readonly rt: PodRuntime;
  readonly runtime: ContainerRuntimePort;
  containerSpec(c: ContainerRuntime): Container;
  emit(at: number, c: ContainerRuntime | undefined, event: EventBody): void;
  /** Kill the container (it restarts): at once when SIGTERM stops it, else after the grace period. */
  stop(c: ContainerRuntime, at: number, final: boolean): void;
}

/**
 * When a started container's first readiness probe runs, at the earliest: the kubelet's status sync that follows the
 * start (its PLEG relists every second) finds no readiness result yet and triggers the probe at once, rather than
 * waiting for the probe's period. A server is listening by then.
 */
const readinessTriggerMs = 1000;

/** A probe's first run for an instance started at `at`: after its initial delay, and not before `earliestMs`. */
const firstRun = (p: Probe | undefined, at: number, earliestMs = 0): ProbeRun | undefined =>
  p ? { nextAt: at + Math.max((p.initialDelaySeconds ?? 0) * 1000, earliestMs), successes: 0, failures: 0 } : undefined;

/** The container's instance started at `at`: set started/ready and schedule its probes' first runs. */
export function startProbes(c: ContainerRuntime, spec: Container, at: number): void {
  c.started = !spec.startupProbe;
  c.everStarted ||= c.started;
  c.ready = c.started && !spec.readinessProbe && (!c.init || c.sidecar) && !c.ephemeral;
  c.startup = firstRun(spec.startupProbe, at);
  c.liveness = c.started ? firstRun(spec.livenessProbe, at) : undefined;
  c.readiness = c.started ? firstRun(spec.readinessProbe, at, readinessTriggerMs) : undefined;
}

/** Run the `kind` probe of container `c` at `at`. */
export function runProbeStep(host: ProbeHost, c: ContainerRuntime, kind: ProbeKind, at: number): void {
  const spec = host.containerSpec(c);
  const def = spec[`${kind}Probe`]!;
  const run = c[kind]!;
  // Validation refuses negative periods and defaulting turns 0 into 10; a pod stored before either never spins.
  const period = Math.max(1, def.periodSeconds || 10) * 1000;
  const instance = c.current!;
  const outcome = host.runtime.probe(def, spec, instance.process!, at - instance.startedAt, host.rt.podIP ?? "");
  const label = kind === "startup" ? "Startup" : kind === "liveness" ? "Liveness" : "Readiness";
  run.nextAt = at + period;
  if (outcome.ok) {
    run.successes += 1;
    run.failures = 0;
    if (kind === "startup") {
      c.started = c.everStarted = true;
      c.startup = undefined;
      c.ready = !spec.readinessProbe;
      // Liveness and readiness start now, or at their initial delay counted from the container's start.
      c.liveness = firstRun(spec.livenessProbe, instance.startedAt);
      c.readiness = firstRun(spec.readinessProbe, instance.startedAt);
      if (c.liveness) c.liveness.nextAt = Math.max(at, c.liveness.nextAt);
      if (c.readiness) c.readiness.nextAt = Math.max(at, c.readiness.nextAt);
      return;
    }
    if (kind === "readiness" && run.successes >= (def.successThreshold ?? 1)) c.ready = true;
    if (kind === "liveness" || c.ready) run.nextAt = firstFailure(host, def, spec, instance, at, period);
    return;
  }
  run.successes = 0;
  run.failures += 1;
  host.emit(at, c, render(kubeletEvents.unhealthy, { label, output: outcome.message }));
  if (run.failures < (def.failureThreshold ?? 3)) return;
  if (kind === "readiness") {
    c.ready = false;
    return;
  }
  const killing = c.sidecar ? kubeletEvents.sidecarProbeKilling : kubeletEvents.probeKilling;
  host.emit(at, c, render(killing, { container: c.name, probe: kind }));
  host.stop(c, at, false);
}

/**
 * The first probe moment after `at` at which a currently passing probe fails (bounded look-ahead), or infinity
 * when it passes throughout the look-ahead of a process that never exits: such a container is settled, and an
 * idle cluster must have nothing due (the probe runs again if the kubelet rebuilds its state).
 */
function firstFailure(host: ProbeHost, def: Probe, spec: Container, instance: NonNullable<ContainerRuntime["current"]>, at: number, period: number): number {
  const exitAt = instance.process?.exit ? instance.startedAt + instance.process.exit.atMs : Number.POSITIVE_INFINITY;
  for (let k = 1; k <= probeLookahead; k++) {
    const t = at + k * period;
    if (t >= exitAt) return t;
    if (!host.runtime.probe(def, spec, instance.process!, t - instance.startedAt, host.rt.podIP ?? "").ok) return t;
  }
  return Number.isFinite(exitAt) ? at + probeLookahead * period : Number.POSITIVE_INFINITY;
}
