// The engine that applies the pod stage table (pod-stages.ts), as stage-engine.ts applies the container one: for a
// trigger on a pod, it finds the first row that matches the pod's state and facts, and applies it — events, the
// kubelet's own failure, the next state (setting what the state is read from), then the row's effects.
import type { NodeState } from "./node-state";
import type { ContainerRuntime, TerminationCause } from "./pod-runtime";
import { podStages, podState, terminationStates, type PodEffect, type PodFacts, type PodStage, type PodState, type PodTrigger } from "./pod-stages";
import { startable } from "./sidecars";
import { render, type EventBody } from "./stages";
import { allStopped, haltContainers, runningContainers, signalStops, type StopHost } from "./termination";

/** What the engine needs from the pod simulation. */
export interface PodStageHost extends StopHost {
  readonly node: NodeState;
  /** The pod runs on its node's network (it gets no pod IP of its own). */
  readonly hostNetwork: boolean;
  /** A volume whose ConfigMap, Secret or key is missing, if any. */
  missingVolume(): { volume: string; message: string } | undefined;
  /** When and why the eviction manager evicts the pod, if it does. */
  eviction(): { at: number; message: string } | undefined;
  /** The pod's terminationGracePeriodSeconds, in ms. */
  graceMs(): number;
  /** The grace period of the pod's deletion, in ms (0 when it is not being deleted). */
  deletionGraceMs(): number;
  emit(at: number, c: ContainerRuntime | undefined, event: EventBody): void;
}

const causeOf = new Map(Object.entries(terminationStates).map(([cause, state]) => [state, cause as TerminationCause]));

/** The pod's facts, each computed when first read and kept for the step (a class: this runs on every pod step). */
class Facts implements PodFacts {
  private mount?: { failure?: { volume: string; message: string } };
  private stopped?: boolean;
  private grace?: number;
  private deletionGrace?: number;
  private evicted?: { message?: string };

  constructor(private readonly host: PodStageHost) {}

  get mountFailure(): { volume: string; message: string } | undefined {
    return (this.mount ??= { failure: this.host.missingVolume() }).failure;
  }
  get evictionMessage(): string | undefined {
    return (this.evicted ??= { message: this.host.eviction()?.message }).message;
  }
  get allStopped(): boolean {
    return (this.stopped ??= allStopped(this.host.rt));
  }
  get graceMs(): number {
    return (this.grace ??= this.host.graceMs());
  }
  get deletionGraceMs(): number {
    return (this.deletionGrace ??= this.host.deletionGraceMs());
  }
}

function factsFor(host: PodStageHost): PodFacts {
  return new Facts(host);
}

function stageFor(host: PodStageHost, trigger: PodTrigger, facts: PodFacts): PodStage | undefined {
  const state = podState(host.rt);
  return podStages.find((s) => s.on === trigger && (!s.from || s.from.includes(state)) && (!s.when || s.when(facts)));
}

/** Whether `trigger` would do anything to the pod now (a timer of the pod is offered only then). */
export function podAccepts(host: PodStageHost, trigger: PodTrigger): boolean {
  return stageFor(host, trigger, factsFor(host)) !== undefined;
}

/** Set what `state` is read from (pod-stages.ts podState). */
function enter(host: PodStageHost, state: PodState, stage: PodStage, facts: PodFacts, at: number): void {
  const rt = host.rt;
  const cause = causeOf.get(state);
  if (cause) rt.termination = { cause, at, graceMs: stage.grace?.(facts) ?? 0 };
  else if (state === "running") rt.sandboxReady = true;
  else if (state === "mountFailed") rt.sandboxAt = Number.POSITIVE_INFINITY;
  else rt.sandboxAt = at;
}

const effects: Record<PodEffect, (host: PodStageHost, at: number) => void> = {
  allocatePodIP: (host) => {
    host.rt.podIP = host.hostNetwork ? undefined : host.node.allocate(host.rt.uid);
  },
  startWhoseTurnCame: (host, at) => {
    for (const c of startable(host.rt)) if (c.phase === "pending" && c.dueAt === undefined) c.dueAt = at;
  },
  haltContainers: (host, at) => haltContainers(host.rt, at),
  stopWhoseTurnCame: (host, at) => signalStops(host, at),
};

/** Apply `trigger` to the pod at `at`: the first row of the pod stage table that matches, if any. */
export function firePod(host: PodStageHost, trigger: PodTrigger, at: number): void {
  const facts = factsFor(host);
  const stage = stageFor(host, trigger, facts);
  if (!stage) return;
  const told = stage.containerEvents ? runningContainers(host.rt) : [];
  for (const template of stage.events ?? []) host.emit(at, undefined, render(template, facts));
  for (const c of told) for (const template of stage.containerEvents ?? []) host.emit(at, c, render(template, { container: c.name }));
  if (stage.fails) {
    const { reason, message } = render(stage.fails, facts);
    host.rt.evicted = { reason, message };
  }
  if (stage.to) enter(host, stage.to, stage, facts, at);
  for (const effect of stage.effects ?? []) effects[effect](host, at);
}
