// The pod stage table's own consistency (what the rows do in a pod's life is pinned by the golden timelines in
// golden/): every row lands the pod in the state it names, no row is hidden, terminations carry a grace period.
import { describe, expect, it } from "vitest";
import { NodeState } from "../../../src/cluster/kubelet/node-state";
import { newPodRuntime, type ContainerRuntime, type PodRuntime } from "../../../src/cluster/kubelet/pod-runtime";
import { firePod, type PodStageHost } from "../../../src/cluster/kubelet/pod-stage-engine";
import { podStages, podState, terminationStates, type PodFacts, type PodStage, type PodState, type PodTrigger } from "../../../src/cluster/kubelet/pod-stages";
import { kubeletEvents, render, type EventBody } from "../../../src/cluster/kubelet/stages";
import type { Pod } from "../../../src/api/schemas";

const states: PodState[] = ["creatingSandbox", "mountFailed", "running", "finishing", "deadlineExceeded", "deleting"];
const triggers: PodTrigger[] = ["sandboxDue", "resync", "turn", "workDone", "deadline", "deleted"];
const isTerminating = (s: PodState) => Object.values(terminationStates).includes(s);
const mountFailure = { volume: "conf", message: 'configmap "conf" not found' };

/** A pod in `state` whose one container runs, and a host that records what the engine does. */
function podIn(state: PodState, missing: boolean) {
  const pod = { metadata: { name: "p", namespace: "default", uid: "uid-1" }, spec: { containers: [{ name: "app", image: "busybox:1.36" }] } } as Pod;
  const rt: PodRuntime = newPodRuntime(pod, 0, 300);
  const app = rt.containers[0]!;
  app.phase = "running";
  app.current = { containerID: "c1", startedAt: 0 };
  if (state === "mountFailed") rt.sandboxAt = Number.POSITIVE_INFINITY;
  if (state !== "creatingSandbox" && state !== "mountFailed") rt.sandboxReady = true;
  const cause = Object.entries(terminationStates).find(([, s]) => s === state)?.[0];
  if (cause) rt.termination = { cause: cause as keyof typeof terminationStates, at: 0, graceMs: 30_000 };
  const events: EventBody[] = [];
  const host: PodStageHost = {
    rt,
    node: new NodeState("10.244.1.0/24"),
    hostNetwork: false,
    missingVolume: () => (missing ? mountFailure : undefined),
    eviction: () => undefined,
    graceMs: () => 30_000,
    deletionGraceMs: () => 10_000,
    emit: (_at: number, _c: ContainerRuntime | undefined, e: EventBody) => events.push(e),
    stop: (c: ContainerRuntime, at: number, final: boolean) => {
      c.stopping = { at, final };
    },
  };
  return { rt, host, events };
}

/** The row the table picks for `trigger` in `state` with these facts (the engine's rule: the first that matches). */
function pick(state: PodState, trigger: PodTrigger, facts: PodFacts): PodStage | undefined {
  return podStages.find((s) => s.on === trigger && (!s.from || s.from.includes(state)) && (!s.when || s.when(facts)));
}

describe("pod stage table", () => {
  it("reads every state back off the runtime it sets up", () => {
    for (const state of states) expect(podState(podIn(state, false).rt)).toBe(state);
  });

  it("lands the pod in the state each row names", () => {
    for (const stage of podStages) {
      if (!stage.to) continue;
      for (const from of stage.from ?? states) {
        const facts = (missing: boolean): PodFacts => ({ mountFailure: missing ? mountFailure : undefined, allStopped: false, graceMs: 30_000, deletionGraceMs: 10_000 });
        const missing = [false, true].find((m) => pick(from, stage.on, facts(m)) === stage);
        if (missing === undefined) continue;
        const { rt, host } = podIn(from, missing);
        firePod(host, stage.on, 1000);
        expect(podState(rt), `${from} --${stage.on}--> ${stage.to}`).toBe(stage.to);
      }
    }
  });

  it("has no row hidden behind an unconditional row for the same states and trigger", () => {
    podStages.forEach((stage, i) => {
      const shadowing = podStages.slice(0, i).find((earlier) => {
        if (earlier.on !== stage.on || earlier.when) return false;
        return !earlier.from || (!!stage.from && stage.from.every((p) => earlier.from!.includes(p)));
      });
      expect(shadowing, `row ${i}`).toBeUndefined();
    });
  });

  it("starts a termination only with a grace period, and never once the pod is being deleted", () => {
    for (const stage of podStages) {
      const terminates = stage.to !== undefined && isTerminating(stage.to);
      expect(stage.grace !== undefined, `${stage.on} → ${stage.to}`).toBe(terminates);
      if (terminates) expect(stage.from ?? states).not.toContain("deleting");
    }
  });

  it("handles every trigger lifecycle.ts fires", () => {
    for (const trigger of triggers) expect(podStages.some((s) => s.on === trigger), trigger).toBe(true);
  });

  it("writes DeadlineExceeded, a Killing event per running container, and fails the pod with the kubelet's reason", () => {
    const { rt, host, events } = podIn("running", false);
    firePod(host, "deadline", 1000);
    const message = "Pod was active on the node longer than the specified deadline";
    expect(events).toEqual([
      { type: "Normal", reason: "DeadlineExceeded", message },
      render(kubeletEvents.stopping, { container: "app" }),
    ]);
    expect(rt.evicted).toEqual({ reason: "DeadlineExceeded", message });
    expect(rt.termination).toEqual({ cause: "deadline", at: 1000, graceMs: 30_000 });
    expect(rt.containers[0]!.stopping).toEqual({ at: 1000, final: true });
  });

  it("lets a deletion take over a termination under way without a second Killing event, with the deletion's grace", () => {
    const { rt, host, events } = podIn("finishing", false);
    firePod(host, "deleted", 5000);
    expect(events).toEqual([]);
    expect(rt.termination).toEqual({ cause: "deletion", at: 5000, graceMs: 10_000 });
    firePod(host, "deleted", 6000);
    expect(rt.termination?.at).toBe(5000);
  });

  it("writes FailedMount as the kubelet words it when a volume's source is missing", () => {
    const { rt, host, events } = podIn("creatingSandbox", true);
    firePod(host, "sandboxDue", 300);
    expect(events).toEqual([
      { type: "Warning", reason: "FailedMount", message: `MountVolume.SetUp failed for volume "conf" : configmap "conf" not found` },
    ]);
    expect(rt.sandboxReady).toBe(false);
    firePod(host, "resync", 900);
    expect(rt.sandboxAt).toBe(900);
  });
});
