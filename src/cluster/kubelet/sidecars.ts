// The kubelet's ordering rules for init containers, sidecars included (KEP-753: an init container with
// `restartPolicy: Always` is a restartable init container, a "sidecar"). Init containers start one after the other in
// spec order; a regular one must complete (exit 0) before the next starts, a sidecar only has to be started (running,
// its startup probe passed) and then keeps running beside the app containers. A pod whose app containers are all done
// for good, or whose regular init container failed for good, ends: its sidecars are stopped, not kept alive.
import type { ContainerRuntime, PodRuntime } from "./pod-runtime";

export interface InitProgress {
  /** The init container whose turn it is; undefined once initialized, or after a failure for good. */
  next?: ContainerRuntime;
  /** Every regular init container completed and every sidecar started: the app containers may start. */
  initialized: boolean;
  /** A regular init container failed and will not be restarted (restartPolicy Never). */
  failed: boolean;
}

const succeeded = (c: ContainerRuntime) => c.phase === "done" && c.current?.exitCode === 0;

/** Where initialization stands (the kubelet's computeInitContainerActions, walked in spec order). */
export function initProgress(rt: PodRuntime): InitProgress {
  for (const c of rt.containers) {
    if (!c.init) continue;
    if (c.sidecar ? c.everStarted : succeeded(c)) continue;
    if (!c.sidecar && c.phase === "done") return { initialized: false, failed: true };
    return { next: c, initialized: false, failed: false };
  }
  return { initialized: true, failed: false };
}

/** Containers whose turn to be started has come (their first start; restarts follow their own back-off). */
export function startable(rt: PodRuntime): ContainerRuntime[] {
  // Ephemeral containers start as soon as the sandbox is up, whatever the init containers do (the kubelet starts them
  // first so that a pod stuck in initialization can be debugged).
  const ephemeral = rt.containers.filter((c) => c.ephemeral);
  const progress = initProgress(rt);
  if (progress.next) return [...ephemeral, progress.next];
  return progress.initialized ? rt.containers.filter((c) => !c.init) : ephemeral;
}

/** Nothing more will run in the pod: its app containers are all done for good, or initialization failed for good. */
export function workDone(rt: PodRuntime): boolean {
  const progress = initProgress(rt);
  if (progress.failed) return true;
  return progress.initialized && rt.containers.every((c) => c.init || c.ephemeral || c.phase === "done");
}

/**
 * Whether sidecar `c` may be told to stop during the pod's termination: every app container, every regular init
 * container and every sidecar declared after it has stopped (sidecars stop in reverse order, after the app).
 */
export function sidecarTurn(rt: PodRuntime, c: ContainerRuntime): boolean {
  const index = rt.containers.indexOf(c);
  return rt.containers.every((other, i) => other === c || (other.sidecar && i < index) || other.phase !== "running");
}
