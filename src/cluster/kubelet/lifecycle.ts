// The pod lifecycle as a discrete-event simulation: every container has a next due moment (pull done, start,
// exit, probe, restart, back-off notice), and so does the pod (its active deadline, a sidecar's turn to stop);
// `advancePod` applies every step due up to `now` in time order, collecting the events the kubelet would have written
// at those moments, and says when the next step is due. Which container may start is sidecars.ts, how a pod stops
// for good is termination.ts, what a probe run does is probing.ts. Pure apart from the node's image cache and IP
// pool it is handed.
import type { TimingProfile } from "../timing";
import { backoffDelay, goDuration, pullDuration } from "./backoff";
import { ConfigError, type PodSources } from "./env";
import { containerID, imageBytes, imageRef } from "./identity";
import { activeDeadlineAt, exceedDeadline } from "./deadline";
import type { NodeState } from "./node-state";
import { restartsAfterExit, type ContainerRuntime, type PodRuntime } from "./pod-runtime";
import { runProbeStep, startProbes, type ProbeHost } from "./probing";
import type { ContainerRuntimePort, ProcessSpec } from "./runtime-port";
import { processSpecFor } from "./process-spec";
import { startable, workDone } from "./sidecars";
import { allStopped, beginTermination, signalStops, turnTimeout, type StopHost } from "./termination";
import { missingVolumeSource } from "./volumes";

type Json = Record<string, any>;

export interface KubeletEvent {
  at: number;
  type: "Normal" | "Warning";
  reason: string;
  message: string;
  fieldPath?: string;
}

export interface LifecycleEnv {
  timing: TimingProfile;
  node: NodeState;
  sources: PodSources;
  runtime: ContainerRuntimePort;
}

export interface AdvanceResult {
  events: KubeletEvent[];
  /** The next moment something is due, if anything. */
  nextAt?: number;
  /** Every container has stopped after a deletion: the pod may be removed. */
  stopped: boolean;
}

/** Guard against a runaway loop (a bug, not a pod). */
const maxSteps = 10_000;

class PodSimulation implements StopHost, ProbeHost {
  readonly events: KubeletEvent[] = [];
  private readonly spec: Json;
  private readonly byName = new Map<string, Json>();
  readonly runtime: ContainerRuntimePort;

  constructor(
    private readonly pod: Json,
    readonly rt: PodRuntime,
    private readonly env: LifecycleEnv,
  ) {
    this.spec = pod.spec ?? {};
    this.runtime = env.runtime;
    for (const c of this.spec.initContainers ?? []) this.byName.set(`i/${c.name}`, c);
    for (const c of this.spec.containers ?? []) this.byName.set(`c/${c.name}`, c);
  }

  containerSpec(c: ContainerRuntime): Json {
    return this.byName.get(`${c.init ? "i" : "c"}/${c.name}`) ?? {};
  }

  emit(at: number, c: ContainerRuntime | undefined, type: KubeletEvent["type"], reason: string, message: string): void {
    const fieldPath = c ? `spec.${c.init ? "initContainers" : "containers"}{${c.name}}` : undefined;
    this.events.push({ at, type, reason, message, fieldPath });
  }

  private podRef(): string {
    const m = this.pod.metadata;
    return `${m.name}_${m.namespace}(${m.uid})`;
  }

  /** After every step at `at`: end a pod whose work is done, stop sidecars whose turn came, start whoever's turn came. */
  settle(at: number): void {
    if (!this.rt.termination && workDone(this.rt)) beginTermination(this, "finished", at, this.graceMs());
    signalStops(this, at);
    if (!this.rt.sandboxReady || this.rt.termination) return;
    for (const c of startable(this.rt)) if (c.phase === "pending" && c.dueAt === undefined) c.dueAt = at;
  }

  private graceMs(): number {
    return (this.spec.terminationGracePeriodSeconds ?? 30) * 1000;
  }

  /** The earliest due moment and what to run then. */
  nextStep(): { at: number; run: (at: number) => void } | undefined {
    let best: { at: number; run: (at: number) => void } | undefined;
    const offer = (at: number | undefined, run: (at: number) => void) => {
      if (at !== undefined && Number.isFinite(at) && (!best || at < best.at)) best = { at, run };
    };
    const termination = this.rt.termination;
    const live = !termination || (termination.cause === "finished" && !allStopped(this.rt));
    if (live) offer(activeDeadlineAt(this.pod, this.rt), (at) => exceedDeadline(this, at, this.graceMs()));
    offer(turnTimeout(this.rt), (at) => signalStops(this, at));
    if (!this.rt.sandboxReady) {
      if (!termination && Number.isFinite(this.rt.sandboxAt)) offer(this.rt.sandboxAt, (at) => this.sandbox(at));
      return best;
    }
    for (const c of this.rt.containers) {
      if (c.stopping) offer(c.stopping.at, (at) => this.finish(c, at, c.stopping!.final ? undefined : "probe"));
      else if (c.phase === "running" && c.current) {
        const exit = c.current.process?.exit;
        if (exit) offer(c.current.startedAt + exit.atMs, (at) => this.finish(c, at, "exit"));
        for (const kind of ["startup", "liveness", "readiness"] as const) {
          const run = c[kind];
          if (run) offer(run.nextAt, (at) => runProbeStep(this, c, kind, at));
        }
      }
      if (termination) continue;
      offer(c.noticeAt, (at) => this.notice(c, at));
      if (c.dueAt !== undefined) offer(c.dueAt, (at) => this.due(c, at));
    }
    return best;
  }

  private sandbox(at: number): void {
    const missing = missingVolumeSource(this.pod, this.env.sources);
    if (missing) {
      this.emit(at, undefined, "Warning", "FailedMount", `MountVolume.SetUp failed for volume "${missing.volume}" : ${missing.message}`);
      this.rt.sandboxAt = Number.POSITIVE_INFINITY;
      return;
    }
    this.rt.sandboxReady = true;
    this.rt.podIP = this.spec.hostNetwork ? undefined : this.env.node.allocate(this.rt.uid);
  }


  private due(c: ContainerRuntime, at: number): void {
    c.dueAt = undefined;
    switch (c.phase) {
      case "pending":
      case "pullBackoff":
      case "blocked":
        return this.prepare(c, at);
      case "pulling":
        return this.pulled(c, at);
      case "creating":
        return this.startInstance(c, at);
      case "exited":
        return this.restart(c, at);
    }
  }

  /** Check the image and pull it if needed; then create. */
  private prepare(c: ContainerRuntime, at: number): void {
    const spec = this.containerSpec(c);
    const image = String(spec.image ?? "");
    const invalid = this.runtime.invalidImageMessage(image);
    if (invalid) {
      c.phase = "blocked";
      c.waiting = { reason: "InvalidImageName", message: invalid };
      this.emit(at, c, "Warning", "InspectFailed", invalid);
      this.emit(at, c, "Warning", "Failed", "Error: InvalidImageName");
      return;
    }
    const policy = spec.imagePullPolicy ?? "IfNotPresent";
    const present = this.env.node.hasImage(image);
    if (policy === "Never" && !present) {
      const message = `Container image "${image}" is not present with pull policy of Never`;
      c.phase = "blocked";
      c.waiting = { reason: "ErrImageNeverPull", message };
      this.emit(at, c, "Warning", "ErrImageNeverPull", message);
      return;
    }
    if (present && policy !== "Always") {
      this.emit(at, c, "Normal", "Pulled", `Container image "${image}" already present on machine`);
      return this.create(c, at);
    }
    const result = this.runtime.pull(image);
    const timing = this.env.timing;
    const ms = result.ok ? (present ? Math.ceil(timing.imagePullMs.small / 3) : timing.imagePullMs[result.size]) : timing.imagePullMs.small;
    this.emit(at, c, "Normal", "Pulling", `Pulling image "${image}"`);
    c.phase = "pulling";
    c.dueAt = at + ms;
  }

  private pulled(c: ContainerRuntime, at: number): void {
    const image = String(this.containerSpec(c).image ?? "");
    const result = this.runtime.pull(image);
    if (!result.ok) {
      c.pullFailures += 1;
      c.phase = "pullBackoff";
      c.waiting = { reason: "ErrImagePull", message: result.message };
      this.emit(at, c, "Warning", "Failed", result.message);
      this.emit(at, c, "Warning", "Failed", "Error: ErrImagePull");
      const delay = backoffDelay(c.pullFailures, this.env.timing);
      c.dueAt = at + delay;
      c.noticeAt = at + Math.min(delay / 2, this.noticeDelay());
      return;
    }
    const waited = this.pullStartedAt(c, at);
    this.env.node.addImage(image);
    c.pullFailures = 0;
    c.imageID = imageRef(image, result.digest).id;
    const took = pullDuration(at - waited);
    this.emit(at, c, "Normal", "Pulled", `Successfully pulled image "${image}" in ${took} (${took} including waiting). Image size: ${imageBytes(result)} bytes.`);
    this.create(c, at);
  }

  /** When the pull that ends at `at` began (the Pulling event). */
  private pullStartedAt(c: ContainerRuntime, at: number): number {
    for (let i = this.events.length - 1; i >= 0; i--) {
      const e = this.events[i]!;
      if (e.reason === "Pulling" && e.fieldPath?.endsWith(`{${c.name}}`)) return e.at;
    }
    const spec = this.containerSpec(c);
    const result = this.runtime.pull(String(spec.image ?? ""));
    return at - (result.ok ? this.env.timing.imagePullMs[result.size] : 0);
  }

  /** A short pause before a back-off reason replaces the error reason (the kubelet's next sync). */
  private noticeDelay(): number {
    return Math.max(1, Math.floor(this.env.timing.backoffBaseMs / 10));
  }

  /** Resolve environment and files; a missing reference blocks with CreateContainerConfigError. */
  private create(c: ContainerRuntime, at: number): void {
    const spec = this.containerSpec(c);
    try {
      c.spec = this.processSpec(spec);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      c.phase = "blocked";
      c.waiting = { reason: "CreateContainerConfigError", message: error.message };
      this.emit(at, c, "Warning", "Failed", `Error: ${error.message}`);
      return;
    }
    if (!c.imageID) {
      const result = this.runtime.pull(String(spec.image ?? ""));
      if (result.ok) c.imageID = imageRef(String(spec.image), result.digest).id;
    }
    c.phase = "creating";
    c.dueAt = at + this.env.timing.containerStartMs;
  }

  processSpec(spec: Json): ProcessSpec {
    return processSpecFor(this.podWithIPs(), spec, this.env.sources);
  }

  /** The pod as the downward API sees it now (IPs assigned by this simulation may not be in its status yet). */
  private podWithIPs(): Json {
    if (!this.rt.podIP || this.pod.status?.podIP) return this.pod;
    return { ...this.pod, status: { ...this.pod.status, podIP: this.rt.podIP, podIPs: [{ ip: this.rt.podIP }] } };
  }

  private startInstance(c: ContainerRuntime, at: number): void {
    const spec = this.containerSpec(c);
    c.current = {
      containerID: containerID(this.rt.uid, c.name, c.restartCount),
      startedAt: at,
      process: this.runtime.start(c.spec!, at),
    };
    c.phase = "running";
    c.waiting = undefined;
    c.noticeAt = undefined;
    this.emit(at, c, "Normal", "Created", `Created container: ${c.name}`);
    this.emit(at, c, "Normal", "Started", `Started container ${c.name}`);
    startProbes(c, spec, at);
  }

  /** Ask the container to stop at `at`: at once when SIGTERM stops it, else after the grace period. */
  stop(c: ContainerRuntime, at: number, final: boolean, graceMs = this.graceMs()): void {
    const prompt = c.current?.process?.stopsOnSigterm ?? true;
    c.stopping = { at: prompt ? at : at + graceMs, final };
    c.startup = c.liveness = c.readiness = undefined;
    c.ready = false;
  }

  /** The instance ends at `at` (by itself, killed after a failed probe, or for the pod's deletion). */
  private finish(c: ContainerRuntime, at: number, cause: "exit" | "probe" | undefined): void {
    const instance = c.current!;
    const stopped = c.stopping;
    c.stopping = undefined;
    c.startup = c.liveness = c.readiness = undefined;
    c.ready = false;
    const exit = cause === "exit" ? instance.process?.exit : undefined;
    const graceful = stopped ? stopped.at === at && (instance.process?.stopsOnSigterm ?? true) : false;
    instance.finishedAt = at;
    instance.exitCode = exit ? exit.code : graceful ? 0 : 137;
    instance.reason = exit ? exit.reason : graceful ? "Completed" : "Error";
    if (!cause) {
      c.phase = "done";
      return;
    }
    this.exited(c, at);
  }

  private shouldRestart(c: ContainerRuntime, exitCode: number): boolean {
    return !this.rt.termination && restartsAfterExit(c, exitCode, this.spec.restartPolicy ?? "Always");
  }

  private exited(c: ContainerRuntime, at: number): void {
    const instance = c.current!;
    if (!this.shouldRestart(c, instance.exitCode ?? 0)) {
      c.phase = "done";
      return;
    }
    const ran = at - instance.startedAt;
    if (ran >= this.env.timing.backoffResetMs) c.crashStreak = 0;
    const delay = backoffDelay(c.crashStreak, this.env.timing);
    c.crashStreak += 1;
    c.phase = "exited";
    c.dueAt = at + delay;
    if (delay > 0) c.noticeAt = at + Math.min(delay / 2, this.noticeDelay());
  }

  private restart(c: ContainerRuntime, at: number): void {
    const instance = c.current;
    if (instance && !this.shouldRestart(c, instance.exitCode ?? 0)) {
      c.phase = "done";
      return;
    }
    if (instance) c.previous = instance;
    c.current = undefined;
    c.restartCount += 1;
    c.phase = "pending";
    this.prepare(c, at);
  }

  /** Show the back-off reason after an error, as the kubelet's next sync does. */
  private notice(c: ContainerRuntime, at: number): void {
    c.noticeAt = undefined;
    const image = String(this.containerSpec(c).image ?? "");
    if (c.phase === "pullBackoff") {
      c.waiting = { reason: "ImagePullBackOff", message: `Back-off pulling image "${image}"` };
      this.emit(at, c, "Normal", "BackOff", `Back-off pulling image "${image}"`);
      this.emit(at, c, "Warning", "Failed", "Error: ImagePullBackOff");
    } else if (c.phase === "exited" && c.dueAt !== undefined) {
      const delay = c.dueAt - (c.current?.finishedAt ?? at);
      c.waiting = {
        reason: "CrashLoopBackOff",
        message: `back-off ${goDuration(delay)} restarting failed container=${c.name} pod=${this.podRef()}`,
      };
      c.previous = c.current;
      c.current = undefined;
      this.emit(at, c, "Warning", "BackOff", `Back-off restarting failed container ${c.name} in pod ${this.podRef()}`);
    }
  }

  /** After a restart of the object, or once a settled pod let go of them: give running containers their process back. */
  restoreProcesses(): void {
    for (const c of this.rt.containers) {
      if (!c.current || c.current.process || c.phase !== "running") continue;
      try {
        // The spec the instance started with, when known: the pod's may have changed since (a new image).
        c.spec ??= this.processSpec(this.containerSpec(c));
        c.current.process = this.runtime.start(c.spec, c.current.startedAt);
      } catch {
        c.current.process = undefined;
      }
    }
  }

  /** A running app container or sidecar whose image was changed in the pod spec is killed and restarted with it. */
  restartChanged(now: number): void {
    for (const c of this.rt.containers) {
      if ((c.init && !c.sidecar) || c.phase !== "running" || c.stopping || !c.spec) continue;
      if (c.spec.image === String(this.containerSpec(c).image ?? "")) continue;
      const message = c.sidecar ? `Init container ${c.name} definition changed` : `Container ${c.name} definition changed, will be restarted`;
      this.emit(now, c, "Normal", "Killing", message);
      this.stop(c, now, false);
    }
  }

  /** Config errors are retried whenever the pod is looked at (a ConfigMap or Secret may have appeared). */
  retryBlocked(now: number): void {
    if (!this.rt.sandboxReady && this.rt.sandboxAt === Number.POSITIVE_INFINITY) this.rt.sandboxAt = now;
    for (const c of this.rt.containers) if (c.phase === "blocked" && c.waiting?.reason === "CreateContainerConfigError") c.dueAt = now;
  }
}

/**
 * Apply every lifecycle step of `pod` due up to `now`. `deletion` is set once the pod has a deletionTimestamp:
 * containers are asked to stop, and `stopped` says when the pod can be removed.
 */
export function advancePod(pod: Json, rt: PodRuntime, env: LifecycleEnv, now: number, deletion?: { graceSeconds: number }): AdvanceResult {
  const sim = new PodSimulation(pod, rt, env);
  sim.restoreProcesses();
  if (deletion) beginTermination(sim, "deletion", now, deletion.graceSeconds * 1000);
  else if (!rt.termination) {
    sim.retryBlocked(now);
    sim.restartChanged(now);
  }
  sim.settle(now);
  for (let i = 0; i < maxSteps; i++) {
    const step = sim.nextStep();
    if (!step || step.at > now) {
      const stopped = rt.termination?.cause === "deletion" && allStopped(rt);
      return { events: sim.events, nextAt: stopped || !Number.isFinite(step?.at) ? undefined : step!.at, stopped };
    }
    step.run(step.at);
    sim.settle(step.at);
  }
  return { events: sim.events, nextAt: now + 1000, stopped: false };
}
