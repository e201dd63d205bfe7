// The one place the kubelet touches the simulated container runtime (./process): if its exported names change, only
// this file follows. Everything here is pure.
import * as runtime from "./process/index";
import type { ProcessSpec, PullResult, SimulatedProcess } from "./process/types";

export type { ProcessSpec, PullResult, SimulatedProcess };

type Json = Record<string, any>;

/** Whether `image` can be pulled, its size class and digest. */
export function pull(image: string): PullResult {
  return runtime.pullImage(image);
}

/** The kubelet's InvalidImageName message for an unparsable reference, undefined for a valid one. */
export function invalidImageMessage(image: string): string | undefined {
  const invalid = runtime.isInvalidImageName(image);
  return invalid ? `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format` : undefined;
}

export function start(spec: ProcessSpec, startedAtMs: number): SimulatedProcess {
  return runtime.startProcess(spec, startedAtMs);
}

export interface ProbeOutcome {
  ok: boolean;
  /** What follows "Liveness probe failed: " in the Unhealthy event. */
  message: string;
}

/** Run one probe of `container` against its process, `atMs` after the process started. */
export function probe(probe: Json, container: Json, process: SimulatedProcess, atMs: number): ProbeOutcome {
  const resolved = structuredClone(probe);
  const named = (port: unknown) =>
    typeof port === "string" ? (container.ports ?? []).find((p: Json) => p.name === port)?.containerPort ?? Number(port) : port;
  if (resolved.httpGet) resolved.httpGet.port = named(resolved.httpGet.port);
  if (resolved.tcpSocket) resolved.tcpSocket.port = named(resolved.tcpSocket.port);
  const result = runtime.evaluateProbe(resolved, process, atMs);
  return { ok: result.success, message: result.message ?? "" };
}
