// The pod status the kubelet reports, computed from its runtime view: container states, phase (the kubelet's
// getPhase), conditions with stable transition times, IPs and QoS class.
import { rfc3339 } from "../runtime/clock";
import { qosClass } from "../registry/pods/defaults";
import { normalizeImage } from "./identity";
import type { ContainerRuntime, Instance, PodRuntime } from "./pod-runtime";

type Json = Record<string, any>;

function terminatedState(i: Instance): Json {
  return {
    terminated: {
      exitCode: i.exitCode ?? 0,
      reason: i.reason ?? "Completed",
      startedAt: rfc3339(i.startedAt),
      finishedAt: rfc3339(i.finishedAt ?? i.startedAt),
      containerID: `containerd://${i.containerID}`,
    },
  };
}

function containerStatus(c: ContainerRuntime, spec: Json, defaultWaiting: string): Json {
  let state: Json;
  const current = c.current;
  if (current && current.finishedAt === undefined) state = { running: { startedAt: rfc3339(current.startedAt) } };
  else if (c.waiting) state = { waiting: { reason: c.waiting.reason, ...(c.waiting.message ? { message: c.waiting.message } : {}) } };
  else if (current) state = terminatedState(current);
  else state = { waiting: { reason: defaultWaiting } };
  const image = String(spec.image ?? "");
  const status: Json = {
    name: c.name,
    state,
    lastState: c.previous ? terminatedState(c.previous) : {},
    ready: c.ready,
    restartCount: c.restartCount,
    image: c.imageID ? normalizeImage(image) : image,
    imageID: c.imageID ?? "",
    started: !!(current && current.finishedAt === undefined && c.started),
  };
  if (current) status.containerID = `containerd://${current.containerID}`;
  else if (c.previous && state.waiting) status.containerID = `containerd://${c.previous.containerID}`;
  return status;
}

/** The kubelet's getPhase over app container statuses. */
export function podPhase(statuses: Json[], initDone: boolean, initFailed: boolean, restartPolicy: string): string {
  if (initFailed) return "Failed";
  if (!initDone) return "Pending";
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const s of statuses) {
    if (s.state.running) running++;
    else if (s.state.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.state.waiting && s.lastState?.terminated) {
      stopped++;
      if (s.lastState.terminated.exitCode === 0) succeeded++;
    } else waiting++;
  }
  if (waiting > 0) return "Pending";
  if (running > 0) return "Running";
  if (stopped === 0) return "Pending";
  if (restartPolicy === "Always") return "Running";
  if (stopped === succeeded) return "Succeeded";
  return restartPolicy === "OnFailure" ? "Running" : "Failed";
}

function condition(type: string, ok: boolean, reason?: string, message?: string): Json {
  return { type, status: ok ? "True" : "False", ...(ok || !reason ? {} : { reason }), ...(ok || !message ? {} : { message }) };
}

/** Keep each condition's lastTransitionTime unless its status changed. */
function withTransitions(next: Json[], previous: Json[] | undefined, now: number): Json[] {
  return next.map((c) => {
    const old = previous?.find((p) => p.type === c.type);
    const lastTransitionTime = old && old.status === c.status ? old.lastTransitionTime : rfc3339(now);
    return { ...c, lastProbeTime: null, lastTransitionTime };
  });
}

/** The full status for `pod` given the kubelet's runtime and the node's IP. */
export function computePodStatus(pod: Json, rt: PodRuntime, hostIP: string, now: number): Json {
  const spec = pod.spec ?? {};
  const old = pod.status ?? {};
  const specs = new Map<string, Json>();
  for (const c of spec.initContainers ?? []) specs.set(`i/${c.name}`, c);
  for (const c of spec.containers ?? []) specs.set(`c/${c.name}`, c);
  const init = rt.containers.filter((c) => c.init);
  const app = rt.containers.filter((c) => !c.init);
  const initDone = init.every((c) => c.phase === "done" && c.current?.exitCode === 0);
  const initFailed = init.some((c) => c.phase === "done" && (c.current?.exitCode ?? 0) !== 0);
  const initStatuses = init.map((c) => containerStatus(c, specs.get(`i/${c.name}`) ?? {}, "PodInitializing"));
  const appStatuses = app.map((c) => containerStatus(c, specs.get(`c/${c.name}`) ?? {}, initDone ? "ContainerCreating" : "PodInitializing"));
  const phase = podPhase(appStatuses, initDone, initFailed, spec.restartPolicy ?? "Always");
  const terminal = phase === "Succeeded" || phase === "Failed";
  const unready = app.filter((c) => !c.ready).map((c) => c.name);
  const incomplete = init.filter((c) => !(c.phase === "done" && c.current?.exitCode === 0)).map((c) => c.name);
  const readyReason = terminal ? "PodCompleted" : "ContainersNotReady";
  const readyMessage = terminal ? undefined : `containers with unready status: [${unready.join(" ")}]`;
  const conditions = [
    condition("PodReadyToStartContainers", rt.sandboxReady && !terminal),
    condition("Initialized", initDone, terminal && !initFailed ? "PodCompleted" : "ContainersNotInitialized", `containers with incomplete status: [${incomplete.join(" ")}]`),
    condition("Ready", unready.length === 0 && !terminal, readyReason, readyMessage),
    condition("ContainersReady", unready.length === 0 && !terminal, readyReason, readyMessage),
    (old.conditions ?? []).find((c: Json) => c.type === "PodScheduled") ?? condition("PodScheduled", true),
  ];
  const podIP = spec.hostNetwork ? (rt.sandboxReady ? hostIP : undefined) : rt.podIP;
  const status: Json = {
    phase,
    conditions: withTransitions(conditions, old.conditions, now),
    hostIP,
    hostIPs: [{ ip: hostIP }],
    ...(podIP ? { podIP, podIPs: [{ ip: podIP }] } : {}),
    startTime: rfc3339(rt.acceptedAt),
    ...(initStatuses.length ? { initContainerStatuses: initStatuses } : {}),
    containerStatuses: appStatuses,
    qosClass: old.qosClass ?? qosClass(spec),
  };
  if (old.nominatedNodeName) status.nominatedNodeName = old.nominatedNodeName;
  return status;
}
