// The contract between the simulated container runtime (this folder: images, the shell interpreter, processes,
// probes) and the kubelet controller that drives pods through their lifecycle. Everything here is pure and
// deterministic: a process is a function of its spec and its start; what it printed by any moment can be recomputed,
// so logs need no storage. What a container gets from whoever runs it (its filesystem's mounts, its network, its
// stdin) comes in through the interfaces of filesystem.ts, network.ts and streams.ts.

import type { RunAs } from "./accounts";
import type { Mount } from "./filesystem";
import type { ContainerNetwork, HttpRequest } from "./network";
import type { InputStream } from "./streams";
import type { Terminal } from "./terminal/session";

/** What the kubelet knows when it starts a container. */
export interface ProcessSpec {
  image: string;
  /** Container `command` (overrides the image's entrypoint). */
  command?: string[];
  /** Container `args` (override the image's cmd). */
  args?: string[];
  /** The resolved environment (Kubernetes `$(VAR)` expansion already applied to command and args by the caller). */
  env: Record<string, string>;
  workingDir?: string;
  /** Memory limit in bytes, if any (a process that allocates beyond it is OOMKilled). */
  memoryLimitBytes?: number;
  /** Directory sources mounted over the image's files (the pod's volumes). */
  mounts?: Mount[];
  /** The pod's hostname (the pod name), for images that print it. */
  hostname: string;
  /** The pod IP, for programs that print it (optional). */
  podIP?: string;
  /** The TCP ports the pod declares for this container (`containerPort`): what an image the simulator does not know listens on. */
  ports?: number[];
  /**
   * Files the runtime writes into the container, by absolute path (the kubelet's /etc/hosts and /etc/resolv.conf);
   * they replace the simulator's own /etc/hosts and the image's files at those paths.
   */
  files?: Record<string, string>;
  /** How the container's network commands (wget, curl, nc) reach `host:port`; `defaultNetwork(spec)` when absent. */
  network?: ContainerNetwork;
  /** The main process's stdin; `noInput` (end of file at once) when absent. */
  stdin?: InputStream;
  /** The main process runs on a terminal (`tty: true`): with `stdin`, a shell is interactive, its screen its output. */
  tty?: boolean;
  /** Who the processes run as (the effective securityContext); the image's USER for what is unset. */
  user?: RunAs;
  /** readOnlyRootFilesystem: writes outside writable mounts fail with EROFS. */
  readOnlyRootFilesystem?: boolean;
  /**
   * The other processes this container's PID namespace shows before its own (`ps`), PID 1 first: the target of an
   * ephemeral container, a pod's shared namespace (shareProcessNamespace), the node's (hostPID).
   */
  pidNamespace?: PeerProcess[];
  /**
   * The pod's restartPolicy. `Never` or `OnFailure` (a Job's pod, a one-off `kubectl run --restart=Never`) says the
   * program is expected to finish: an interpreter given a script the simulator cannot read ends after a default
   * run time instead of serving forever.
   */
  restartPolicy?: string;
  /**
   * The execs (`kubectl exec`) that changed this run's own layer, as its kubelet kept them: each is made again at its
   * moment, so the run (its program, later execs, its logs) sees their files and stays a function of its inputs.
   */
  execs?: readonly RecordedExec[];
}

/** A process of another container (its image, command and user, resolved as its own start would) or a given command line. */
export interface PeerProcess {
  image?: string;
  command?: string[];
  args?: string[];
  /** The command line as it is, when no image resolves it (the node's own processes, /pause). */
  argv?: string[];
  user?: RunAs;
}

/** A command run beside a container's program that wrote to the container's own layer. */
export interface RecordedExec {
  command: readonly string[];
  /** Milliseconds after the process started. */
  atMs: number;
  /** All its stdin, as it had arrived when it ran. */
  stdin: string;
  /** Whether its stdin had ended (or there was none). */
  stdinClosed: boolean;
}

export interface OutputLine {
  /** Milliseconds after the process started. */
  atMs: number;
  stream: "stdout" | "stderr";
  text: string;
  /** The process ended without a newline after this text. */
  unterminated?: boolean;
}

export interface ProcessExit {
  /** Milliseconds after the process started. */
  atMs: number;
  code: number;
  /**
   * Terminated reason as the kubelet reports it: "Completed" (0), "Error", "OOMKilled" (137), or "StartError" (128:
   * the runtime could not start the process, e.g. the executable does not exist; `message` says why).
   */
  reason: "Completed" | "Error" | "OOMKilled" | "StartError";
  /** The runtime's message for a StartError (the container status `message`). */
  message?: string;
}

export interface HttpAnswer {
  status: number;
  body: string;
  /** Response headers (lower-case names), for `curl -i` and for clients that print them. */
  headers?: Record<string, string>;
}

/** A connection as the program that accepts it sees it. */
export interface IncomingConnection {
  /** The address the connection comes from, as the server sees it (access logs, agnhost's /clientip). */
  clientIP: string;
  /** The HTTP request; absent for a bare TCP connection, which may carry `send`. */
  http?: HttpRequest;
  send?: string;
}

/** What a program did with one connection: its answer, and the lines it printed for it (an access log), if any. */
export interface Served {
  answer: HttpAnswer;
  log: { stream: "stdout" | "stderr"; text: string }[];
}

/** A container's process, as a pure function of time since its start. */
export interface SimulatedProcess {
  /** Lines printed in [fromMs, untilMs), oldest first; at most `limit` (default 10,000). */
  output(fromMs: number, untilMs: number, limit?: number): OutputLine[];
  /** When and how it exits by itself; undefined for one that runs until stopped. */
  readonly exit: ProcessExit | undefined;
  /** TCP ports it listens on while running (from the image, e.g. nginx 80, redis 6379). */
  readonly ports: number[];
  /** True when SIGTERM stops it promptly (servers, most shells with traps); false for e.g. `sleep` as PID 1. */
  readonly stopsOnSigterm: boolean;
  /** Does `path` exist in the container at `atMs` (for exec probes like `cat /tmp/healthy`)? */
  fileExists(path: string, atMs: number): boolean;
  /**
   * Answer an HTTP GET on `port` `path` at `atMs`, or undefined when nothing listens there. Status 0 means
   * something listens but does not speak HTTP (redis, postgres).
   */
  httpGet(port: number, path: string, atMs: number): HttpAnswer | undefined;
  /**
   * A connection to `port` at `atMs`: the program's answer and what it printed for it (the target's access log,
   * which the caller keeps: the process's own output stays a function of its spec and start), or undefined when
   * nothing listens there. Status 0: something listens but does not speak HTTP; `body` is what it wrote back.
   * Not re-entrant: a container's connection to itself (hairpin through a Service) must go through the `Loopback`.
   */
  accept(port: number, connection: IncomingConnection, atMs: number): Served | undefined;
  /** Does the process accept TCP connections on `port` at `atMs` (tcpSocket probes)? */
  listening(port: number, atMs: number): boolean;
  /**
   * Run `command` as a second process in the container at `atMs` (exec probes, `kubectl exec`): it shares the
   * container's mounts and network and starts from its own layer as it is then (with the `ProcessSpec.execs` made by
   * then). Writes through a writable mount are kept; writes to its own layer are not, but `wroteLayer` says there were
   * some, so the caller can keep the command as a `RecordedExec`. `timedOut` when it ran past `timeoutMs` (virtual).
   */
  exec(command: string[], atMs: number, options?: ExecOptions): ExecResult;
  /**
   * Start `command` beside the main process at `atMs` on a pseudo-terminal (`kubectl exec -it`): a shell with no
   * script is interactive (prompt, one line at a time, state kept). The runtime's refusal (a stopped container, a
   * missing executable) comes back as the ExecResult `exec` would give.
   */
  terminal?(command: string[], atMs: number): Terminal | ExecResult;
  /** What the main process's terminal showed in [fromMs, untilMs) (a `tty` container); undefined without one. */
  screen?(fromMs: number, untilMs: number): string | undefined;
}

export interface ExecOptions {
  /** Virtual ms the command may run; unbounded when absent. */
  timeoutMs?: number;
  /** Its stdin (`kubectl exec -i`); `noInput` when absent. */
  stdin?: InputStream;
}

/** Whether an image can be pulled, and how long it takes. */
export type PullResult =
  | { ok: true; size: "small" | "medium" | "large"; digest: string }
  | { ok: false; message: string };

/** Running a command inside a container (exec probes, later `kubectl exec`). */
export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  timedOut?: boolean;
  /** The command changed the container's own layer (not only its volumes): its caller may keep it (`ProcessSpec.execs`). */
  wroteLayer?: boolean;
  /**
   * Lines the container's programs printed serving this command's connections to the container itself (`curl
   * localhost` in `kubectl exec`: nginx's access log), at ms since the process started; the caller keeps them as it
   * keeps `Served.log`. Absent when there are none.
   */
  served?: { atMs: number; stream: "stdout" | "stderr"; text: string }[];
  /** stdout and stderr line by line with the moment each was written (ms since the process started), for pacing. */
  lines?: OutputLine[];
  /** When the command ended (or, timed out, when it was last looked at), in ms since the process started. */
  endedAtMs?: number;
}
