// The port through which the pod subresources that a node serves reach that node's kubelet, as Kubernetes' LogREST
// (and ExecREST, AttachREST, PortForwardREST) get a kubelet connection. The wiring (cluster/assemble.ts) fills it
// with the simulated kubelet's server, so registry/ imports nothing of kubelet/. Each method takes the bound pod and
// the request's options, already checked by the registry, and answers what the apiserver sends back: exec, attach
// and port-forward join as further methods of the same shape.
import type { Pod } from "../../../api/schemas";
import type { Caller } from "../types";

/** What a node answers: a whole text, or a stream that ends when the node is done (or the client goes away). */
export type NodeAnswer = { text: string } | { stream: ReadableStream<Uint8Array> };

/**
 * What the read-only token may see of a log: `admit` throws (403) when the container reads a Secret value that
 * cannot be hidden; `mask` hides every Secret value in a text. The node masks the whole text before `tailLines`
 * and `limitBytes` cut it, so a cut never reveals part of a value.
 */
export interface LogViewer {
  admit(secretValues: string[], container: string): void;
  mask(text: string): string;
}

export interface PodLogRequest {
  pod: Pod;
  /** PodLogOptions as query parameters (container, previous, follow, tailLines, sinceSeconds, sinceTime, ...). */
  query: URLSearchParams;
  caller: Caller;
  /** Set for the read-only token (by redaction/log-viewer.ts, around the kubelet's connection). */
  viewer?: LogViewer;
}

/** What was written to an exec'd command's stdin: chunks with the wall-clock ms each arrived, and when it closed. */
export interface ExecInput {
  readonly chunks: readonly { atWallMs: number; text: string }[];
  readonly closedAtWallMs?: number;
}

export interface PodExecRequest {
  pod: Pod;
  /** The container (already resolved by the registry: present in the pod's spec). */
  container: string;
  command: string[];
  stdin: ExecInput;
}

/** A command's end: its output and exit code; `running` when it has not exited yet (it waits for input or runs on). */
export interface ExecOutcome {
  stdout: string;
  stderr: string;
  exitCode: number;
  running?: boolean;
  /** The runtime refused to start the command (the executable is missing): its message. */
  startError?: string;
  /** The output as it was written, ms after the command started (for pacing it); absent: all at once. */
  timeline?: { afterMs: number; stream: "stdout" | "stderr"; text: string }[];
  /** How long the command ran (until its exit, or as far as it was run when still running). */
  durationMs?: number;
}

/**
 * A live stream with a container (`exec -it`, `attach`): what the client sends goes in as it arrives, what the
 * container writes comes out as the node's clock reaches it. The apiserver's side (registry/pods/streams/session.ts)
 * reads after every input and again `nextInMs` later, and sends the one Status once `exit` is set.
 */
export interface PodStreamSession {
  /** Bytes the client sent on stdin (keys, on a terminal), arrived now. */
  write(text: string): void;
  /** The client closed its stdin. */
  closeInput(): void;
  /** The client's terminal size (channel 4), for a session on a terminal. */
  resize(width: number, height: number): void;
  /** What the container wrote by now that was not read yet (on a terminal, all of it is stdout). */
  read(): { stdout: string; stderr: string };
  /** In how many ms `read` may have more (or the session end) without input; undefined when only input can change it. */
  nextInMs(): number | undefined;
  /** Set once the process ended: its exit code. */
  readonly exit: { code: number } | undefined;
  /** The client went away. */
  close(): void;
}

export interface PodAttachRequest {
  pod: Pod;
  /** The container (already resolved by the registry). */
  container: string;
  stdin: boolean;
  tty: boolean;
}

export interface NodeConnection {
  /** GET pods/<name>/log: the kubelet's containerLogs. Throws a Status (400) when the run named cannot be read. */
  containerLog(request: PodLogRequest): NodeAnswer;
  /** Whether the kubelet can exec in the container now: throws what it answers when it cannot (`container not found`). */
  execTarget?(pod: Pod, container: string): void;
  /** Run a command in the container's running process, as it is now, with the stdin given. */
  exec?(request: PodExecRequest): ExecOutcome;
  /** Start a command on a terminal in the container (`exec -it`); a command the runtime cannot start is an ExecOutcome. */
  execTerminal?(request: Omit<PodExecRequest, "stdin">): PodStreamSession | ExecOutcome;
  /** Attach to the container's main process (`kubectl attach`, `run -it`): throws what the kubelet answers when it cannot. */
  attach?(request: PodAttachRequest): PodStreamSession;
}
