// Stopping every container of a pod for good: for its deletion, when its active deadline passes, or once its app
// containers are done (the sidecars that keep running). As the kubelet's killPod does: a Killing event for every
// running container at once; app containers get SIGTERM at once; each sidecar waits for the app containers and the
// sidecars declared after it to stop (or for the grace period to run out), then gets what is left of the grace period,
// rounded up to whole seconds and at least 2 s. Nothing is started or restarted once a pod terminates.
import type { ContainerRuntime, PodRuntime, TerminationCause } from "./pod-runtime";
import { sidecarTurn } from "./sidecars";
import { kubeletEvents, render, type EventBody } from "./stages";

/** The kubelet's minimumGracePeriodInSeconds: no container is killed with less than this after its SIGTERM. */
const minimumGraceMs = 2000;

/** Which cause wins when a pod already terminating is told to terminate again (a deletion removes the pod). */
const rank: Record<TerminationCause, number> = { finished: 0, deadline: 1, deletion: 2 };

/** What termination needs from the pod simulation. */
export interface StopHost {
  readonly rt: PodRuntime;
  emit(at: number, c: ContainerRuntime | undefined, event: EventBody): void;
  /** Send SIGTERM to `c` at `at`: it stops then if SIGTERM stops it, else `graceMs` later. */
  stop(c: ContainerRuntime, at: number, final: boolean, graceMs: number): void;
}

/** Start (or escalate) the pod's termination at `at` with a grace period of `graceMs`. */
export function beginTermination(host: StopHost, cause: TerminationCause, at: number, graceMs: number): void {
  const rt = host.rt;
  const previous = rt.termination;
  if (previous && rank[cause] <= rank[previous.cause]) return;
  rt.termination = { cause, at, graceMs };
  for (const c of rt.containers) {
    c.dueAt = undefined;
    c.noticeAt = undefined;
    if (c.phase !== "running" || !c.current) continue;
    if (c.stopping) {
      c.stopping.final = true;
      c.stopping.at = Math.min(c.stopping.at, at + graceMs);
      continue;
    }
    if (!previous) host.emit(at, c, render(kubeletEvents.stopping, { container: c.name }));
    c.startup = c.liveness = c.readiness = undefined;
    c.ready = false;
  }
  signalStops(host, at);
}

/** Send SIGTERM, at `at`, to every running container whose turn to stop has come. */
export function signalStops(host: StopHost, at: number): void {
  const rt = host.rt;
  const t = rt.termination;
  if (!t) return;
  const ordered = t.graceMs > 0;
  const deadline = t.at + t.graceMs;
  for (const c of rt.containers) {
    if (c.phase !== "running" || !c.current || c.stopping) continue;
    if (!c.sidecar || !ordered) {
      host.stop(c, at, true, t.graceMs);
      continue;
    }
    if (at < deadline && !sidecarTurn(rt, c)) continue;
    host.stop(c, at, true, Math.max(Math.ceil((deadline - at) / 1000) * 1000, minimumGraceMs));
  }
}

/** When sidecars still waiting for their turn get SIGTERM anyway (the grace period ran out). */
export function turnTimeout(rt: PodRuntime): number | undefined {
  const t = rt.termination;
  if (!t || t.graceMs <= 0) return undefined;
  const waiting = rt.containers.some((c) => c.sidecar && c.phase === "running" && !c.stopping);
  return waiting ? t.at + t.graceMs : undefined;
}

/** No container runs any more (nor is being stopped). */
export function allStopped(rt: PodRuntime): boolean {
  return rt.containers.every((c) => !c.stopping && c.phase !== "running");
}
