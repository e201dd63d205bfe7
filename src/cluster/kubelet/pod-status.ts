// The pod status the kubelet reports, computed from its runtime view: container states, phase (the kubelet's
// getPhase, held back from a terminal phase while a container still runs, as the status manager does; Failed with
// the kubelet's reason once it failed the pod itself), conditions with stable transition times, IPs and QoS class.
import type { Container, ContainerStatus, Pod, PodCondition, PodSpec, PodStatus } from "../../api/schemas";
import { rfc3339 } from "../../runtime/clock";
import { zeroValue } from "../registry/pod-template";
import { qosClass } from "../registry/pods/defaults";
import { normalizeImage } from "./identity";
import { containerKey, specsByKey, type ContainerRuntime, type Instance, type PodRuntime } from "./pod-runtime";
import { initProgress } from "./sidecars";
import { allStopped } from "./termination";

type ContainerState = NonNullable<ContainerStatus["state"]>;

/** What getPhase reads of a container's status. */
type ObservedContainer = Pick<ContainerStatus, "name" | "state" | "lastState" | "started">;

function terminatedState(i: Instance): ContainerState {
  return {
    terminated: {
      exitCode: i.exitCode ?? 0,
      reason: i.reason ?? "Completed",
      ...(i.message ? { message: i.message } : {}),
      startedAt: rfc3339(i.startedAt),
      finishedAt: rfc3339(i.finishedAt ?? i.startedAt),
      containerID: `containerd://${i.containerID}`,
    },
  };
}

function containerStatus(c: ContainerRuntime, spec: Container | undefined, defaultWaiting: string): ContainerStatus {
  let state: ContainerState;
  const current = c.current;
  if (current && current.finishedAt === undefined) state = { running: { startedAt: rfc3339(current.startedAt) } };
  else if (c.waiting) state = { waiting: { reason: c.waiting.reason, ...(c.waiting.message ? { message: c.waiting.message } : {}) } };
  else if (current) state = terminatedState(current);
  else state = { waiting: { reason: defaultWaiting } };
  const image = spec?.image ?? "";
  // The prober's rule: a regular init container is ready once it completed; the others by their readiness.
  const ready = c.init && !c.sidecar ? state.terminated?.exitCode === 0 : c.ready;
  const status: ContainerStatus = {
    name: c.name,
    state,
    lastState: c.previous ? terminatedState(c.previous) : {},
    ready,
    restartCount: c.restartCount,
    image: c.imageID ? normalizeImage(image) : image,
    imageID: c.imageID ?? "",
    started: !!(current && current.finishedAt === undefined && c.started),
  };
  if (current) status.containerID = `containerd://${current.containerID}`;
  else if (c.previous && state.waiting) status.containerID = `containerd://${c.previous.containerID}`;
  return status;
}

/**
 * The kubelet's getPhase: regular init containers must all complete (one that failed for good fails the pod under
 * restartPolicy Never); sidecars count as running while they run and are otherwise ignored (a pod still waiting for a
 * sidecar's start is Pending until its app containers have started); app containers decide the rest.
 */
export function podPhase(init: ObservedContainer[], app: ObservedContainer[], isSidecar: (name: string) => boolean, restartPolicy: string, hasInitialized: boolean): string {
  let pendingInit = 0;
  let pendingSidecars = 0;
  let failedInit = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const s of init) {
    const state = s.state ?? {};
    const lastExit = s.lastState?.terminated?.exitCode;
    if (isSidecar(s.name)) {
      if (state.running) {
        if (!s.started) pendingSidecars++;
        running++;
      } else if (state.waiting && lastExit === undefined) {
        pendingSidecars++;
        waiting++;
      }
    } else if (state.terminated) {
      if (state.terminated.exitCode !== 0) failedInit++;
    } else if (state.waiting && lastExit !== undefined) {
      if (lastExit !== 0) failedInit++;
    } else pendingInit++;
  }
  for (const s of app) {
    const state = s.state ?? {};
    if (state.running) running++;
    else if (state.terminated) {
      stopped++;
      if (state.terminated.exitCode === 0) succeeded++;
    } else if (state.waiting && s.lastState?.terminated) stopped++;
    else waiting++;
  }
  if (failedInit > 0 && restartPolicy === "Never") return "Failed";
  if (pendingInit > 0 || (pendingSidecars > 0 && !hasInitialized) || waiting > 0) return "Pending";
  if (running > 0) return "Running";
  if (stopped === 0) return "Pending";
  if (restartPolicy === "Always") return "Running";
  if (stopped === succeeded) return "Succeeded";
  return restartPolicy === "Never" ? "Failed" : "Running";
}

function condition(type: string, ok: boolean, reason?: string, message?: string): PodCondition {
  return { type, status: ok ? "True" : "False", ...(reason ? { reason } : {}), ...(message ? { message } : {}) };
}

/** Keep each condition's lastTransitionTime unless its status changed. */
function withTransitions(next: PodCondition[], previous: PodCondition[] | undefined, now: number): PodCondition[] {
  return next.map((c) => {
    const old = previous?.find((p) => p.type === c.type);
    const lastTransitionTime = old && old.status === c.status ? old.lastTransitionTime : rfc3339(now);
    return { ...c, lastProbeTime: null, lastTransitionTime };
  });
}

/** Conditions other components own (DisruptionTarget from the scheduler, readiness gates): kept as they are. */
function othersConditions(previous: PodCondition[] | undefined, kubelets: PodCondition[]): PodCondition[] {
  return (previous ?? []).filter((c) => !kubelets.some((k) => k.type === c.type));
}

const isTerminal = (phase: string) => phase === "Succeeded" || phase === "Failed";

/** Initialized, as the kubelet's GeneratePodInitializedCondition decides it. */
function initializedCondition(init: ContainerStatus[], app: ContainerStatus[], isSidecar: (name: string) => boolean, phase: string): PodCondition {
  if (phase === "Succeeded") return condition("Initialized", true, "PodCompleted");
  // Once an app container has run, the pod was initialized (sidecars may be restarting since).
  if (app.some((s) => s.state?.running || s.state?.terminated)) return condition("Initialized", true);
  const incomplete = init.filter((s) => !(isSidecar(s.name) ? s.started : s.ready)).map((s) => s.name);
  if (!incomplete.length) return condition("Initialized", true);
  return condition("Initialized", false, "ContainersNotInitialized", `containers with incomplete status: [${incomplete.join(" ")}]`);
}

/** ContainersReady (and Ready, without readiness gates): sidecars and app containers must all be ready. */
function readyCondition(type: string, init: ContainerStatus[], app: ContainerStatus[], isSidecar: (name: string) => boolean, phase: string): PodCondition {
  if (phase === "Succeeded") return condition(type, false, "PodCompleted");
  if (phase === "Failed") return condition(type, false, "PodFailed");
  const unready = [...init.filter((s) => isSidecar(s.name)), ...app].filter((s) => !s.ready).map((s) => s.name);
  if (!unready.length) return condition(type, true);
  return condition(type, false, "ContainersNotReady", `containers with unready status: [${unready.join(" ")}]`);
}

/** The full status for `pod` given the kubelet's runtime and the node's IP. */
export function computePodStatus(pod: Pod, rt: PodRuntime, hostIP: string, now: number): PodStatus {
  const spec = pod.spec ?? zeroValue<PodSpec>();
  const old: PodStatus = pod.status ?? {};
  const specs: Map<string, Container> = specsByKey(spec);
  const init = rt.containers.filter((c) => c.init);
  const app = rt.containers.filter((c) => !c.init && !c.ephemeral);
  const ephemeral = rt.containers.filter((c) => c.ephemeral);
  const sidecars = new Set(init.filter((c) => c.sidecar).map((c) => c.name));
  const isSidecar = (name: string) => sidecars.has(name);
  const initialized = initProgress(rt).initialized;
  const initStatuses = init.map((c) => containerStatus(c, specs.get(containerKey(c)), "PodInitializing"));
  const appStatuses = app.map((c) => containerStatus(c, specs.get(containerKey(c)), initialized ? "ContainerCreating" : "PodInitializing"));
  // Ephemeral containers are outside the phase and the conditions; their statuses are never ready.
  const ephemeralStatuses = ephemeral.map((c) => containerStatus(c, specs.get(containerKey(c)), "ContainerCreating"));
  const hasInitialized = app.some((c) => c.current || c.previous);
  const stopped = allStopped(rt);
  let phase = podPhase(initStatuses, appStatuses, isSidecar, spec.restartPolicy ?? "Always", hasInitialized);
  if (rt.evicted) phase = "Failed";
  // The status manager reports a terminal phase only once no container can be running any more.
  const reported = isTerminal(phase) && !stopped ? (old.phase ?? "Pending") : phase;
  const failure = reported === "Failed" && rt.evicted ? rt.evicted : reported === old.phase ? old : undefined;
  const conditions = [
    // The eviction manager marks the pod it kills (PodDisruptionConditions), before the kill is reported.
    ...(rt.evicted?.reason === "Evicted" ? [condition("DisruptionTarget", true, "TerminationByKubelet", rt.evicted.message)] : []),
    condition("PodReadyToStartContainers", rt.sandboxReady && !isTerminal(reported)),
    initializedCondition(initStatuses, appStatuses, isSidecar, phase),
    readyCondition("Ready", initStatuses, appStatuses, isSidecar, phase),
    readyCondition("ContainersReady", initStatuses, appStatuses, isSidecar, phase),
    (old.conditions ?? []).find((c) => c.type === "PodScheduled") ?? condition("PodScheduled", true),
  ];
  const podIP = spec.hostNetwork ? (rt.sandboxReady ? hostIP : undefined) : rt.podIP;
  return {
    phase: reported,
    conditions: [...withTransitions(conditions, old.conditions, now), ...othersConditions(old.conditions, conditions)],
    ...(failure?.message ? { message: failure.message } : {}),
    ...(failure?.reason ? { reason: failure.reason } : {}),
    ...(old.nominatedNodeName ? { nominatedNodeName: old.nominatedNodeName } : {}),
    hostIP,
    hostIPs: [{ ip: hostIP }],
    ...(podIP ? { podIP, podIPs: [{ ip: podIP }] } : {}),
    startTime: rfc3339(rt.acceptedAt),
    ...(initStatuses.length ? { initContainerStatuses: initStatuses } : {}),
    containerStatuses: appStatuses,
    ...(ephemeralStatuses.length ? { ephemeralContainerStatuses: ephemeralStatuses } : {}),
    qosClass: old.qosClass ?? qosClass(spec),
  };
}
