// How a program answers the connections it accepts: HTTP handlers with the request they get, HEAD handled as HTTP
// does, and the access-log formats servers write (nginx's combined, Apache's common, the Go servers' own).

import type { HttpRequest } from "../network";
import { formatDate } from "../shell/format";
import { responseHead } from "../shell/net-client";
import type { Serve, ShellState } from "../shell/state";
import type { HttpAnswer, IncomingConnection } from "../types";
import { byteLength } from "../bytes";

export type LogLine = { stream: "stdout" | "stderr"; text: string };

/** An HTTP request as a handler sees it, with the wall-clock moment it arrived. */
export interface ServerRequest extends HttpRequest {
  clientIP: string;
  /** The client's ephemeral port (stable for one connection). */
  clientPort: number;
  atWallMs: number;
  atMs: number;
}

/** Serve HTTP with `handle`; `log` gives the lines printed per request. A bare TCP connection gets nothing back. */
export function httpServer(sh: ShellState, handle: (req: ServerRequest) => HttpAnswer, log?: (req: ServerRequest, answer: HttpAnswer) => LogLine[]): Serve {
  return (connection: IncomingConnection, atMs: number) => {
    // Bytes over a bare connection (`printf 'GET / HTTP/1.1...' | nc web 80`) are an HTTP request too; the answer is the raw response.
    const raw = connection.http ? undefined : parseRawRequest(connection.send ?? "");
    const http = connection.http ?? raw;
    if (!http) return { answer: { status: 0, body: "" }, log: [] };
    const req: ServerRequest = { ...http, clientIP: connection.clientIP, clientPort: clientPort(connection, atMs), atWallMs: sh.host.startedAtWallMs + atMs, atMs };
    const full = handle(req);
    const answer = req.method === "HEAD" ? { ...full, body: "" } : full;
    const lines = log?.(req, answer) ?? [];
    if (raw) return { answer: { status: 0, body: `${responseHead(answer).join("\r\n")}\r\n\r\n${answer.body}` }, log: lines };
    return { answer, log: lines };
  };
}

/** An HTTP/1.x request written by hand over a TCP connection, if that is what the bytes are. */
export function parseRawRequest(bytes: string): HttpRequest | undefined {
  const m = /^([A-Z]+) (\S+) HTTP\/1\.[01]\r?\n/.exec(bytes);
  if (!m) return undefined;
  const end = bytes.search(/\r?\n\r?\n/);
  const head = end >= 0 ? bytes.slice(0, end) : bytes;
  const headers: Record<string, string> = {};
  for (const line of head.split(/\r?\n/).slice(1)) {
    const i = line.indexOf(":");
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  const body = end >= 0 ? bytes.slice(end).replace(/^\r?\n\r?\n/, "") : "";
  return { method: m[1], path: m[2], headers, ...(body ? { body } : {}) };
}

/** A handler of paths only, printing nothing (health endpoints, the simpler images). */
export function pathServer(sh: ShellState, handle: (path: string, atMs: number) => HttpAnswer): Serve {
  return httpServer(sh, (req) => handle(req.path, req.atMs));
}

/** Bytes of a body as sent (its text as UTF-8, a binary file's bytes as they are: bytes.ts). */
export { byteLength };

/** A client's ephemeral port as the server sees it: from the Linux range 32768–60999, stable for one connection. */
export function clientPort(connection: IncomingConnection, atMs: number): number {
  let h = 2166136261;
  for (const c of `${connection.clientIP}|${atMs}|${connection.http?.path ?? ""}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return 32768 + ((h >>> 0) % 28232);
}

/** `[01/Dec/2026:21:40:00 +0000]`: nginx's $time_local and Apache's %t in a container on UTC. */
export const timeLocal = (wallMs: number) => `[${formatDate(wallMs, "%d/%b/%Y:%H:%M:%S")} +0000]`;

const requestLine = (req: ServerRequest) => `${req.method} ${req.path} HTTP/1.1`;
const quoted = (value: string | undefined) => `"${value ?? "-"}"`;

/** nginx's `main` format: `$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" "$http_x_forwarded_for"`. */
export function nginxAccessLine(req: ServerRequest, answer: HttpAnswer, withForwardedFor = true): string {
  const base = `${req.clientIP} - - ${timeLocal(req.atWallMs)} "${requestLine(req)}" ${answer.status} ${byteLength(answer.body)} ${quoted(req.headers.referer)} ${quoted(req.headers["user-agent"])}`;
  return withForwardedFor ? `${base} ${quoted(req.headers["x-forwarded-for"])}` : base;
}

/** Apache's common log format: `%h %l %u %t "%r" %>s %b` (`-` for no body). */
export function commonAccessLine(req: ServerRequest, answer: HttpAnswer): string {
  const bytes = byteLength(answer.body);
  return `${req.clientIP} - - ${timeLocal(req.atWallMs)} "${requestLine(req)}" ${answer.status} ${bytes === 0 ? "-" : bytes}`;
}

/** Go's standard `log` prefix: `2026/12/01 21:40:00`. */
export const goLogStamp = (wallMs: number) => formatDate(wallMs, "%Y/%m/%d %H:%M:%S");

/** klog's header as the Kubernetes test images print it: `I1201 21:40:00.000000       1 log.go:245] `. */
export const klogPrefix = (wallMs: number, source = "log.go:245") => `I${formatDate(wallMs, "%m%d %H:%M:%S.%N").replace(/\.(\d{6})\d{3}$/, ".$1")}       1 ${source}] `;
