// What the runtime is told when a container starts: image, command and args with `$(VAR)` expanded, the resolved
// environment, the volumes it mounts, the memory limit, and the pod's network identity (hostname, IP, declared ports,
// /etc/hosts and /etc/resolv.conf), who it runs as (securityContext). Throws ConfigError when a reference is missing.
import type { Container, Pod } from "../../api/schemas";
import { expandCommand, resolveEnv, type PodSources } from "./env";
import { containerHostname, etcFiles } from "./etc-files";
import type { ProcessSpec } from "./runtime-port";
import { securityOf, withOwnership } from "./security-context";
import { volumeMounts } from "./volumes";
import { pidNamespacePeers } from "./pid-namespace";

/**
 * The spec of `container` of `pod` (whose status carries the pod IP). `asOf`: when the container started, for a run
 * started again (its logs): the Services created since are not in its environment.
 */
export function processSpecFor(pod: Pod, container: Container, sources: PodSources, asOf?: number): ProcessSpec {
  const env = resolveEnv(pod, container, sources, asOf);
  const mounts = withOwnership(pod, container, volumeMounts(pod, container, sources));
  const { command, args } = expandCommand(container, env);
  const memory = container.resources?.limits?.memory;
  const podIP = pod.spec?.hostNetwork ? sources.network.nodeIP || pod.status?.podIP : pod.status?.podIP;
  const peers = pidNamespacePeers(pod, container);
  return {
    image: String(container.image ?? ""),
    command,
    args,
    env,
    workingDir: container.workingDir,
    memoryLimitBytes: memory !== undefined ? memoryBytes(String(memory)) : undefined,
    mounts,
    hostname: containerHostname(pod, sources.network),
    ...(podIP ? { podIP } : {}),
    ports: declaredTCPPorts(container),
    files: etcFiles(pod, container, sources.network),
    ...securityOf(pod, container),
    ...(peers.length ? { pidNamespace: peers } : {}),
    ...restartPolicyOf(pod, container),
    // A container with stdin reads what attach writes to it (waiting while it is open); tty puts it on a terminal.
    ...(container.stdin ? { stdin: sources.stdin?.(container.name) ?? { chunks: [] } } : {}),
    ...(container.tty ? { tty: true } : {}),
  };
}

/** A sidecar (an init container with `restartPolicy: Always`) runs as long as the pod whatever the pod's policy. */
function restartPolicyOf(pod: Pod, container: Container): { restartPolicy?: string } {
  const policy = container.restartPolicy ?? pod.spec?.restartPolicy;
  return policy ? { restartPolicy: policy } : {};
}

/** The container's declared TCP containerPorts, each once, in declaration order. */
function declaredTCPPorts(container: Container): number[] {
  const ports = (container.ports ?? []).filter((p) => (p.protocol ?? "TCP") === "TCP").map((p) => p.containerPort);
  return [...new Set(ports)];
}

const units: Record<string, number> = { "": 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4 };

/** A memory quantity in bytes (the common suffixes; undefined for forms a limit never takes). */
export function memoryBytes(quantity: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(quantity);
  if (!match) return undefined;
  return Math.floor(Number(match[1]) * units[match[2] ?? ""]!);
}
