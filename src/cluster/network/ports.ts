// What the network needs from outside network/, as ports the wiring (cluster/assemble.ts) fills: the running
// containers of a pod (the kubelet's), and the Ingress routing of the built-in ingress controller. network/ imports
// neither kubelet/ nor controllers/.
import type { Pod } from "../../api/schemas/core/pod";
import type { ConnectRequest } from "../../container-sim/network";
import type { HttpAnswer, SimulatedProcess } from "../../container-sim/types";

/** One running container of a pod: its run, when it started (wall clock) and its process. */
export interface ContainerRun {
  name: string;
  /** The run's container ID (without `containerd://`): what its access log is kept by. */
  containerID: string;
  startedAtMs: number;
  /** The run's simulated process; undefined when it cannot be had (the pod's spec changed under a released one). */
  process(): SimulatedProcess | undefined;
}

/** The kubelet's running containers, by pod. */
export interface RunningContainersPort {
  /** The containers of `pod` running now (an empty list for a pod the kubelet does not run). */
  runsOf(pod: Pod): ContainerRun[];
}

/** A container that connects: the pod it is in (looked up again at each connection) and its own name. */
export interface NetworkClient {
  namespace: string;
  pod: string;
  uid: string;
  container: string;
  /** The pod IP as the kubelet knows it when the container starts (its status may not show it yet). */
  podIP?: string;
  nodeName?: string;
  /** The pod's hostname (a loopback name inside the container). */
  hostname?: string;
}

/** What an ingress controller pod does with a request: pass it to a Service's port, or answer itself (404). */
export type IngressDecision =
  | { kind: "backend"; namespace: string; service: string; port: number | string }
  | { kind: "answer"; answer: HttpAnswer };

/**
 * The hook of the built-in ingress controller: for a connection to `port` of `pod`, its decision when the pod is an
 * ingress controller serving that port, undefined otherwise (the pod's own program answers).
 */
export type IngressHook = (pod: Pod, port: number, request: ConnectRequest) => IngressDecision | undefined;
