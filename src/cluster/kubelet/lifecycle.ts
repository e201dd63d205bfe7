// The pod lifecycle as a discrete-event simulation: every container has a next due moment (pull done, start,
// exit, probe, restart, back-off notice), and so does the pod (its active deadline, a sidecar's turn to stop);
// `advancePod` applies every step due up to `now` in time order, collecting the events the kubelet would have written
// at those moments, and says when the next step is due. What a container's step does is the stage table (stages.ts,
// applied by stage-engine.ts), what a pod's own step does (sandbox, deadline, termination) the pod stage table
// (pod-stages.ts, applied by pod-stage-engine.ts); this file only decides when each trigger fires. What a probe run
// does is probing.ts. Pure apart from the node's image cache and IP pool it is handed.
import { withExecs } from "./exec-journal";
import type { Container, Pod, PodSpec } from "../../api/schemas";
import type { TimingProfile } from "../timing";
import { activeDeadlineAt } from "./deadline";
import { ConfigError, type PodSources } from "./env";
import type { NodeState } from "./node-state";
import { containerKey, listOf, restartsAfterExit, specsByKey, type ContainerRuntime, type PodRuntime } from "./pod-runtime";
import { runProbeStep, type ProbeHost } from "./probing";
import { processSpecFor } from "./process-spec";
import type { ContainerRuntimePort, ProcessSpec } from "./runtime-port";
import { runAsNonRootError } from "./security-context";
import { networkClientOf, type PodNetworkPort } from "./network-port";
import { firePod, podAccepts, type PodStageHost } from "./pod-stage-engine";
import type { PodTrigger } from "./pod-stages";
import { workDone } from "./sidecars";
import { fire, type StageHost } from "./stage-engine";
import { kubeletEvents, render, type EventBody, type EventType } from "./stages";
import { allStopped, turnTimeout } from "./termination";
import { missingVolumeSource } from "./volumes";
import { emptyDirEviction } from "./volume-eviction";

export interface KubeletEvent {
  at: number;
  type: EventType;
  reason: string;
  message: string;
  fieldPath?: string;
}

export interface LifecycleEnv {
  timing: TimingProfile;
  node: NodeState;
  sources: PodSources;
  runtime: ContainerRuntimePort;
  /** The pod network each container gets; the simulator's default network when absent. */
  network?: PodNetworkPort;
  /** The eviction manager chose the pod under node pressure (memory-pressure.ts): when, and its message. */
  nodeEviction?: { at: number; message: string };
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

class PodSimulation implements PodStageHost, ProbeHost, StageHost {
  readonly events: KubeletEvent[] = [];
  /** The container runtime: the lifecycle's only way to it. */
  readonly runtime: ContainerRuntimePort;
  readonly podRef: string;
  private readonly spec: PodSpec | Partial<PodSpec>;
  private readonly byName: Map<string, Container>;

  constructor(
    private readonly pod: Pod,
    readonly rt: PodRuntime,
    private readonly env: LifecycleEnv,
    private readonly deletion?: { graceSeconds: number },
  ) {
    this.spec = pod.spec ?? {};
    this.runtime = env.runtime;
    this.byName = specsByKey(this.spec);
    const m = pod.metadata ?? {};
    this.podRef = `${m.name}_${m.namespace}(${m.uid})`;
  }

  get timing(): TimingProfile {
    return this.env.timing;
  }

  get node(): NodeState {
    return this.env.node;
  }

  containerSpec(c: ContainerRuntime): Container {
    return this.byName.get(containerKey(c)) ?? { name: c.name };
  }

  emit(at: number, c: ContainerRuntime | undefined, event: EventBody): void {
    const fieldPath = c ? `spec.${listOf(c)}{${c.name}}` : undefined;
    this.events.push({ at, ...event, fieldPath });
  }

  get hostNetwork(): boolean {
    return !!this.spec.hostNetwork;
  }

  /** After every step at `at`: end a pod whose work is done, then whoever's turn came starts or stops. */
  settle(at: number): void {
    if (workDone(this.rt)) firePod(this, "workDone", at);
    firePod(this, "turn", at);
  }

  graceMs(): number {
    return (this.spec.terminationGracePeriodSeconds ?? 30) * 1000;
  }

  deletionGraceMs(): number {
    return (this.deletion?.graceSeconds ?? 0) * 1000;
  }

  missingVolume(): { volume: string; message: string } | undefined {
    return missingVolumeSource(this.pod, this.env.sources);
  }

  eviction(): { at: number; message: string } | undefined {
    const volume = emptyDirEviction(this.pod, this.env.sources.volumes, this.timing.evictionIntervalMs);
    const node = this.env.nodeEviction;
    return !node || (volume && volume.at < node.at) ? volume : node;
  }

  /** The earliest due moment and what to run then. */
  nextStep(): { at: number; run: (at: number) => void } | undefined {
    let best: { at: number; run: (at: number) => void } | undefined;
    const offer = (at: number | undefined, run: (at: number) => void) => {
      if (at !== undefined && Number.isFinite(at) && (!best || at < best.at)) best = { at, run };
    };
    const podTimer = (at: number | undefined, trigger: PodTrigger) => {
      if (at !== undefined && podAccepts(this, trigger)) offer(at, (when) => firePod(this, trigger, when));
    };
    const termination = this.rt.termination;
    podTimer(activeDeadlineAt(this.pod, this.rt), "deadline");
    podTimer(turnTimeout(this.rt), "turn");
    if (!this.rt.sandboxReady) {
      podTimer(this.rt.sandboxAt, "sandboxDue");
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
    // After the runs above were scanned: their writes are in the volumes.
    podTimer(this.eviction()?.at, "evict");
    return best;
  }

  private due(c: ContainerRuntime, at: number): void {
    c.dueAt = undefined;
    fire(this, c, "due", at);
  }

  /** Show the back-off reason after an error, as the kubelet's next sync does. */
  private notice(c: ContainerRuntime, at: number): void {
    c.noticeAt = undefined;
    fire(this, c, "notice", at);
  }

  /** When the pull that ends at `at` began (the Pulling event). */
  pullStartedAt(c: ContainerRuntime, at: number): number {
    for (let i = this.events.length - 1; i >= 0; i--) {
      const e = this.events[i]!;
      if (e.reason === "Pulling" && e.fieldPath?.endsWith(`{${c.name}}`)) return e.at;
    }
    const result = this.runtime.pull(String(this.containerSpec(c).image ?? ""));
    return at - (result.ok ? this.timing.imagePullMs[result.size] : 0);
  }

  processSpec(spec: Container): ProcessSpec {
    const pod = this.podWithIPs();
    const process = processSpecFor(pod, spec, this.env.sources);
    const nonRoot = runAsNonRootError(pod, spec, this.runtime.imageUser?.(process.image));
    if (nonRoot) throw new ConfigError(nonRoot);
    return this.env.network ? { ...process, network: this.env.network.networkFor(networkClientOf(pod, spec.name)) } : process;
  }

  /** The pod as the downward API sees it now (IPs assigned by this simulation may not be in its status yet). */
  private podWithIPs(): Pod {
    if (!this.rt.podIP || this.pod.status?.podIP) return this.pod;
    return { ...this.pod, status: { ...this.pod.status, podIP: this.rt.podIP, podIPs: [{ ip: this.rt.podIP }] } };
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
    if (exit?.message) instance.message = exit.message;
    fire(this, c, cause ? "exited" : "stopped", at);
  }

  restarts(c: ContainerRuntime, exitCode: number): boolean {
    return !this.rt.termination && restartsAfterExit(c, exitCode, this.spec.restartPolicy ?? "Always");
  }

  /** After a restart of the object, or once a settled pod let go of them: give running containers their process back. */
  restoreProcesses(): void {
    for (const c of this.rt.containers) {
      if (!c.current || c.current.process || c.phase !== "running") continue;
      try {
        // The spec the instance started with, when known: the pod's may have changed since (a new image).
        c.spec ??= this.processSpec(this.containerSpec(c));
        c.current.process = this.runtime.start(withExecs(c.spec, c.current), c.current.startedAt);
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
      const killing = c.sidecar ? kubeletEvents.sidecarDefinitionChanged : kubeletEvents.definitionChanged;
      this.emit(now, c, render(killing, { container: c.name }));
      this.stop(c, now, false);
    }
  }

  /** Config errors are retried whenever the pod is looked at (a ConfigMap or Secret may have appeared). */
  retryBlocked(now: number): void {
    firePod(this, "resync", now);
    for (const c of this.rt.containers) if (c.phase === "blocked" && c.waiting?.reason === "CreateContainerConfigError") c.dueAt = now;
  }
}

/**
 * Apply every lifecycle step of `pod` due up to `now`. `deletion` is set once the pod has a deletionTimestamp:
 * containers are asked to stop, and `stopped` says when the pod can be removed.
 */
export function advancePod(pod: Pod, rt: PodRuntime, env: LifecycleEnv, now: number, deletion?: { graceSeconds: number }): AdvanceResult {
  const sim = new PodSimulation(pod, rt, env, deletion);
  sim.restoreProcesses();
  if (deletion) firePod(sim, "deleted", now);
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
