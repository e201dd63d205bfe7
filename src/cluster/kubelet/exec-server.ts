// The kubelet's side of `kubectl exec` (registry/pods/node-connection.ts): the container's current run, started
// again from its spec and the execs kept for it (it is deterministic), runs the command as a second process beside
// the main one, with the container's filesystem, environment and network as they are at this moment. A command that
// ended after writing to the container's own layer is kept in the run's exec journal (exec-journal.ts).
import { failure } from "../../api/status";
import type { Pod } from "../../api/schemas";
import type { ExecOutcome, PodExecRequest } from "../registry/pods/node-connection";
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
  const output = result.output ? { output: result.output } : {};
  return { stdout: result.stdout, stderr: result.stderr, ...output, exitCode: result.exitCode, ...(result.timedOut ? { running: true } : {}) };
}
