// The kubelet's side of `kubectl exec` (registry/pods/node-connection.ts): the container's current run, started
// again from its spec and the execs kept for it (it is deterministic), runs the command as a second process beside
// the main one, with the container's filesystem, environment and network as they are at this moment. A command that
// ended after writing to the container's own layer is kept in the run's exec journal (exec-journal.ts).
import { failure } from "../../api/status";
import type { Pod } from "../../api/schemas";
import type { ExecOutcome, PodExecRequest, PodStreamSession } from "../registry/pods/node-connection";
import type { Terminal } from "./runtime-port";
import { logSource, replay, type LogSource } from "./logs";
import type { LogServerDependencies } from "./log-server";
import type { PodSources } from "./env";

/** Virtual time an exec'd command may run before it counts as still running (it waits for input or never ends). */
const execHorizonMs = 60 * 60 * 1000;

const runtimeMissing = /^OCI runtime exec failed: exec failed: unable to start container process: (exec: .*)$/;

/** The container's running instance, or the kubelet's `container not found` (a container that is not running). */
export function runningSource(pod: Pod, container: string): LogSource {
  const notFound = () => failure(500, "InternalError", `container not found (${JSON.stringify(container)})`);
  let source: LogSource;
  try {
    source = logSource(pod, { container, previous: false });
  } catch {
    throw notFound();
  }
  if (source.finishedAt !== undefined) throw notFound();
  return source;
}

/** A running container's terminal as the apiserver's stream sees it (`now`: the node's wall clock), all on stdout. */
export function terminalStream(terminal: Terminal, startedAt: number, now: () => number): PodStreamSession {
  const at = () => Math.max(0, now() - startedAt);
  return {
    write: (text) => terminal.type(text, at()),
    closeInput: () => undefined,
    resize: (width, height) => terminal.resize(width, height),
    read: () => ({ stdout: terminal.read(at()), stderr: "" }),
    nextInMs: () => (terminal.nextAtMs === undefined ? undefined : terminal.nextAtMs - at()),
    get exit() {
      return terminal.exit ? { code: terminal.exit.code } : undefined;
    },
    close: () => undefined,
  };
}

/** `kubectl exec -it`: the command on a terminal beside the container's process, from this moment on. */
export function terminalInContainer(deps: LogServerDependencies, sources: (pod: Pod) => PodSources, request: Omit<PodExecRequest, "stdin">): PodStreamSession | ExecOutcome {
  const { pod } = request;
  const source = runningSource(pod, request.container);
  const process = replay(pod, source, sources(pod), deps.runtime, deps.network, deps.execs?.()?.of(pod, source.containerID, source.startedAt));
  const atMs = Math.max(0, deps.now() - source.startedAt);
  const started = process.terminal?.(request.command, atMs);
  if (!started) return { stdout: "", stderr: "", exitCode: 126, startError: "this container's runtime has no terminals" };
  if ("type" in started) return terminalStream(started, source.startedAt, deps.now);
  return { stdout: "", stderr: "", exitCode: 126, startError: started.stderr.trim() };
}

export function execInContainer(deps: LogServerDependencies, sources: (pod: Pod) => PodSources, request: PodExecRequest): ExecOutcome {
  const { pod } = request;
  const source = runningSource(pod, request.container);
  const journal = deps.execs?.();
  const process = replay(pod, source, sources(pod), deps.runtime, deps.network, journal?.of(pod, source.containerID, source.startedAt));
  const atMs = Math.max(0, deps.now() - source.startedAt);
  const result = process.exec(request.command, atMs, { timeoutMs: execHorizonMs, stdin: request.stdin });
  if (result.wroteLayer && !result.timedOut && journal) {
    const stdinClosed = request.stdin.closedAtWallMs !== undefined;
    journal.record(pod, source.containerID, { command: request.command, atMs, stdin: request.stdin.chunks.map((c) => c.text).join(""), stdinClosed }, source.startedAt);
  }
  const missing = result.exitCode === 126 && !result.stdout ? runtimeMissing.exec(result.stderr.trim()) : null;
  if (missing) return { stdout: "", stderr: "", exitCode: 126, startError: result.stderr.trim() };
  // Each piece as written (bytes whole: a line ends in a newline unless the command ended without one), in order.
  const timeline = (result.lines ?? []).map((l) => ({ afterMs: Math.max(0, l.atMs - atMs), stream: l.stream, text: l.unterminated ? l.text : `${l.text}\n` }));
  const durationMs = result.endedAtMs === undefined ? undefined : Math.max(0, result.endedAtMs - atMs);
  return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode, ...(result.timedOut ? { running: true } : {}), timeline, ...(durationMs !== undefined ? { durationMs } : {}) };
}
