// The one place the kubelet touches the simulated container runtime (./process): if its exported names change, only
// this file follows. Everything here is pure.
import * as runtime from "./process/index";
import { pullImage } from "./process/pull";
import { invalidImageNameMessage } from "./process/reference";
import type { ProcessSpec, PullResult, SimulatedProcess } from "./process/types";

export type { ProcessSpec, PullResult, SimulatedProcess };

type Json = Record<string, any>;

/** Whether `image` can be pulled, its size class and digest. */
export function pull(image: string): PullResult {
  return pullImage(image);
}

/** The kubelet's InvalidImageName message for an unparsable reference, undefined for a valid one. */
export function invalidImageMessage(image: string): string | undefined {
  return invalidImageNameMessage(image);
}

export function start(spec: ProcessSpec, startedAtMs: number): SimulatedProcess {
  return runtime.startProcess(spec, startedAtMs);
}

export interface ProbeOutcome {
  ok: boolean;
  /** What follows "Liveness probe failed: " in the Unhealthy event. */
  message: string;
}

/** Run one probe of `container` against its process, `atMs` after the process started, reaching it at `podIP`. */
export function probe(probe: Json, container: Json, process: SimulatedProcess, atMs: number, podIP: string): ProbeOutcome {
  const result = runtime.evaluateProbe(probe, process, atMs, { podIP, containerPorts: container.ports ?? [] });
  return { ok: result.success, message: result.message ?? "" };
}
