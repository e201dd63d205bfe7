// `kubectl get pods`: READY, STATUS, RESTARTS computed like the apiserver's printPod.
import { isRecord, type KubeObject } from "../../../api/object";
import type { Printer } from "../types";
import { humanDuration, parseTimestamp, translateTimestampSince } from "../printing/age";
import { ageColumn, column, nameColumn } from "../printing/columns";
import { at, int, list, record, text } from "../printing/fields";
import { NONE } from "../printing/format";

type Rec = Record<string, unknown>;

const columns = [
  nameColumn,
  column("Ready", "string", "The aggregate readiness state of this pod for accepting traffic."),
  column("Status", "string", "The aggregate status of the containers in this pod."),
  column(
    "Restarts",
    "string",
    "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.",
  ),
  ageColumn,
  column(
    "IP",
    "string",
    "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.",
    1,
  ),
  column("Node", "string", "NodeName indicates in which node this pod is scheduled.", 1),
  column(
    "Nominated Node",
    "string",
    "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right " +
      "away as preemption victims receive their graceful termination periods.",
    1,
  ),
  column("Readiness Gates", "string", "If specified, all readiness gates will be evaluated for pod readiness.", 1),
];

/** The cells READY, STATUS and RESTARTS of one pod. */
export interface PodSummary {
  ready: string;
  status: string;
  restarts: string;
}

/** Latest of the current latest finish time and a container's last termination (Go's `lastRestartDate`). */
function laterFinish(latest: number | undefined, container: Rec): number | undefined {
  const finished = parseTimestamp(at(container, "lastState", "terminated", "finishedAt"));
  if (finished === undefined) return latest;
  return latest === undefined || finished > latest ? finished : latest;
}

function hasCondition(status: Rec, type: string): boolean | undefined {
  const cond = list(status.conditions).map(record).find((c) => c.type === type);
  return cond === undefined ? undefined : cond.status === "True";
}

function isRestartable(container: Rec | undefined): boolean {
  return container?.restartPolicy === "Always";
}

function terminatedReason(terminated: Rec, prefix: string): string {
  const reason = text(terminated.reason);
  if (reason !== "") return prefix + reason;
  const signal = int(terminated.signal);
  return signal !== 0 ? `${prefix}Signal:${signal}` : `${prefix}ExitCode:${int(terminated.exitCode)}`;
}

export function summarizePod(pod: KubeObject, now: number): PodSummary {
  const spec = record(pod.spec);
  const status = record(pod.status);
  const specInit = list(spec.initContainers).map(record);
  const initByName = new Map(specInit.map((c) => [text(c.name), c]));

  let restarts = 0;
  let restartableRestarts = 0;
  let ready = 0;
  const total = list(spec.containers).length + specInit.filter(isRestartable).length;
  let lastRestart: number | undefined;
  let lastRestartableRestart: number | undefined;

  const phase = text(status.phase);
  let reason = text(status.reason) || phase;
  for (const cond of list(status.conditions).map(record)) {
    if (cond.type === "PodScheduled" && cond.reason === "SchedulingGated") reason = "SchedulingGated";
  }

  let initializing = false;
  const initStatuses = list(status.initContainerStatuses).map(record);
  for (let i = 0; i < initStatuses.length; i++) {
    const container = initStatuses[i]!;
    const restartable = isRestartable(initByName.get(text(container.name)));
    restarts += int(container.restartCount);
    lastRestart = laterFinish(lastRestart, container);
    if (restartable) {
      restartableRestarts += int(container.restartCount);
      lastRestartableRestart = laterFinish(lastRestartableRestart, container);
    }
    const terminated = at(container, "state", "terminated");
    const waitingReason = text(at(container, "state", "waiting", "reason"));
    if (isRecord(terminated) && int(terminated.exitCode) === 0) continue;
    if (restartable && container.started === true) {
      if (container.ready === true) ready++;
      continue;
    }
    if (isRecord(terminated)) reason = terminatedReason(terminated, "Init:");
    else if (waitingReason !== "" && waitingReason !== "PodInitializing") reason = `Init:${waitingReason}`;
    else reason = `Init:${i}/${specInit.length}`;
    initializing = true;
    break;
  }

  if (!initializing || hasCondition(status, "Initialized") === true) {
    restarts = restartableRestarts;
    lastRestart = lastRestartableRestart;
    let hasRunning = false;
    const statuses = list(status.containerStatuses).map(record);
    for (let i = statuses.length - 1; i >= 0; i--) {
      const container = statuses[i]!;
      restarts += int(container.restartCount);
      lastRestart = laterFinish(lastRestart, container);
      const state = record(container.state);
      const waitingReason = text(at(state, "waiting", "reason"));
      if (waitingReason !== "") reason = waitingReason;
      else if (isRecord(state.terminated)) reason = terminatedReason(state.terminated, "");
      else if (container.ready === true && isRecord(state.running)) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === "Completed" && hasRunning) {
      reason = hasCondition(status, "Ready") === true ? "Running" : "NotReady";
    }
  }

  const deleting = typeof pod.metadata.deletionTimestamp === "string";
  if (deleting && status.reason === "NodeLost") reason = "Unknown";
  else if (deleting && phase !== "Succeeded" && phase !== "Failed") reason = "Terminating";

  let restartsCell = String(restarts);
  if (restarts !== 0 && lastRestart !== undefined) {
    restartsCell = `${restarts} (${humanDuration(now - lastRestart)} ago)`;
  }
  return { ready: `${ready}/${total}`, status: reason, restarts: restartsCell };
}

function readinessGates(spec: Rec, status: Rec): string {
  const gates = list(spec.readinessGates).map(record);
  if (gates.length === 0) return NONE;
  const conditions = list(status.conditions).map(record);
  const trueCount = gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === "True").length;
  return `${trueCount}/${gates.length}`;
}

export const printer: Printer = {
  columns,
  cells(pod, now) {
    const spec = record(pod.spec);
    const status = record(pod.status);
    const { ready, status: phase, restarts } = summarizePod(pod, now);
    return [
      pod.metadata.name ?? "",
      ready,
      phase,
      restarts,
      translateTimestampSince(pod.metadata.creationTimestamp, now),
      text(record(list(status.podIPs)[0]).ip) || text(status.podIP) || NONE,
      text(spec.nodeName) || NONE,
      text(status.nominatedNodeName) || NONE,
      readinessGates(spec, status),
    ];
  },
};
