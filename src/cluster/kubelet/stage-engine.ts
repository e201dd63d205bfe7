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
import type { ContainerRuntimePort, ProcessSpec } from "./runtime-port";
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
type EngineFacts = StageFacts & { config: Config };

/** The facts about `c` at `at`, each computed when first read. */
function factsFor(host: StageHost, c: ContainerRuntime, at: number): EngineFacts {
  const spec = host.containerSpec(c);
  const image = String(spec.image ?? "");
  const compute: { [K in keyof EngineFacts]-?: (f: EngineFacts) => EngineFacts[K] } = {
    container: () => c.name,
    pod: () => host.podRef,
    image: () => image,
    imagePullPolicy: () => spec.imagePullPolicy ?? "IfNotPresent",
    invalidImage: () => host.runtime.invalidImageMessage(image),
    imagePresent: () => host.node.hasImage(image),
    pull: () => host.runtime.pull(image),
    pullMessage: (f) => (f.pull.ok ? "" : f.pull.message),
    pullTook: () => pullDuration(at - host.pullStartedAt(c, at)),
    imageBytes: (f) => imageBytes(f.pull),
    config: () => {
      try {
        return { spec: host.processSpec(spec) };
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        return { error: error.message };
      }
    },
    configError: (f) => ("error" in f.config ? f.config.error : undefined),
    hasInstance: () => c.current !== undefined,
    restarts: () => host.restarts(c, c.current?.exitCode ?? 0),
    restartDue: () => c.dueAt !== undefined,
    restartBackoff: () => goDuration((c.dueAt ?? at) - (c.current?.finishedAt ?? at)),
  };
  return lazily<EngineFacts>(compute);
}

/** Facts computed each when first read, from a function per fact (which may read the others). */
export function lazily<F extends object>(compute: { [K in keyof F]-?: (f: F) => F[K] }): F {
  const facts = {} as F;
  for (const key of Object.keys(compute) as (keyof F)[]) {
    Object.defineProperty(facts, key, {
      configurable: true,
      get() {
        const value = compute[key](facts);
        Object.defineProperty(facts, key, { value });
        return value;
      },
    });
  }
  return facts;
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
  startInstance: (host, c, _facts, at) => {
    c.current = { containerID: containerID(host.rt.uid, c.name, c.restartCount), startedAt: at, process: host.runtime.start(c.spec!, at) };
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
  const facts = factsFor(host, c, at);
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
