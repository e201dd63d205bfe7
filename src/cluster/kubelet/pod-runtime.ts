// What the kubelet tracks per pod between reconciles, in memory: each container's place in its lifecycle, its
// current and previous instance, back-off and probe counters. Rebuilt from the pod's status after a restart.
import type { Container, ContainerStatus, Pod, PodSpec } from "../../api/schemas";
import { parseTime } from "../../api/timestamp";
import type { ProcessSpec, RecordedExec, SimulatedProcess } from "./runtime-port";

type ContainerState = NonNullable<ContainerStatus["state"]>;

/** One run of a container. Times are wall-clock ms. */
export interface Instance {
  containerID: string;
  startedAt: number;
  finishedAt?: number;
  exitCode?: number;
  reason?: string;
  /** The runtime's message for a terminated instance (a StartError's). */
  message?: string;
  process?: SimulatedProcess;
  /** The execs that wrote to this run's own layer (exec-journal.ts), made again whenever its process is started. */
  execs?: RecordedExec[];
}

export interface ProbeRun {
  nextAt: number;
  successes: number;
  failures: number;
}

export type ContainerPhase =
  | "pending" // not started yet (waiting its turn, or about to be prepared at dueAt)
  | "pulling" // image pull in progress, done at dueAt
  | "pullBackoff" // ErrImagePull / ImagePullBackOff: next pull at dueAt
  | "blocked" // InvalidImageName, ErrImageNeverPull, CreateContainerConfigError: waits for a change
  | "creating" // image there, config resolved: created and started at dueAt
  | "running"
  | "exited" // terminated, restarting at dueAt
  | "done"; // terminated for good

export interface ContainerRuntime {
  name: string;
  init: boolean;
  /** An ephemeral container (spec.ephemeralContainers): started once the sandbox is up, never restarted, outside the phase. */
  ephemeral?: boolean;
  /** A restartable init container (`restartPolicy: Always`): runs beside the app containers, restarted on any exit. */
  sidecar: boolean;
  /** The container was started (running, startup probe passed) at least once: a sidecar no longer holds back the next. */
  everStarted: boolean;
  phase: ContainerPhase;
  dueAt?: number;
  /** When to switch a shown error to its back-off reason (ErrImagePull → ImagePullBackOff, exit → CrashLoopBackOff). */
  noticeAt?: number;
  waiting?: { reason: string; message?: string };
  pullFailures: number;
  crashStreak: number;
  restartCount: number;
  imageID?: string;
  spec?: ProcessSpec;
  current?: Instance;
  previous?: Instance;
  started: boolean;
  ready: boolean;
  startup?: ProbeRun;
  liveness?: ProbeRun;
  readiness?: ProbeRun;
  /** A stop in progress: the instance ends at `at`, then restarts (probe) or stays stopped (`final`: the pod ends). */
  stopping?: { at: number; final: boolean };
}

/** Why every container of a pod is being stopped for good. */
export type TerminationCause = "deletion" | "deadline" | "eviction" | "finished";

export interface Termination {
  cause: TerminationCause;
  /** When the kubelet told the containers to stop, and their grace period. */
  at: number;
  graceMs: number;
}

export interface PodRuntime {
  uid: string;
  /** When the kubelet accepted the pod (status.startTime). */
  acceptedAt: number;
  /** When the sandbox (network) is up; containers start after it. */
  sandboxAt: number;
  sandboxReady: boolean;
  podIP?: string;
  containers: ContainerRuntime[];
  /** Containers were told to stop for good: the pod's deletion, its active deadline, or its end (app containers done). */
  termination?: Termination;
  /** The kubelet failed the pod itself (DeadlineExceeded): its phase becomes Failed with this reason once all stopped. */
  evicted?: { reason: string; message: string };
}

/** The restart policy for a container that exited with `exitCode`: sidecars always come back, init containers on failure. */
export function restartsAfterExit(c: ContainerRuntime, exitCode: number, restartPolicy: string): boolean {
  if (c.ephemeral) return false;
  if (c.sidecar) return true;
  if (c.init) return exitCode !== 0 && restartPolicy !== "Never";
  return restartPolicy === "Always" || (restartPolicy === "OnFailure" && exitCode !== 0);
}

function newContainer(spec: Container, init: boolean): ContainerRuntime {
  const sidecar = init && spec.restartPolicy === "Always";
  const base = { name: spec.name, init, sidecar, everStarted: false, phase: "pending" as const };
  return { ...base, pullFailures: 0, crashStreak: 0, restartCount: 0, started: false, ready: false };
}

/** Which list of the pod spec a container is in. */
export type ContainerList = "initContainers" | "containers" | "ephemeralContainers";

export function listOf(c: Pick<ContainerRuntime, "init" | "ephemeral">): ContainerList {
  return c.ephemeral ? "ephemeralContainers" : c.init ? "initContainers" : "containers";
}

/** A container's key among all of a pod's: its list and name (`containers/app`). */
export function containerKey(c: Pick<ContainerRuntime, "init" | "ephemeral" | "name">): string {
  return `${listOf(c)}/${c.name}`;
}

/** Every container of a pod spec by containerKey (ephemeral ones are Containers plus their targetContainerName). */
export function specsByKey(spec: Partial<PodSpec>): Map<string, Container> {
  const out = new Map<string, Container>();
  for (const list of ["initContainers", "containers", "ephemeralContainers"] as const) for (const c of spec[list] ?? []) out.set(`${list}/${c.name}`, c);
  return out;
}

/** Ephemeral containers added to the pod since the kubelet last looked get their runtime (not started yet). */
export function addEphemeralContainers(rt: PodRuntime, pod: Pod): void {
  const known = new Set(rt.containers.filter((c) => c.ephemeral).map((c) => c.name));
  for (const spec of pod.spec?.ephemeralContainers ?? []) if (!known.has(spec.name)) rt.containers.push({ ...newContainer(spec, false), ephemeral: true });
}

/**
 * Let go of the simulated processes (their shell state and filesystem) of a pod with nothing due: a process is a
 * pure function of its spec and start time, so the lifecycle restarts it from those when it next needs one (a
 * probe, a stop, an exit check). This keeps a big cluster of quiet servers small in memory.
 */
export function releaseProcesses(rt: PodRuntime): void {
  for (const c of rt.containers) if (c.current?.process) c.current.process = undefined;
}

export function newPodRuntime(pod: Pod, now: number, sandboxMs: number): PodRuntime {
  const spec: Partial<PodSpec> = pod.spec ?? {};
  return {
    uid: pod.metadata?.uid ?? "",
    acceptedAt: now,
    sandboxAt: now + sandboxMs,
    sandboxReady: false,
    containers: [
      ...(spec.initContainers ?? []).map((c) => newContainer(c, true)),
      ...(spec.containers ?? []).map((c) => newContainer(c, false)),
      ...(spec.ephemeralContainers ?? []).map((c) => ({ ...newContainer(c, false), ephemeral: true })),
    ],
  };
}

function instanceFrom(state: ContainerState | undefined, containerID: string | undefined): Instance | undefined {
  const t = state?.terminated;
  const run = t ?? state?.running;
  if (!run) return undefined;
  const startedAt = parseTime(run.startedAt);
  if (startedAt === undefined) return undefined;
  return {
    containerID: (t?.containerID ?? containerID ?? "").replace(/^containerd:\/\//, ""),
    startedAt,
    finishedAt: parseTime(t?.finishedAt),
    exitCode: t?.exitCode,
    reason: t?.reason,
    ...(t?.message ? { message: t.message } : {}),
  };
}

/** Pick up a pod the kubelet was already running before a restart, from what its status shows, at `now`. */
export function rebuildPodRuntime(pod: Pod, now: number): PodRuntime {
  const status = pod.status ?? {};
  const rt = newPodRuntime(pod, parseTime(status.startTime) ?? now, 0);
  rt.sandboxReady = !!status.podIP;
  rt.podIP = status.podIP;
  const statuses = new Map<string, ContainerStatus>();
  for (const s of status.initContainerStatuses ?? []) statuses.set(`initContainers/${s.name}`, s);
  for (const s of status.containerStatuses ?? []) statuses.set(`containers/${s.name}`, s);
  for (const s of status.ephemeralContainerStatuses ?? []) statuses.set(`ephemeralContainers/${s.name}`, s);
  for (const c of rt.containers) {
    const s = statuses.get(containerKey(c));
    if (!s) continue;
    c.restartCount = s.restartCount ?? 0;
    c.crashStreak = Math.min(c.restartCount, 5);
    c.imageID = s.imageID || undefined;
    c.previous = instanceFrom(s.lastState, undefined);
    const current = instanceFrom(s.state, s.containerID);
    if (s.state?.running && current) {
      c.current = current;
      c.phase = "running";
      c.started = s.started ?? true;
      c.ready = s.ready ?? false;
    } else if (s.state?.terminated && current) {
      c.current = current;
      const again = restartsAfterExit(c, current.exitCode ?? 0, pod.spec?.restartPolicy ?? "Always");
      c.phase = again ? "exited" : "done";
      if (again) c.dueAt = now;
    } else if (s.state?.waiting && !defaultWaiting.has(s.state.waiting.reason ?? "")) {
      c.waiting = { reason: s.state.waiting.reason ?? "", message: s.state.waiting.message };
      c.pullFailures = s.state.waiting.reason === "ImagePullBackOff" ? 1 : 0;
      c.dueAt = now;
    }
    c.everStarted = s.started === true;
  }
  // A sidecar that anything after it got to run had started before: it no longer holds back the next one.
  rt.containers.forEach((c, i) => {
    if (c.sidecar && rt.containers.slice(i + 1).some((later) => later.current || later.previous || later.waiting)) c.everStarted = true;
  });
  return rt;
}

/** Waiting reasons that only mean "not started yet": such a container starts when its turn comes. */
const defaultWaiting = new Set(["PodInitializing", "ContainerCreating"]);
