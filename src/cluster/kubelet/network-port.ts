// The pod network as the kubelet sees it (its CNI, in miniature): the port through which each container it starts
// gets its network, bound to the container's pod, and through which the log server reads the access-log lines a
// run's program printed for the connections it served. The wiring fills it with the cluster's network
// (cluster/network/); without one, containers keep the simulator's default network. Nothing in the kubelet imports
// the network's code.
import type { Pod } from "../../api/schemas";
import type { ContainerNetwork } from "../../container-sim/index";

/** Who connects: the container's pod and its name (the network looks the pod up again at each connection). */
export interface NetworkClient {
  namespace: string;
  pod: string;
  uid: string;
  container: string;
  /** The pod IP the kubelet gave the sandbox (the pod's status may not show it yet). */
  podIP?: string;
  nodeName?: string;
  /** The pod's hostname: a name the container reaches itself by. */
  hostname?: string;
}

export interface PodNetworkPort {
  /** The network of one container of a pod. */
  networkFor(client: NetworkClient): ContainerNetwork;
}

/** One line a program printed for a connection, at the connection's wall-clock time. */
export interface AccessLogLine {
  atMs: number;
  stream: "stdout" | "stderr";
  text: string;
}

export interface AccessLogReader {
  /** The lines run `containerID` printed for connections in [fromMs, untilMs), oldest first. */
  accessLines(containerID: string, fromMs: number, untilMs: number): AccessLogLine[];
}

/** The client identity of container `container` of `pod`. */
export function networkClientOf(pod: Pod, container: string): NetworkClient {
  const m = pod.metadata;
  return {
    namespace: m.namespace ?? "",
    pod: m.name ?? "",
    uid: m.uid ?? "",
    container,
    ...(pod.status?.podIP ? { podIP: pod.status.podIP } : {}),
    ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    hostname: pod.spec?.hostname ?? m.name ?? "",
  };
}
