// What the runtime is told when a container starts: image, command and args with `$(VAR)` expanded, the resolved
// environment, the volumes it mounts and the memory limit. Throws ConfigError when a reference is missing.
import type { Container, Pod } from "../../api/schemas";
import { expandCommand, resolveEnv, type PodSources } from "./env";
import type { ProcessSpec } from "./runtime-port";
import { volumeMounts } from "./volumes";

export function processSpecFor(pod: Pod, container: Container, sources: PodSources): ProcessSpec {
  const env = resolveEnv(pod, container, sources);
  const mounts = volumeMounts(pod, container, sources);
  const { command, args } = expandCommand(container, env);
  const memory = container.resources?.limits?.memory;
  return {
    image: String(container.image ?? ""),
    command,
    args,
    env,
    workingDir: container.workingDir,
    memoryLimitBytes: memory !== undefined ? memoryBytes(String(memory)) : undefined,
    mounts,
    hostname: pod.metadata?.name ?? "",
  };
}

const units: Record<string, number> = { "": 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4 };

/** A memory quantity in bytes (the common suffixes; undefined for forms a limit never takes). */
export function memoryBytes(quantity: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(quantity);
  if (!match) return undefined;
  return Math.floor(Number(match[1]) * units[match[2] ?? ""]!);
}
