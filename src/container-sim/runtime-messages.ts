// containerd's and runc's words for a container that cannot start.

/** The runtime's StartError message for a command it cannot find. */
export function startErrorMessage(name: string): string {
  const reason = name.includes("/") ? `stat ${name}: no such file or directory` : `executable file not found in $PATH`;
  return `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${name}": ${reason}: unknown`;
}

/** runc's answer when the container's init is OOM-killed before it execs the program (a limit of a few Mi). */
export const RUNC_INIT_OOM =
  "failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: container init was OOM-killed (memory limit too low?): unknown";
