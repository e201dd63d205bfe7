import type { ImageProfile } from "./catalog";
import type { ProcessSpec } from "./types";

/** The container's command line: Kubernetes `command` replaces ENTRYPOINT, `args` replaces CMD. */
export function resolveArgv(spec: ProcessSpec, profile: ImageProfile | undefined): string[] {
  const entrypoint = spec.command ?? profile?.entrypoint ?? [];
  const cmd = spec.args ?? (spec.command ? [] : profile?.cmd ?? []);
  return [...entrypoint, ...cmd];
}
