// What network clients in a container share: resolving a name as the C library does (the container's own
// /etc/hosts and /etc/resolv.conf as they are now) and connecting to the address it gives.

import type { HttpRequest, NetworkAnswer } from "../network";
import { resolveName, type Resolution } from "../resolver";
import type { HttpAnswer } from "../types";
import type { ShellState } from "./state";

/** Linux gives up on a connection nobody answers after its SYN retries (tcp_syn_retries=6): about 127 s. */
export const KERNEL_CONNECT_TIMEOUT_MS = 127_000;

export const HTTP_REASONS: Record<number, string> = {
  200: "OK", 201: "Created", 204: "No Content", 301: "Moved Permanently", 302: "Found", 304: "Not Modified", 400: "Bad Request",
  401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 500: "Internal Server Error", 502: "Bad Gateway",
  503: "Service Unavailable", 504: "Gateway Timeout",
};

/** Resolve `name` now, from the container's files. */
export function lookupHost(sh: ShellState, name: string): Resolution {
  const now = sh.host.clock.nowMs;
  const files = { hosts: sh.host.fs.read("/etc/hosts", now), resolvConf: sh.host.fs.read("/etc/resolv.conf", now) };
  return resolveName(name, files, { dns: sh.host.dns, connect: () => ({ kind: "refused" }) }, sh.host.startedAtWallMs + now);
}

/** The outcome of reaching host:port: no address (after `elapsedMs` of lookups), or the network's answer at the address. */
export type Reach = { kind: "unresolved"; elapsedMs: number } | (NetworkAnswer & { ip: string; elapsedMs: number });

/** Resolve `host` and connect to it, with an HTTP request or bytes to send. The caller sleeps `elapsedMs`. */
export function reach(sh: ShellState, host: string, port: number, exchange: { http?: HttpRequest; send?: string }): Reach {
  const resolved = lookupHost(sh, host);
  if (resolved.kind !== "address") return { kind: "unresolved", elapsedMs: resolved.elapsedMs };
  const answer = sh.host.connect({ ip: resolved.ip, port, ...exchange }, sh.host.clock.nowMs + resolved.elapsedMs);
  return { ...answer, ip: resolved.ip, elapsedMs: resolved.elapsedMs };
}

/** A URL as clients split it; the Host header names the port unless it is the scheme's. */
export interface Target {
  host: string;
  port: number;
  path: string;
  hostHeader: string;
}

export function parseUrl(raw: string): Target | undefined {
  const withScheme = /^[a-z]+:\/\//i.test(raw) ? raw : `http://${raw}`;
  try {
    const u = new URL(withScheme);
    const defaultPort = u.protocol === "https:" ? 443 : 80;
    const port = u.port ? Number(u.port) : defaultPort;
    const host = u.hostname.replace(/^\[|\]$/g, "");
    // The authority as written (`web:80` stays `web:80`): what clients print and send as Host.
    const authority = /^[a-z]+:\/\/(?:[^@/?#]*@)?([^/?#]*)/i.exec(withScheme)?.[1] ?? "";
    return { host, port, path: `${u.pathname || "/"}${u.search}`, hostHeader: authority || (port === defaultPort ? host : `${host}:${port}`) };
  } catch {
    return undefined;
  }
}

/** The status line and headers as a client prints them (`curl -i`, `wget -S`), header names capitalised. */
export function responseHead(answer: HttpAnswer): string[] {
  const headers = Object.entries(answer.headers ?? {}).map(([k, v]) => `${k.replace(/(^|-)([a-z])/g, (_m, d: string, c: string) => d + c.toUpperCase())}: ${v}`);
  return [`HTTP/1.1 ${answer.status} ${HTTP_REASONS[answer.status] ?? ""}`.trimEnd(), ...headers];
}
