// The container runtime as the kubelet sees it (its CRI, in miniature): the port the wiring fills with the simulated
// runtime (`simulated-runtime.ts`, over src/container-sim/) and tests fill with a stand-in. Nothing in the kubelet
// imports a runtime's code: it reaches one through `LifecycleEnv.runtime` and the log server's dependencies.
import type { ContainerUsage, DirectorySource, Mount, ProbeSpec, ProcessSpec, PullResult, RecordedExec, SimulatedProcess, InputStream, Terminal, UsageQuery } from "../../container-sim/index";

export type { ContainerUsage, DirectorySource, Mount, ProcessSpec, PullResult, RecordedExec, SimulatedProcess, InputStream, Terminal, UsageQuery };

export interface ProbeOutcome {
  ok: boolean;
  /** What follows "Liveness probe failed: " in the Unhealthy event. */
  message: string;
}

/** The container's ports, by which a probe names one. */
export interface ProbedContainer {
  ports?: { name?: string; containerPort: number }[];
}

export interface ContainerRuntimePort {
  /** Whether `image` can be pulled, its size class and digest (or the kubelet's ErrImagePull message). */
  pull(image: string): PullResult;
  /** The kubelet's InvalidImageName message for an unparsable reference, undefined for a valid one. */
  invalidImageMessage(image: string): string | undefined;
  /** The image's USER as its config gives it (`101`, `nonroot:nonroot`); undefined or "" for root. Root when absent. */
  imageUser?(image: string): string | undefined;
  /** Start a container's main process at wall-clock `startedAtMs`; the same spec and moment give the same process. */
  start(spec: ProcessSpec, startedAtMs: number): SimulatedProcess;
  /** Run one probe of `container` against its process, `atMs` after the process started, reaching it at `podIP`. */
  probe(probe: ProbeSpec, container: ProbedContainer, process: SimulatedProcess, atMs: number, podIP: string): ProbeOutcome;
  /** The CPU and memory a container started from `spec` uses (metrics); none (zero) when absent. */
  usage?(spec: ProcessSpec, query: UsageQuery): ContainerUsage;
}
