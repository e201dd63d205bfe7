// Which processes a container sees beside its own (`ps`): an ephemeral container joins its target's PID namespace, a
// pod with shareProcessNamespace has one namespace for all its containers (the sandbox's /pause is PID 1), a hostPID
// pod sees the node's. Each peer is described as its own start describes it, for the runtime to resolve.
import type { Container, EphemeralContainer, Pod } from "../../api/schemas";
import type { ProcessSpec } from "./runtime-port";
import { securityOf } from "./security-context";

/** A process of another container, as the runtime takes it. */
type PeerProcess = NonNullable<ProcessSpec["pidNamespace"]>[number];

/** The node's own processes as a hostPID container's `ps` shows them (a kubeadm-style node running containerd). */
const nodeProcesses: PeerProcess[] = [
  { argv: ["/sbin/init"] },
  { argv: ["/lib/systemd/systemd-journald"] },
  { argv: ["/usr/bin/containerd"] },
  { argv: ["/usr/bin/kubelet", "--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf", "--kubeconfig=/etc/kubernetes/kubelet.conf", "--config=/var/lib/kubelet/config.yaml"] },
];

function peerOf(pod: Pod, container: Container): PeerProcess {
  const { user } = securityOf(pod, container);
  return { image: String(container.image ?? ""), ...(container.command ? { command: container.command } : {}), ...(container.args ? { args: container.args } : {}), ...(user ? { user } : {}) };
}

/** The processes `container` of `pod` sees before its own, PID 1 first; none when it has its own PID namespace. */
export function pidNamespacePeers(pod: Pod, container: Container | EphemeralContainer): PeerProcess[] {
  const spec = pod.spec;
  if (!spec) return [];
  if (spec.hostPID) return nodeProcesses;
  if (spec.shareProcessNamespace) {
    const others = [...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])].filter((c) => c.name !== container.name);
    return [{ argv: ["/pause"] }, ...others.map((c) => peerOf(pod, c))];
  }
  const target = "targetContainerName" in container ? container.targetContainerName : undefined;
  const targeted = target ? spec.containers?.find((c) => c.name === target) ?? spec.initContainers?.find((c) => c.name === target) : undefined;
  return targeted ? [peerOf(pod, targeted)] : [];
}
