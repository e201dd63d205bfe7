// The kubelet's pod-level lifecycle as data, beside the container stages (stages.ts): each row says, for a pod in
// state `from` hit by `on` (and whose facts pass `when`), which state it moves to, the events the kubelet writes
// (for the pod, and for each container it stops), the reason it fails the pod with, the grace period of the
// termination it starts, and the effects it has. The first matching row wins; no row means nothing happens.
// As KWOK's stages select on an object's fields, a pod's state is read off its runtime (`podState`); entering one
// sets what it is read from. pod-stage-engine.ts applies the rows; lifecycle.ts decides when each trigger fires.
import type { PodRuntime, TerminationCause } from "./pod-runtime";
import { kubeletEvents, type EventTemplate } from "./stages";

export type PodState =
  | "creatingSandbox" // its sandbox (volumes, network) is set up at sandboxAt; no container runs before
  | "mountFailed" // a volume's source is missing: waits for a change
  | "running" // the sandbox is up: containers start when their turn comes
  | "finishing" // its app containers are done for good (or initialization failed): what still runs is stopped
  | "deadlineExceeded" // its activeDeadlineSeconds passed: every container is stopped, then the pod is Failed
  | "evicted" // the eviction manager evicted it (an emptyDir over its sizeLimit): killed at once, then Failed
  | "deleting"; // it has a deletionTimestamp: every container is stopped, then the pod is removed

/** What happens to a pod. */
export type PodTrigger =
  | "sandboxDue" // its sandbox's time came (sandboxAt)
  | "resync" // the kubelet looks at it again (a ConfigMap or Secret may have appeared)
  | "turn" // after every step: whoever's turn came starts, or stops
  | "workDone" // nothing more will run in it (sidecars.ts workDone)
  | "deadline" // its active deadline passed (deadline.ts)
  | "evict" // the eviction manager found it over a limit (volume-eviction.ts)
  | "deleted"; // it is being deleted

/** What a row may look at; the engine computes each fact when first asked. */
export interface PodFacts {
  /** A volume whose ConfigMap, Secret or key is missing, and why: the sandbox cannot be set up. */
  mountFailure?: { volume: string; message: string };
  /** No container runs any more (nor is being stopped). */
  allStopped: boolean;
  /** Why the eviction manager evicts the pod (its message), if it does. */
  evictionMessage?: string;
  /** The pod's terminationGracePeriodSeconds, in ms. */
  graceMs: number;
  /** The grace period of its deletion, in ms. */
  deletionGraceMs: number;
}

/** State changes a row asks for beyond its state, events and failure (the engine implements each). */
export type PodEffect =
  | "allocatePodIP" // the pod gets an IP from the node's pool (none on the host network)
  | "startWhoseTurnCame" // the containers whose turn to start came are due now (sidecars.ts startable)
  | "haltContainers" // nothing more is started or restarted; probes stop; a stop in progress becomes final
  | "stopWhoseTurnCame"; // SIGTERM to every running container whose turn to stop came (termination.ts)

export interface PodStage {
  /** States the row applies to; all when absent. */
  from?: readonly PodState[];
  on: PodTrigger;
  when?: (f: PodFacts) => boolean;
  /** The next state; unchanged when absent. */
  to?: PodState;
  /** Events for the pod. */
  events?: readonly EventTemplate<PodFacts>[];
  /** Events for each running container not already being stopped, in spec order (after the pod's). */
  containerEvents?: readonly EventTemplate<{ container: string }>[];
  /** The kubelet fails the pod itself, with this event's reason and message (Failed once every container stopped). */
  fails?: EventTemplate<PodFacts>;
  /** The grace period of the termination a row entering a terminating state starts, ms. */
  grace?: (f: PodFacts) => number;
  effects?: readonly PodEffect[];
}

/** The states in which the pod is not being stopped. */
const live = ["creatingSandbox", "mountFailed", "running"] as const;
const terminating = ["finishing", "deadlineExceeded", "evicted", "deleting"] as const;

/** The terminating states, by why the pod stops. */
export const terminationStates: Record<TerminationCause, PodState> = {
  finished: "finishing",
  deadline: "deadlineExceeded",
  eviction: "evicted",
  deletion: "deleting",
};

/** The pod's state, read off its runtime. */
export function podState(rt: PodRuntime): PodState {
  if (rt.termination) return terminationStates[rt.termination.cause];
  if (rt.sandboxReady) return "running";
  return Number.isFinite(rt.sandboxAt) ? "creatingSandbox" : "mountFailed";
}

const specGrace = (f: PodFacts) => f.graceMs;
const stopEverything: readonly PodEffect[] = ["haltContainers", "stopWhoseTurnCame"];

export const podStages: readonly PodStage[] = [
  // The sandbox, due the pace's podSandboxMs after the kubelet accepted the pod (newPodRuntime): its volumes' sources
  // checked, then its network (the pod IP). A missing source is tried again at once whenever the kubelet looks.
  { from: ["creatingSandbox"], on: "sandboxDue", when: (f) => f.mountFailure !== undefined, to: "mountFailed", events: [kubeletEvents.failedMount] },
  { from: ["creatingSandbox"], on: "sandboxDue", to: "running", effects: ["allocatePodIP"] },
  { from: ["mountFailed"], on: "resync", to: "creatingSandbox" },
  // Whose turn came: containers start one after the other while it runs, stop in order while it terminates.
  { from: ["running"], on: "turn", effects: ["startWhoseTurnCame"] },
  { from: terminating, on: "turn", effects: ["stopWhoseTurnCame"] },
  // Its end. A Killing event for every running container when the pod starts to terminate; a stronger cause
  // (the deadline over a finished pod's last sidecars, a deletion over anything) takes over a termination in progress
  // and shortens the stops under way to its grace period.
  { from: live, on: "workDone", to: "finishing", containerEvents: [kubeletEvents.stopping], grace: specGrace, effects: stopEverything },
  {
    from: live,
    on: "deadline",
    to: "deadlineExceeded",
    events: [kubeletEvents.deadlineExceeded],
    containerEvents: [kubeletEvents.stopping],
    fails: kubeletEvents.deadlineExceeded,
    grace: specGrace,
    effects: stopEverything,
  },
  {
    from: ["finishing"],
    on: "deadline",
    when: (f) => !f.allStopped,
    to: "deadlineExceeded",
    events: [kubeletEvents.deadlineExceeded],
    fails: kubeletEvents.deadlineExceeded,
    grace: specGrace,
    effects: stopEverything,
  },
  // The eviction manager kills the pod at once (immediateEvictionGracePeriodSeconds), then reports it Failed, Evicted.
  {
    from: ["running"],
    on: "evict",
    when: (f) => f.evictionMessage !== undefined,
    to: "evicted",
    events: [kubeletEvents.evicted],
    containerEvents: [kubeletEvents.stopping],
    fails: kubeletEvents.evicted,
    grace: () => 0,
    effects: stopEverything,
  },
  { from: live, on: "deleted", to: "deleting", containerEvents: [kubeletEvents.stopping], grace: (f) => f.deletionGraceMs, effects: stopEverything },
  { from: ["finishing", "deadlineExceeded", "evicted"], on: "deleted", to: "deleting", grace: (f) => f.deletionGraceMs, effects: stopEverything },
];
