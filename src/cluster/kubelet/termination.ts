// Stopping every container of a pod for good: for its deletion, when its active deadline passes, or once its app
// containers are done (the sidecars that keep running). When and with which events are rows of pod-stages.ts; this is
// the computation they call. As the kubelet's killPod does: app containers get SIGTERM at once; each sidecar waits
// for the app containers and the sidecars declared after it to stop (or for the grace period to run out), then gets
// what is left of the grace period, rounded up to whole seconds and at least 2 s. Nothing is started or restarted
// once a pod terminates.
import type { ContainerRuntime, PodRuntime } from "./pod-runtime";
import { sidecarTurn } from "./sidecars";

/** The kubelet's minimumGracePeriodInSeconds: no container is killed with less than this after its SIGTERM. */
const minimumGraceMs = 2000;

/** What termination needs from the pod simulation. */
export interface StopHost {
  readonly rt: PodRuntime;
  /** Send SIGTERM to `c` at `at`: it stops then if SIGTERM stops it, else `graceMs` later. */
  stop(c: ContainerRuntime, at: number, final: boolean, graceMs: number): void;
}

/**
 * The pod's termination (rt.termination) began at `at`: nothing more is started or restarted, probes stop, and a stop
 * already under way (a probe's kill) becomes final, within the termination's grace period.
 */
export function haltContainers(rt: PodRuntime, at: number): void {
  const graceMs = rt.termination?.graceMs ?? 0;
  for (const c of rt.containers) {
    c.dueAt = undefined;
    c.noticeAt = undefined;
    if (c.phase !== "running" || !c.current) continue;
    if (c.stopping) {
      c.stopping.final = true;
      c.stopping.at = Math.min(c.stopping.at, at + graceMs);
      continue;
    }
    c.startup = c.liveness = c.readiness = undefined;
    c.ready = false;
  }
}

/** The containers a termination beginning now tells to stop (a Killing event each): those running, not yet stopping. */
export function runningContainers(rt: PodRuntime): ContainerRuntime[] {
  return rt.containers.filter((c) => c.phase === "running" && c.current && !c.stopping);
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
