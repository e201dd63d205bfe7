// The kubelet's container lifecycle as data, after KWOK's stages: each row says, for a container in phase `from`
// hit by `on` (and whose facts pass `when`), which phase it moves to, the waiting reason it shows, the events the
// kubelet writes, and when its next step is due (from the cluster's pace). The first matching row wins; no row means
// nothing happens. Every event the kubelet writes, pod-level ones included, is a template of `kubeletEvents`.
// stage-engine.ts applies the rows; lifecycle.ts decides when each trigger fires. The pod's own steps (sandbox,
// deadline, termination) are the sibling table pod-stages.ts.
import type { TimingProfile } from "../timing";
import { backoffDelay } from "./backoff";
import type { ContainerPhase, ContainerRuntime } from "./pod-runtime";
import type { PullResult } from "./runtime-port";

export type EventType = "Normal" | "Warning";

/** One event the kubelet writes: its type, reason and message template over `P`. */
export interface EventTemplate<P> {
  type: EventType;
  reason: string;
  message: (p: P) => string;
}

/** An event ready to be written. */
export interface EventBody {
  type: EventType;
  reason: string;
  message: string;
}

export function render<P>(template: EventTemplate<P>, params: P): EventBody {
  return { type: template.type, reason: template.reason, message: template.message(params) };
}

const event = <P>(type: EventType, reason: string, message: (p: P) => string): EventTemplate<P> => ({ type, reason, message });

type Named = { container: string };
type Imaged = { image: string };

/** Every event the kubelet writes, by what it says. */
export const kubeletEvents = {
  inspectFailed: event("Warning", "InspectFailed", (f: { invalidImage?: string }) => f.invalidImage ?? ""),
  invalidImageName: event("Warning", "Failed", () => "Error: InvalidImageName"),
  neverPull: event("Warning", "ErrImageNeverPull", (f: Imaged) => neverPullMessage(f.image)),
  alreadyPresent: event("Normal", "Pulled", (f: Imaged) => `Container image "${f.image}" already present on machine`),
  pulling: event("Normal", "Pulling", (f: Imaged) => `Pulling image "${f.image}"`),
  pulled: event(
    "Normal",
    "Pulled",
    (f: Imaged & { pullTook: string; imageBytes: number }) =>
      `Successfully pulled image "${f.image}" in ${f.pullTook} (${f.pullTook} including waiting). Image size: ${f.imageBytes} bytes.`,
  ),
  pullFailed: event("Warning", "Failed", (f: { pullMessage: string }) => f.pullMessage),
  errImagePull: event("Warning", "Failed", () => "Error: ErrImagePull"),
  pullBackOff: event("Normal", "BackOff", (f: Imaged) => pullBackOffMessage(f.image)),
  imagePullBackOff: event("Warning", "Failed", () => "Error: ImagePullBackOff"),
  configError: event("Warning", "Failed", (f: { configError?: string }) => `Error: ${f.configError}`),
  created: event("Normal", "Created", (f: Named) => `Created container: ${f.container}`),
  started: event("Normal", "Started", (f: Named) => `Started container ${f.container}`),
  startFailed: event("Warning", "Failed", (f: { startError?: string }) => `Error: ${f.startError}`),
  crashBackOff: event("Warning", "BackOff", (f: Named & { pod: string }) => `Back-off restarting failed container ${f.container} in pod ${f.pod}`),
  failedMount: event(
    "Warning",
    "FailedMount",
    (f: { mountFailure?: { volume: string; message: string } }) => `MountVolume.SetUp failed for volume "${f.mountFailure?.volume}" : ${f.mountFailure?.message}`,
  ),
  deadlineExceeded: event("Normal", "DeadlineExceeded", () => "Pod was active on the node longer than the specified deadline"),
  evicted: event("Warning", "Evicted", (f: { evictionMessage?: string }) => f.evictionMessage ?? ""),
  stopping: event("Normal", "Killing", (p: Named) => `Stopping container ${p.container}`),
  definitionChanged: event("Normal", "Killing", (p: Named) => `Container ${p.container} definition changed, will be restarted`),
  sidecarDefinitionChanged: event("Normal", "Killing", (p: Named) => `Init container ${p.container} definition changed`),
  probeKilling: event("Normal", "Killing", (p: Named & { probe: string }) => `Container ${p.container} failed ${p.probe} probe, will be restarted`),
  sidecarProbeKilling: event("Normal", "Killing", (p: Named & { probe: string }) => `Init container ${p.container} failed ${p.probe} probe`),
  unhealthy: event("Warning", "Unhealthy", (p: { label: string; output: string }) => `${p.label} probe failed: ${p.output}`.trimEnd()),
} as const;

const neverPullMessage = (image: string) => `Container image "${image}" is not present with pull policy of Never`;
const pullBackOffMessage = (image: string) => `Back-off pulling image "${image}"`;

/** What happens to a container: a timer of its own, an internal step, or its instance ending. */
export type Trigger =
  | "due" // its next step came (dueAt)
  | "notice" // the kubelet's next sync after an error (noticeAt): the back-off reason replaces the error
  | "imageReady" // its image is on the node: resolve the config and create it
  | "exited" // its instance ended and may come back: by itself, or killed after a failed probe or a changed image
  | "stopped"; // its instance ended for good: the pod terminates

/** What a row may look at; the engine computes each fact when first asked. */
export interface StageFacts {
  container: string;
  /** The pod as events name it: name_namespace(uid). */
  pod: string;
  image: string;
  imagePullPolicy: string;
  /** The runtime's InvalidImageName message for an unparsable image. */
  invalidImage?: string;
  imagePresent: boolean;
  pull: PullResult;
  pullMessage: string;
  /** How long the pull that ends now took (Go's duration) and the image's size. */
  pullTook: string;
  imageBytes: number;
  /** Why the container's environment or files cannot be resolved (a missing ConfigMap, Secret or key). */
  configError?: string;
  /** The runtime's message when the instance about to start cannot (its executable does not exist): a StartError. */
  startError?: string;
  /** The container has an instance (running, or terminated and not yet retired). */
  hasInstance: boolean;
  /** Its instance's exit brings it back (restart policy; never while the pod terminates). */
  restarts: boolean;
  /** A restart is scheduled (dueAt set). */
  restartDue: boolean;
  /** The back-off before that restart, as the CrashLoopBackOff message says it. */
  restartBackoff: string;
}

/** State changes a row asks for that are more than a phase, a reason and a delay (the engine implements each). */
export type Effect =
  | "countPullFailure" // one more failed pull (the pull back-off grows)
  | "recordImage" // the node has the image; the container its imageID
  | "keepProcessSpec" // remember what the instance will be started with
  | "startInstance" // a new instance runs from now, its probes scheduled
  | "newInstance" // the ended instance becomes the previous one; the restart count grows
  | "retireInstance" // the ended instance becomes the previous one (shown as lastState while backing off)
  | "countCrash"; // one more crash in a row (reset after a long enough run)

export interface DelayInput {
  timing: TimingProfile;
  c: ContainerRuntime;
  facts: StageFacts;
}

export interface Stage {
  /** Phases the row applies to; all when absent. */
  from?: readonly ContainerPhase[];
  on: Trigger;
  when?: (f: StageFacts) => boolean;
  /** The next phase; unchanged when absent. */
  to?: ContainerPhase;
  /** The waiting reason and message shown from now (null: none; absent: unchanged). */
  waiting?: { reason: string; message: (f: StageFacts) => string } | null;
  events?: readonly EventTemplate<StageFacts>[];
  effects?: readonly Effect[];
  /** When the next step is due, ms from now (after the effects ran). */
  delay?: (d: DelayInput) => number;
  /** When the back-off reason replaces the error, ms from now; `delay` is this row's delay. */
  notice?: (d: DelayInput & { delay: number }) => number | undefined;
  /** A trigger fired at once after this row. */
  then?: Trigger;
}

/** A short pause before a back-off reason replaces the error reason (the kubelet's next sync). */
const noticeDelay = (timing: TimingProfile) => Math.max(1, Math.floor(timing.backoffBaseMs / 10));

const waitingToPrepare = ["pending", "pullBackoff", "blocked"] as const;

export const containerStages: readonly Stage[] = [
  // The image: checked, found on the node, or pulled.
  {
    from: waitingToPrepare,
    on: "due",
    when: (f) => f.invalidImage !== undefined,
    to: "blocked",
    waiting: { reason: "InvalidImageName", message: (f) => f.invalidImage ?? "" },
    events: [kubeletEvents.inspectFailed, kubeletEvents.invalidImageName],
  },
  {
    from: waitingToPrepare,
    on: "due",
    when: (f) => f.imagePullPolicy === "Never" && !f.imagePresent,
    to: "blocked",
    waiting: { reason: "ErrImageNeverPull", message: (f) => neverPullMessage(f.image) },
    events: [kubeletEvents.neverPull],
  },
  {
    from: waitingToPrepare,
    on: "due",
    when: (f) => f.imagePresent && f.imagePullPolicy !== "Always",
    events: [kubeletEvents.alreadyPresent],
    then: "imageReady",
  },
  {
    from: waitingToPrepare,
    on: "due",
    to: "pulling",
    events: [kubeletEvents.pulling],
    delay: ({ timing, facts }) =>
      !facts.pull.ok ? timing.imagePullMs.small : facts.imagePresent ? Math.ceil(timing.imagePullMs.small / 3) : timing.imagePullMs[facts.pull.size],
  },
  {
    from: ["pulling"],
    on: "due",
    when: (f) => !f.pull.ok,
    to: "pullBackoff",
    waiting: { reason: "ErrImagePull", message: (f) => f.pullMessage },
    events: [kubeletEvents.pullFailed, kubeletEvents.errImagePull],
    effects: ["countPullFailure"],
    delay: ({ timing, c }) => backoffDelay(c.pullFailures, timing),
    notice: ({ timing, delay }) => Math.min(delay / 2, noticeDelay(timing)),
  },
  { from: ["pulling"], on: "due", events: [kubeletEvents.pulled], effects: ["recordImage"], then: "imageReady" },
  {
    from: ["pullBackoff"],
    on: "notice",
    waiting: { reason: "ImagePullBackOff", message: (f) => pullBackOffMessage(f.image) },
    events: [kubeletEvents.pullBackOff, kubeletEvents.imagePullBackOff],
  },
  // The container: its config resolved, created, started.
  {
    on: "imageReady",
    when: (f) => f.configError !== undefined,
    to: "blocked",
    waiting: { reason: "CreateContainerConfigError", message: (f) => f.configError ?? "" },
    events: [kubeletEvents.configError],
  },
  { on: "imageReady", to: "creating", effects: ["keepProcessSpec"], delay: ({ timing }) => timing.containerStartMs },
  {
    from: ["creating"],
    on: "due",
    when: (f) => f.startError !== undefined,
    to: "running",
    waiting: null,
    events: [kubeletEvents.created, kubeletEvents.startFailed],
    effects: ["startInstance"],
  },
  {
    from: ["creating"],
    on: "due",
    to: "running",
    waiting: null,
    events: [kubeletEvents.created, kubeletEvents.started],
    effects: ["startInstance"],
  },
  // Its end: for good, or a restart after the crash-loop back-off.
  { on: "stopped", to: "done" },
  { on: "exited", when: (f) => !f.restarts, to: "done" },
  {
    on: "exited",
    to: "exited",
    effects: ["countCrash"],
    delay: ({ timing, c }) => backoffDelay(c.crashStreak - 1, timing),
    notice: ({ timing, delay }) => (delay > 0 ? Math.min(delay / 2, noticeDelay(timing)) : undefined),
  },
  {
    from: ["exited"],
    on: "notice",
    when: (f) => f.restartDue,
    waiting: {
      reason: "CrashLoopBackOff",
      message: (f) => `back-off ${f.restartBackoff} restarting failed container=${f.container} pod=${f.pod}`,
    },
    events: [kubeletEvents.crashBackOff],
    effects: ["retireInstance"],
  },
  { from: ["exited"], on: "due", when: (f) => f.hasInstance && !f.restarts, to: "done" },
  { from: ["exited"], on: "due", to: "pending", effects: ["newInstance"], then: "due" },
];

