// The engine that applies the container stage table (stages.ts): for a trigger on a container, it finds the first
// matching row, computes the facts that row looks at, and applies it — waiting reason, events, effects, next phase,
// next due moment from the pace — then any trigger the row chains to.
import type { Container } from "../../api/schemas";
import type { TimingProfile } from "../timing";
import { goDuration, pullDuration } from "./backoff";
import { ConfigError } from "./env";
import { containerID, imageBytes, imageRef } from "./identity";
import type { NodeState } from "./node-state";
import type { ContainerRuntime, PodRuntime } from "./pod-runtime";
import { startProbes } from "./probing";
import type { ContainerRuntimePort, ProcessSpec, PullResult, SimulatedProcess } from "./runtime-port";
import { containerStages, render, type EventBody, type Effect, type StageFacts, type Trigger } from "./stages";

/** What the engine needs from the pod simulation. */
export interface StageHost {
  readonly rt: PodRuntime;
  readonly timing: TimingProfile;
  readonly node: NodeState;
  readonly runtime: ContainerRuntimePort;
  /** The pod as events name it: name_namespace(uid). */
  readonly podRef: string;
  containerSpec(c: ContainerRuntime): Container;
  /** Throws ConfigError when a reference cannot be resolved. */
  processSpec(spec: Container): ProcessSpec;
  /** Whether an instance of `c` that exited with `exitCode` is restarted. */
  restarts(c: ContainerRuntime, exitCode: number): boolean;
  /** When the pull of `c` that ends at `at` began. */
  pullStartedAt(c: ContainerRuntime, at: number): number;
  emit(at: number, c: ContainerRuntime | undefined, event: EventBody): void;
}

type Config = { spec: ProcessSpec } | { error: string };
/** The table's facts, and the resolved config the keepProcessSpec effect keeps. */
type EngineFacts = StageFacts & { config: Config; process: SimulatedProcess };

/**
 * The facts about `c` at `at`, each computed when first read (a class, not per-call closures: `fire` runs for every
 * container step of every pod, so its facts must cost nothing until a row asks).
 */
class Facts implements EngineFacts {
  private readonly spec: Container;
  /** Each fact's value from its first read on (a row's effects must not change what its own templates said). */
  private readonly seen: { [K in keyof EngineFacts]?: { value: EngineFacts[K] } } = {};

  constructor(
    private readonly host: StageHost,
    private readonly c: ContainerRuntime,
    private readonly at: number,
  ) {
    this.spec = host.containerSpec(c);
  }

  private once<K extends keyof EngineFacts>(key: K, compute: () => EngineFacts[K]): EngineFacts[K] {
    const known = this.seen[key];
    if (known) return known.value;
    const value = compute();
    this.seen[key] = { value } as (typeof this.seen)[K];
    return value;
  }

  get container(): string {
    return this.c.name;
  }
  get pod(): string {
    return this.host.podRef;
  }
  get image(): string {
    return String(this.spec.image ?? "");
  }
  get imagePullPolicy(): string {
    return this.spec.imagePullPolicy ?? "IfNotPresent";
  }
  get invalidImage(): string | undefined {
    return this.once("invalidImage", () => this.host.runtime.invalidImageMessage(this.image));
  }
  get imagePresent(): boolean {
    return this.once("imagePresent", () => this.host.node.hasImage(this.image));
  }
  get pull(): PullResult {
    return this.once("pull", () => this.host.runtime.pull(this.image));
  }
  get pullMessage(): string {
    const pull = this.pull;
    return pull.ok ? "" : pull.message;
  }
  get pullTook(): string {
    return this.once("pullTook", () => pullDuration(this.at - this.host.pullStartedAt(this.c, this.at)));
  }
  get imageBytes(): number {
    return imageBytes(this.pull);
  }
  get config(): Config {
    return this.once("config", () => {
      try {
        return { spec: this.host.processSpec(this.spec) };
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        return { error: error.message };
      }
    });
  }
  get configError(): string | undefined {
    const config = this.config;
    return "error" in config ? config.error : undefined;
  }
  /** The process the creating container starts as (started once per step, so `startInstance` keeps this one). */
  get process(): SimulatedProcess {
    return this.once("process", () => this.host.runtime.start(this.c.spec!, this.at));
  }
  get startError(): string | undefined {
    const exit = this.process.exit;
    return exit?.reason === "StartError" ? exit.message ?? "" : undefined;
  }
  get hasInstance(): boolean {
    return this.once("hasInstance", () => this.c.current !== undefined);
  }
  get restarts(): boolean {
    return this.once("restarts", () => this.host.restarts(this.c, this.c.current?.exitCode ?? 0));
  }
  get restartDue(): boolean {
    return this.once("restartDue", () => this.c.dueAt !== undefined);
  }
  get restartBackoff(): string {
    return this.once("restartBackoff", () => goDuration((this.c.dueAt ?? this.at) - (this.c.current?.finishedAt ?? this.at)));
  }
}

const effects: Record<Effect, (host: StageHost, c: ContainerRuntime, facts: EngineFacts, at: number) => void> = {
  countPullFailure: (_host, c) => {
    c.pullFailures += 1;
  },
  recordImage: (host, c, facts) => {
    host.node.addImage(facts.image);
    c.pullFailures = 0;
    if (facts.pull.ok) c.imageID = imageRef(facts.image, facts.pull.digest).id;
  },
  keepProcessSpec: (_host, c, facts) => {
    if ("spec" in facts.config) c.spec = facts.config.spec;
    if (!c.imageID && facts.pull.ok) c.imageID = imageRef(facts.image, facts.pull.digest).id;
  },
  startInstance: (host, c, facts, at) => {
    c.current = { containerID: containerID(host.rt.uid, c.name, c.restartCount), startedAt: at, process: facts.process };
    c.noticeAt = undefined;
    startProbes(c, host.containerSpec(c), at);
  },
  newInstance: (_host, c) => {
    if (c.current) c.previous = c.current;
    c.current = undefined;
    c.restartCount += 1;
  },
  retireInstance: (_host, c) => {
    c.previous = c.current;
    c.current = undefined;
  },
  countCrash: (host, c, _facts, at) => {
    if (at - c.current!.startedAt >= host.timing.backoffResetMs) c.crashStreak = 0;
    c.crashStreak += 1;
  },
};

/** Apply `trigger` to container `c` at `at`: the first row of the stage table that matches, if any. */
export function fire(host: StageHost, c: ContainerRuntime, trigger: Trigger, at: number): void {
  const facts = new Facts(host, c, at);
  const stage = containerStages.find((s) => s.on === trigger && (!s.from || s.from.includes(c.phase)) && (!s.when || s.when(facts)));
  if (!stage) return;
  const waiting = stage.waiting && { reason: stage.waiting.reason, message: stage.waiting.message(facts) };
  const events = (stage.events ?? []).map((t) => render(t, facts));
  for (const effect of stage.effects ?? []) effects[effect](host, c, facts, at);
  if (stage.to) c.phase = stage.to;
  if (stage.waiting !== undefined) c.waiting = waiting ?? undefined;
  for (const e of events) host.emit(at, c, e);
  if (stage.delay) {
    const input = { timing: host.timing, c, facts };
    const delay = stage.delay(input);
    c.dueAt = at + delay;
    const notice = stage.notice?.({ ...input, delay });
    if (notice !== undefined) c.noticeAt = at + notice;
  }
  if (stage.then) fire(host, c, stage.then, at);
}
