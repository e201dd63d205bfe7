// The kubelet's side of `kubectl attach` (and of `kubectl run -i/-it`): the running container's output from now on,
// as its run is replayed (the screen as written, for a `tty` container); with `stdin: true`, what the client writes
// goes to the container's stdin (container-inputs.ts), its process started again to read it. The stream ends (a
// Success Status, as the kubelet's attach ends) when the run does. stdinOnce: the first attach that ends closes stdin.
import type { Pod } from "../../api/schemas";
import type { PodAttachRequest, PodStreamSession } from "../registry/pods/node-connection";
import { pods } from "../registry/pods";
import type { ContainerInputs } from "./container-inputs";
import type { PodSources } from "./env";
import { runningSource } from "./exec-server";
import type { LogServerDependencies } from "./log-server";
import { replay } from "./logs";
import type { SimulatedProcess } from "./runtime-port";

/** How often an attach looks for new output (wall clock). */
const attachTickMs = 250;

export interface AttachDependencies extends LogServerDependencies {
  inputs?: () => ContainerInputs | undefined;
  /** Input reached a container of the pod: the kubelet starts its process again and looks at the pod now. */
  inputArrived?(pod: Pod): void;
}

export function attachToContainer(deps: AttachDependencies, sources: (pod: Pod) => PodSources, request: PodAttachRequest): PodStreamSession {
  const { pod, container } = request;
  const source = runningSource(pod, container);
  const spec = source.container;
  const uid = pod.metadata.uid ?? "";
  const inputs = deps.inputs?.();
  const takesInput = !!spec.stdin && request.stdin && !!inputs;
  const start = source.startedAt;
  // The first attach to a container with stdinOnce and no terminal (`kubectl run -i`) gets its output from the start,
  // as kubectl run expects of a command it started for this attach; others get it from now on.
  const first = !!spec.stdin && !!spec.stdinOnce && !spec.tty && !!inputs && inputs.of(uid, container).chunks.length === 0 && !inputs.closed(uid, container);
  const attachedAt = first ? start : deps.now();
  const sent = { stdout: 0, stderr: 0 };
  let process: SimulatedProcess | undefined;
  let seen = -1;
  const version = () => (inputs ? inputs.of(uid, container).chunks.length + (inputs.closed(uid, container) ? 1 : 0) : 0);
  const current = () => {
    const v = version();
    if (!process || v !== seen) {
      process = replay(pod, source, sources(pod), deps.runtime, deps.network, deps.execs?.()?.of(pod, source.containerID, source.startedAt));
      seen = v;
    }
    return process;
  };
  let ended = false;
  const stillRunning = (now: number) => {
    const exit = current().exit;
    if (exit && start + exit.atMs <= now) return false;
    const stored = deps.registry.tryGet(pods, pod.metadata.namespace, pod.metadata.name!);
    if (!stored || stored.metadata.uid !== pod.metadata.uid) return false;
    const status = [...(stored.status?.containerStatuses ?? []), ...(stored.status?.initContainerStatuses ?? [])].find((s) => s.name === container);
    return !status || (status.containerID === source.containerID && !!status.state?.running) || !status.state?.terminated;
  };
  const closeStdin = () => {
    if (!spec.stdin || !spec.stdinOnce || !inputs || inputs.closed(uid, container)) return;
    inputs.close(uid, container, deps.now());
    deps.inputArrived?.(pod);
  };
  return {
    write(text) {
      if (!takesInput) return; // a container without stdin: the runtime does not open its stdin, the input goes nowhere
      if (inputs!.write(uid, container, text, deps.now())) deps.inputArrived?.(pod);
    },
    closeInput() {
      if (takesInput) closeStdin();
    },
    resize() {
      // The simulated terminal has no size a program reads.
    },
    read() {
      // Everything written since the attach began, less what was sent: a replay with new input rewrites nothing
      // before the input's moment, and writes in the same millisecond as an earlier read are not lost.
      const now = deps.now();
      const p = current();
      const from = attachedAt - start;
      const until = now + 1 - start;
      let stdout = "";
      let stderr = "";
      const screen = spec.tty ? p.screen?.(from, until) : undefined;
      if (screen !== undefined) stdout = screen;
      else {
        for (const line of p.output(from, until)) {
          if (line.stream === "stdout") stdout += `${line.text}\n`;
          else stderr += `${line.text}\n`;
        }
      }
      const fresh = { stdout: stdout.slice(sent.stdout), stderr: stderr.slice(sent.stderr) };
      sent.stdout = Math.max(sent.stdout, stdout.length);
      sent.stderr = Math.max(sent.stderr, stderr.length);
      if (!stillRunning(now)) ended = true;
      return fresh;
    },
    nextInMs: () => attachTickMs,
    get exit() {
      return ended ? { code: 0 } : undefined;
    },
    close() {
      if (takesInput) closeStdin();
    },
  };
}
