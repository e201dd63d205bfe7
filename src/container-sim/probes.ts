// Liveness, readiness and startup probes against a simulated process, with the kubelet's result messages
// (the event text is `<Kind> probe failed: <message>`, see `probeFailedEventMessage`).

import type { SimulatedProcess } from "./types";

/** The Kubernetes Probe fields this evaluates (core/v1 Probe). */
export interface ProbeSpec {
  exec?: { command?: string[] };
  httpGet?: { path?: string; port: number | string; host?: string; scheme?: string };
  tcpSocket?: { port: number | string; host?: string };
  grpc?: { port: number; service?: string };
  timeoutSeconds?: number;
}

export interface ProbeTarget {
  /** The pod IP probes connect to (unless the probe names a host). */
  podIP: string;
  /** The container's ports, to resolve named ports. */
  containerPorts?: { name?: string; containerPort: number }[];
}

export interface ProbeResult {
  success: boolean;
  /** The probe's output or error (empty for a successful exec with no output). */
  message?: string;
}

/** The Warning event message the kubelet records, e.g. `Liveness probe failed: HTTP probe failed with statuscode: 500`. */
export function probeFailedEventMessage(kind: "Liveness" | "Readiness" | "Startup", result: ProbeResult): string {
  return `${kind} probe failed: ${result.message ?? ""}`;
}

function resolvePort(port: number | string, target: ProbeTarget): number | undefined {
  if (typeof port === "number") return port;
  if (/^\d+$/.test(port)) return Number(port);
  return target.containerPorts?.find((p) => p.name === port)?.containerPort;
}

/** Evaluate `probe` against `process` at `atMs` (ms after the process started). */
export function evaluateProbe(probe: ProbeSpec, process: SimulatedProcess, atMs: number, target: ProbeTarget): ProbeResult {
  const timeoutMs = Math.max(1, probe.timeoutSeconds ?? 1) * 1000;
  if (probe.exec) {
    const command = probe.exec.command ?? [];
    const r = process.exec(command, atMs, { timeoutMs });
    if (r.timedOut) return { success: false, message: `command "${command.join(" ")}" timed out` };
    const output = `${r.stdout}${r.stderr}`;
    return r.exitCode === 0 ? { success: true, message: output || undefined } : { success: false, message: output };
  }
  if (probe.httpGet) {
    const port = resolvePort(probe.httpGet.port, target);
    if (port === undefined) return { success: false, message: `couldn't find port: ${probe.httpGet.port}` };
    const host = probe.httpGet.host ?? target.podIP;
    const scheme = (probe.httpGet.scheme ?? "HTTP").toLowerCase();
    const path = probe.httpGet.path ?? "/";
    const url = `${scheme}://${host}:${port}${path.startsWith("/") ? path : `/${path}`}`;
    const answer = process.httpGet(port, path, atMs);
    if (!answer) return { success: false, message: `Get "${url}": dial tcp ${host}:${port}: connect: connection refused` };
    if (answer.status === 0) return { success: false, message: `Get "${url}": net/http: HTTP/1.x transport connection broken: malformed HTTP response` };
    if (answer.status >= 200 && answer.status < 400) return { success: true };
    return { success: false, message: `HTTP probe failed with statuscode: ${answer.status}` };
  }
  if (probe.tcpSocket) {
    const port = resolvePort(probe.tcpSocket.port, target);
    if (port === undefined) return { success: false, message: `couldn't find port: ${probe.tcpSocket.port}` };
    const host = probe.tcpSocket.host ?? target.podIP;
    return process.listening(port, atMs) ? { success: true } : { success: false, message: `dial tcp ${host}:${port}: connect: connection refused` };
  }
  if (probe.grpc) {
    const address = `${target.podIP}:${probe.grpc.port}`;
    return process.listening(probe.grpc.port, atMs)
      ? { success: true }
      : { success: false, message: `timeout: failed to connect service "${address}" within ${timeoutMs / 1000}s: context deadline exceeded` };
  }
  return { success: false, message: "missing probe handler" };
}
