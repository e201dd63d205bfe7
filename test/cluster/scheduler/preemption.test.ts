// DefaultPreemption as pure functions over the scheduler cache: victims per node, the choice of node, and the
// `preemption:` message of each way it can fail.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { prepareFilters, schedulePod, type NominatedPods } from "../../../src/cluster/scheduler/framework";
import { assignedPod } from "../../../src/cluster/scheduler/parse";
import { preempt } from "../../../src/cluster/scheduler/preemption/evaluate";
import { pickOneNodeForPreemption, type Candidate } from "../../../src/cluster/scheduler/preemption/pick-node";
import { selectVictimsOnNode } from "../../../src/cluster/scheduler/preemption/victims";
import type { AssignedPod, PodToSchedule } from "../../../src/cluster/scheduler/types";
import type { SchedulerCache } from "../../../src/cluster/scheduler/cache";
import { cacheOf, controlPlaneTaint, nodeInfo, nodeObject, podObject, toSchedule } from "./fixtures";

type Json = Record<string, any>;

function bound(name: string, node: string, cpu: string, priority: number, extra: { labels?: Record<string, string>; spec?: Json; created?: string } = {}): KubeObject {
  const pod = podObject(name, { node, cpu, labels: extra.labels, spec: { priority, ...extra.spec } });
  if (extra.created) pod.metadata.creationTimestamp = extra.created;
  return pod;
}

function incoming(cpu: string, priority: number, spec: Json = {}, status: Json = {}, name = "incoming"): PodToSchedule {
  const pod = podObject(name, { cpu, spec: { priority, ...spec } });
  pod.status = { ...(pod.status as Json), ...status };
  return toSchedule(pod);
}

function victimsOn(cache: SchedulerCache, pod: PodToSchedule, node: string) {
  const result = selectVictimsOnNode(pod, nodeInfo(cache, node), prepareFilters(pod, cache));
  return "victims" in result ? { victims: result.victims.map((v) => v.key) } : result;
}

function run(cache: SchedulerCache, pod: PodToSchedule, nominated?: NominatedPods) {
  const result = schedulePod(pod, cache, nominated);
  if (result.node !== undefined) throw new Error(`expected no fit, got ${result.node}`);
  return preempt(pod, cache, result.failures, result.state, nominated);
}

describe("selectVictimsOnNode", () => {
  it("evicts only what is needed, taking back the more important pods first", () => {
    const cache = cacheOf(
      [nodeObject("n1", { cpu: "2" })],
      [bound("p1", "n1", "500m", 1), bound("p2", "n1", "1", 2), bound("p3", "n1", "500m", 3)],
    );
    // Without p3 (most important) back the pod fits; p2 then does not fit back; p1 does.
    expect(victimsOn(cache, incoming("1", 100), "n1")).toEqual({ victims: ["default/p2"] });
  });

  it("prefers the least important pod when either would do, and the newer of two equals", () => {
    const cache = cacheOf(
      [nodeObject("n1", { cpu: "2" })],
      [bound("low", "n1", "1", 1), bound("high", "n1", "1", 5)],
    );
    expect(victimsOn(cache, incoming("1", 100), "n1")).toEqual({ victims: ["default/low"] });
    const twins = cacheOf(
      [nodeObject("n1", { cpu: "2" })],
      [bound("older", "n1", "1", 1, { created: "2025-01-01T00:00:00Z" }), bound("newer", "n1", "1", 1, { created: "2025-01-02T00:00:00Z" })],
    );
    expect(victimsOn(twins, incoming("1", 100), "n1")).toEqual({ victims: ["default/newer"] });
  });

  it("never touches pods of equal or higher priority", () => {
    const cache = cacheOf([nodeObject("n1", { cpu: "1" })], [bound("same", "n1", "1", 100)]);
    expect(victimsOn(cache, incoming("1", 100), "n1")).toEqual({ reasons: ["No preemption victims found for incoming pod"] });
  });

  it("gives the filter's reasons when even evicting every lower pod is not enough", () => {
    const cache = cacheOf([nodeObject("n1", { cpu: "2" })], [bound("vip", "n1", "1500m", 1000), bound("low", "n1", "500m", 0)]);
    expect(victimsOn(cache, incoming("1", 100), "n1")).toEqual({ reasons: ["Insufficient cpu"] });
  });

  it("evicts a lower pod the incoming pod's required anti-affinity rejects", () => {
    const cache = cacheOf([nodeObject("n1", { cpu: "4" })], [bound("db", "n1", "100m", 0, { labels: { app: "db" } })]);
    const antiAffinity = {
      podAntiAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: "db" } }, topologyKey: "kubernetes.io/hostname" }],
      },
    };
    const pod = incoming("100m", 10, { affinity: antiAffinity });
    expect(schedulePod(pod, cache).node).toBeUndefined();
    expect(victimsOn(cache, pod, "n1")).toEqual({ victims: ["default/db"] });
  });
});

describe("selectVictimsOnNode with topology spread", () => {
  it("counts the domains without the victims, evicting only as many matching pods as the skew needs", () => {
    const web = { app: "web" };
    const cache = cacheOf(
      [nodeObject("n1", { cpu: "4" }), nodeObject("n2", { cpu: "1" })],
      [
        bound("web-a", "n1", "100m", 0, { labels: web }),
        bound("web-b", "n1", "100m", 0, { labels: web, created: "2025-01-02T00:00:00Z" }),
        bound("web-vip", "n2", "1", 1000, { labels: web }),
      ],
    );
    const spread = [{ maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: web } }];
    const pod = toSchedule(podObject("incoming", { cpu: "100m", labels: web, spec: { priority: 100, topologySpreadConstraints: spread } }));
    expect(schedulePod(pod, cache).node).toBeUndefined();
    expect(victimsOn(cache, pod, "n1")).toEqual({ victims: ["default/web-b"] });
  });
});

describe("pickOneNodeForPreemption", () => {
  const victim = (key: string, priority: number, created = 0): AssignedPod => ({ ...assignedPod(bound(key, "x", "1", priority)), created });
  const candidate = (node: string, ...victims: AssignedPod[]): Candidate => ({ node, victims });

  it("prefers the node whose most important victim is least important", () => {
    expect(pickOneNodeForPreemption([candidate("a", victim("a1", 5)), candidate("b", victim("b1", 3), victim("b2", 1))])?.node).toBe("b");
  });

  it("then the smallest sum of priorities, then the fewest victims, then the latest start", () => {
    expect(pickOneNodeForPreemption([candidate("a", victim("a1", 5), victim("a2", 4)), candidate("b", victim("b1", 5), victim("b2", 1))])?.node).toBe("b");
    expect(pickOneNodeForPreemption([candidate("a", victim("a1", 5), victim("a2", 0)), candidate("b", victim("b1", 5))])?.node).toBe("b");
    expect(pickOneNodeForPreemption([candidate("a", victim("a1", 5, 100)), candidate("b", victim("b1", 5, 200))])?.node).toBe("b");
    expect(pickOneNodeForPreemption([candidate("a", victim("a1", 5)), candidate("b", victim("b1", 5))])?.node).toBe("a");
    expect(pickOneNodeForPreemption([])).toBeUndefined();
  });
});

describe("preempt", () => {
  const cluster = () => [nodeObject("control-plane", { taints: [controlPlaneTaint] }), nodeObject("worker-1"), nodeObject("worker-2")];

  it("says, node by node, why preemption cannot help a pod too big for every worker", () => {
    const outcome = run(cacheOf(cluster()), incoming("64", 0));
    expect(outcome).toEqual({
      message: "0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
      clearNomination: true,
    });
  });

  it("reports the dry run's own reasons for nodes where evicting every lower pod is not enough", () => {
    const cache = cacheOf(cluster(), [bound("vip", "worker-1", "1", 1000), bound("low", "worker-1", "500m", 0), bound("peer", "worker-2", "1", 100)]);
    expect(run(cache, incoming("1500m", 100))).toEqual({
      message: "0/3 nodes are available: 1 Insufficient cpu, 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.",
      clearNomination: true,
    });
  });

  it("finds the node whose victims matter least", () => {
    const cache = cacheOf(cluster(), [bound("mid", "worker-1", "2", 50), bound("low", "worker-2", "2", 10)]);
    const outcome = run(cache, incoming("1", 100));
    expect(outcome.preempt?.node).toBe("worker-2");
    expect(outcome.preempt?.victims.map((v) => v.key)).toEqual(["default/low"]);
  });

  it("does not preempt for a pod whose policy is Never", () => {
    const cache = cacheOf(cluster(), [bound("low", "worker-1", "2", 0), bound("low2", "worker-2", "2", 0)]);
    expect(run(cache, incoming("1", 100, { preemptionPolicy: "Never" }))).toEqual({
      message: "not eligible due to preemptionPolicy=Never.",
      clearNomination: false,
    });
  });

  it("waits while a victim it preempted is still terminating on its nominated node", () => {
    const terminating = bound("low", "worker-1", "2", 0);
    terminating.metadata.deletionTimestamp = "2025-06-01T12:00:30Z";
    terminating.status = { phase: "Running", conditions: [{ type: "DisruptionTarget", status: "True", reason: "PreemptionByScheduler" }] };
    const cache = cacheOf(cluster(), [terminating, bound("other", "worker-2", "2", 0)]);
    const pod = incoming("1", 100, {}, { nominatedNodeName: "worker-1" });
    expect(run(cache, pod)).toEqual({ message: "not eligible due to a terminating pod on the nominated node.", clearNomination: false });
    // A pod merely being deleted (no DisruptionTarget from the scheduler) does not hold preemption back.
    const deleted = bound("gone", "worker-1", "2", 0);
    deleted.metadata.deletionTimestamp = "2025-06-01T12:00:30Z";
    expect(run(cacheOf(cluster(), [deleted, bound("other", "worker-2", "2", 0)]), pod).preempt?.node).toBe("worker-1");
  });
});

describe("nominated pods", () => {
  it("keep the room preemption made from pods that are not more important, and take it first when it is free", () => {
    const cache = cacheOf([nodeObject("worker-1", { cpu: "2" }), nodeObject("worker-2", { cpu: "2" })], [bound("busy", "worker-2", "2", 0)]);
    const waiting = { ...assignedPod(bound("preemptor", "worker-1", "2", 100)) };
    const nominated: NominatedPods = (node) => (node === "worker-1" ? [waiting] : []);
    // Pods as important as the nominated one (or less) see its room as taken; more important ones do not.
    expect(schedulePod(incoming("1", 0), cache, nominated).node).toBeUndefined();
    expect(schedulePod(incoming("1", 100), cache, nominated).node).toBeUndefined();
    expect(schedulePod(incoming("1", 101), cache, nominated).node).toBe("worker-1");
    // The nominated pod itself is not kept out by its own reservation, and tries its node first.
    const preemptor = incoming("2", 100, {}, { nominatedNodeName: "worker-1" }, "preemptor");
    expect(schedulePod(preemptor, cache, nominated).node).toBe("worker-1");
  });
});
