// Container logs, recomputed from the process model: which run of which container (the kubelet's
// validateContainerLogStatus, with its messages), and the lines it printed in a window, formatted as the kubelet
// serves them (tailLines, since, timestamps, limitBytes). Pure.
import { badRequest } from "../../api/status";
import type { Container, ContainerStatus, Pod } from "../../api/schemas";
import { parseTime } from "../../api/timestamp";
import type { PodSources } from "./env";
import { processSpecFor } from "./process-spec";
import { networkClientOf, type AccessLogLine, type PodNetworkPort } from "./network-port";
import type { ContainerRuntimePort, RecordedExec, SimulatedProcess } from "./runtime-port";
import type { ContainerList } from "./pod-runtime";

type ContainerState = ContainerStatus["state"];

export interface LogOptions {
  container?: string;
  previous?: boolean;
  tailLines?: number;
  /** Only lines printed at or after this wall-clock ms. */
  sinceMs?: number;
  timestamps?: boolean;
  limitBytes?: number;
}

/** One run of a container whose output can be replayed. */
export interface LogSource {
  container: Container;
  containerID: string;
  startedAt: number;
  /** When the run ended; undefined while it runs. */
  finishedAt?: number;
}

/** The container a log request names (or the only one), with the apiserver's messages. */
export function pickContainer(pod: Pod, name: string | undefined): { spec: Container; list: ContainerList } {
  const podName = pod.metadata?.name;
  const app = pod.spec?.containers ?? [];
  const init = pod.spec?.initContainers ?? [];
  const ephemeral = pod.spec?.ephemeralContainers ?? [];
  if (!name) {
    if (app.length === 1) return { spec: app[0]!, list: "containers" };
    const names = `[${app.map((c) => c.name).join(" ")}]`;
    const inits = init.length ? ` or one of the init containers: [${init.map((c) => c.name).join(" ")}]` : "";
    const ephemerals = ephemeral.length ? ` or one of the ephemeral containers: [${ephemeral.map((c) => c.name).join(" ")}]` : "";
    throw badRequest(`a container name must be specified for pod ${podName}, choose one of: ${names}${inits}${ephemerals}`);
  }
  const found = app.find((c) => c.name === name);
  if (found) return { spec: found, list: "containers" };
  const initFound = init.find((c) => c.name === name);
  if (initFound) return { spec: initFound, list: "initContainers" };
  const ephemeralFound = ephemeral.find((c) => c.name === name);
  if (ephemeralFound) return { spec: ephemeralFound, list: "ephemeralContainers" };
  throw badRequest(`container ${name} is not valid for pod ${podName}`);
}

const statusesOf: Record<ContainerList, "containerStatuses" | "initContainerStatuses" | "ephemeralContainerStatuses"> = {
  containers: "containerStatuses",
  initContainers: "initContainerStatuses",
  ephemeralContainers: "ephemeralContainerStatuses",
};

function run(container: Container, state: ContainerState, statusContainerID?: string): LogSource | undefined {
  const t = state?.terminated ?? state?.running;
  const startedAt = parseTime(t?.startedAt);
  const containerID = state?.terminated?.containerID ?? (state?.running ? statusContainerID : undefined);
  if (!t || startedAt === undefined || !containerID) return undefined;
  return { container, containerID, startedAt, finishedAt: parseTime(state?.terminated?.finishedAt) };
}

/** Which run to read (the kubelet's rules), or a 400 with its message. */
export function logSource(pod: Pod, options: Pick<LogOptions, "container" | "previous">): LogSource {
  if (!pod.spec?.nodeName) throw badRequest(`pod ${pod.metadata?.name} does not have a host assigned`);
  const { spec, list } = pickContainer(pod, options.container);
  const name = spec.name;
  const podName = pod.metadata?.name;
  const statuses = pod.status?.[statusesOf[list]] ?? [];
  const status = statuses.find((s) => s.name === name);
  const waitingOf = (reason: string | undefined) => {
    if (reason === "ErrImagePull") return "image can't be pulled";
    if (reason === "ImagePullBackOff") return "trying and failing to pull image";
    return reason ?? "ContainerCreating";
  };
  if (!status) throw badRequest(`container "${name}" in pod "${podName}" is waiting to start: ${waitingOf(undefined)}`);
  const last = run(spec, status.lastState);
  if (options.previous) {
    if (!last) throw badRequest(`previous terminated container "${name}" in pod "${podName}" not found`);
    return last;
  }
  const current = run(spec, status.state, status.containerID);
  if (current) return current;
  if (status.state?.terminated || last) {
    if (last) return last;
    throw badRequest(`container "${name}" in pod "${podName}" is terminated`);
  }
  throw badRequest(`container "${name}" in pod "${podName}" is waiting to start: ${waitingOf(status.state?.waiting?.reason)}`);
}

/**
 * The process of a run, started again from the same spec at the same moment (it is deterministic), on the pod's
 * network when there is one (its connections replay as the same connections), with the execs its kubelet kept.
 */
export function replay(pod: Pod, source: LogSource, sources: PodSources, runtime: ContainerRuntimePort, network?: PodNetworkPort, execs?: readonly RecordedExec[]): SimulatedProcess {
  const base = processSpecFor(pod, source.container, sources, source.startedAt);
  const spec = execs?.length ? { ...base, execs } : base;
  return runtime.start(network ? { ...spec, network: network.networkFor(networkClientOf(pod, source.container.name)) } : spec, source.startedAt);
}

/** The lines a run's program printed for connections it served, in a wall-clock window (kept by the network). */
export type AccessLines = (fromMs: number, untilMs: number) => AccessLogLine[];

/** RFC 3339 with nanoseconds, trailing zeros trimmed (Go's RFC3339Nano). */
export function rfc3339Nano(ms: number): string {
  const iso = new Date(ms).toISOString();
  const [head, frac] = iso.slice(0, -1).split(".") as [string, string];
  const trimmed = frac.replace(/0+$/, "");
  return trimmed ? `${head}.${trimmed}Z` : `${head}Z`;
}

/**
 * The text of the lines printed between `fromMs` and `untilMs` (wall clock), formatted per `options`: the process's
 * own output merged by time with the access-log lines of `access` (the process's line first at the same moment).
 */
export function renderLines(process: SimulatedProcess, source: LogSource, fromMs: number, untilMs: number, options: LogOptions, access?: AccessLines): string {
  // Status times are whole seconds, so a finished instance ends where its process exited (a line printed in the
  // exit's millisecond included), or a second past its recorded finish when it was stopped.
  const finished =
    source.finishedAt === undefined
      ? Number.POSITIVE_INFINITY
      : source.startedAt + (process.exit ? process.exit.atMs + 1 : source.finishedAt - source.startedAt + 1000);
  const end = Math.min(untilMs, finished);
  const from = Math.max(fromMs, source.startedAt, options.sinceMs ?? Number.NEGATIVE_INFINITY);
  if (end <= from) return "";
  let lines = mergeByTime(
    process.output(from - source.startedAt, end - source.startedAt).map((l) => ({ atMs: source.startedAt + l.atMs, text: l.text })),
    access?.(from, end) ?? [],
  );
  if (options.tailLines !== undefined) lines = options.tailLines <= 0 ? [] : lines.slice(-options.tailLines);
  let text = lines.map((l) => (options.timestamps ? `${rfc3339Nano(l.atMs)} ${l.text}\n` : `${l.text}\n`)).join("");
  if (options.limitBytes !== undefined) text = truncateBytes(text, options.limitBytes);
  return text;
}

/** Two time-ordered lists of wall-clock lines as one; `a`'s line first at the same moment. */
function mergeByTime(a: { atMs: number; text: string }[], b: { atMs: number; text: string }[]): { atMs: number; text: string }[] {
  if (!b.length) return a;
  const out: { atMs: number; text: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.atMs <= b[j]!.atMs)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

/** The first `limit` bytes of `text` (UTF-8), as the kubelet cuts a log at `limitBytes`. */
export function truncateBytes(text: string, limit: number): string {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= limit) return text;
  return new TextDecoder().decode(bytes.slice(0, Math.max(0, limit)));
}

/** Parse the log query (`container`, `previous`, `tailLines`, `sinceSeconds`, `sinceTime`, `timestamps`, `limitBytes`). */
export function parseLogQuery(query: URLSearchParams, now: number): LogOptions & { follow: boolean } {
  const int = (name: string) => {
    const raw = query.get(name);
    if (raw === null || raw === "") return undefined;
    const value = Number(raw);
    if (!Number.isInteger(value)) throw badRequest(`invalid value for ${name}: ${raw}`);
    return value;
  };
  const bool = (name: string) => query.get(name) === "true" || query.get(name) === "1";
  const sinceSeconds = int("sinceSeconds");
  if (sinceSeconds !== undefined && sinceSeconds < 1) throw badRequest("sinceSeconds: Invalid value: must be greater than 0");
  const sinceTime = query.get("sinceTime");
  const limitBytes = int("limitBytes");
  if (limitBytes !== undefined && limitBytes < 1) throw badRequest("limitBytes: Invalid value: must be greater than 0");
  return {
    container: query.get("container") || undefined,
    previous: bool("previous"),
    follow: bool("follow"),
    timestamps: bool("timestamps"),
    tailLines: int("tailLines"),
    limitBytes,
    sinceMs: sinceSeconds !== undefined ? now - sinceSeconds * 1000 : sinceTime ? parseTime(sinceTime) : undefined,
  };
}
