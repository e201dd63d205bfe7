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

export interface NodeConnection {
  /** GET pods/<name>/log: the kubelet's containerLogs. Throws a Status (400) when the run named cannot be read. */
  containerLog(request: PodLogRequest): NodeAnswer;
}
