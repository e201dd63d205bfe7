import { describe, expect, it } from "vitest";
import { interPodAffinityNormalize, interPodAffinityPrepareScore, interPodAffinityScore } from "../../../src/cluster/scheduler/plugins/inter-pod-affinity";
import { nodeAffinityNormalize, nodeAffinityScore } from "../../../src/cluster/scheduler/plugins/node-affinity";
import { balancedAllocationScore, leastAllocatedScore } from "../../../src/cluster/scheduler/plugins/node-resources";
import { defaultNormalizeScore } from "../../../src/cluster/scheduler/plugins/normalize";
import { spreadNormalize, spreadPrepareScore, spreadScore } from "../../../src/cluster/scheduler/plugins/pod-topology-spread";
import { taintTolerationNormalize, taintTolerationScore } from "../../../src/cluster/scheduler/plugins/taint-toleration";
import { selectorFromSet } from "../../../src/api/selectors/label-selector";
import { cacheOf, nodeInfo, nodeObject, podObject, toSchedule } from "./fixtures";

describe("NodeResourcesFit LeastAllocated score", () => {
  it("averages (free/capacity)*100 of cpu and memory after placing the pod", () => {
    const cache = cacheOf([nodeObject("n", { cpu: "4", memory: "4Gi" })], [podObject("a", { cpu: "1", memory: "1Gi", node: "n" })]);
    // cpu: (4000-2000)*100/4000 = 50; memory: (4Gi-2Gi)*100/4Gi = 50.
    expect(leastAllocatedScore(toSchedule(podObject("p", { cpu: "1", memory: "1Gi" })), nodeInfo(cache, "n"))).toBe(50);
  });

  it("counts 100m/200Mi for pods without requests", () => {
    const cache = cacheOf([nodeObject("n", { cpu: "1", memory: "1000Mi" })]);
    // cpu: 900*100/1000 = 90; memory: 800Mi*100/1000Mi = 80 → 85.
    expect(leastAllocatedScore(toSchedule(podObject("p")), nodeInfo(cache, "n"))).toBe(85);
  });
});

describe("NodeResourcesBalancedAllocation score", () => {
  it("is 100 × (1 − |cpu fraction − memory fraction| / 2)", () => {
    const cache = cacheOf([nodeObject("n", { cpu: "4", memory: "4Gi" })]);
    // cpu 2/4 = 0.5, memory 1/4 = 0.25 → std 0.125 → 87.
    expect(balancedAllocationScore(toSchedule(podObject("p", { cpu: "2", memory: "1Gi" })), nodeInfo(cache, "n"))).toBe(87);
    expect(balancedAllocationScore(toSchedule(podObject("p", { cpu: "1", memory: "1Gi" })), nodeInfo(cache, "n"))).toBe(100);
  });
});

describe("TaintToleration score", () => {
  it("prefers nodes with fewer untolerated PreferNoSchedule taints", () => {
    const soft = { key: "spot", value: "true", effect: "PreferNoSchedule" };
    const cache = cacheOf([nodeObject("clean"), nodeObject("spot", { taints: [soft] })]);
    const pod = toSchedule(podObject("p"));
    const raw = ["clean", "spot"].map((n) => taintTolerationScore(pod, nodeInfo(cache, n)));
    expect(taintTolerationNormalize(raw)).toEqual([100, 0]);
    const tolerant = toSchedule(podObject("p", { spec: { tolerations: [{ key: "spot", operator: "Exists" }] } }));
    expect(taintTolerationScore(tolerant, nodeInfo(cache, "spot"))).toBe(0);
  });
});

describe("NodeAffinity preferred score", () => {
  it("sums the weights of matching preferred terms, normalised to the best node", () => {
    const cache = cacheOf([nodeObject("a", { labels: { disk: "ssd", net: "fast" } }), nodeObject("b", { labels: { disk: "ssd" } }), nodeObject("c")]);
    const pref = (weight: number, key: string, value: string) => ({ weight, preference: { matchExpressions: [{ key, operator: "In", values: [value] }] } });
    const pod = toSchedule(podObject("p", { spec: { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [pref(30, "disk", "ssd"), pref(10, "net", "fast")] } } } }));
    const raw = ["a", "b", "c"].map((n) => nodeAffinityScore(pod, nodeInfo(cache, n)));
    expect(raw).toEqual([40, 30, 0]);
    expect(nodeAffinityNormalize(raw)).toEqual([100, 75, 0]);
  });
});

describe("defaultNormalizeScore", () => {
  it("gives every node the maximum in reverse mode when all raw scores are 0", () => {
    expect(defaultNormalizeScore([0, 0], true)).toEqual([100, 100]);
    expect(defaultNormalizeScore([0, 0], false)).toEqual([0, 0]);
  });
});

describe("InterPodAffinity preferred score", () => {
  it("favours domains with preferred pods and penalises anti-preferred ones", () => {
    const nodes = [nodeObject("n1"), nodeObject("n2"), nodeObject("n3")];
    const cache = cacheOf(nodes, [podObject("cache", { labels: { app: "cache" }, node: "n1" }), podObject("batch", { labels: { app: "batch" }, node: "n2" })]);
    const term = (app: string, weight: number) => ({ weight, podAffinityTerm: { labelSelector: { matchLabels: { app } }, topologyKey: "kubernetes.io/hostname" } });
    const pod = toSchedule(podObject("web", { spec: { affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [term("cache", 50)] }, podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [term("batch", 20)] } } } }));
    const state = interPodAffinityPrepareScore(pod, cache);
    const raw = ["n1", "n2", "n3"].map((n) => interPodAffinityScore(nodeInfo(cache, n), state));
    expect(raw).toEqual([50, -20, 0]);
    // (s - min) * 100 / (max - min): 100, 0, 20 * 100 / 70 = 28.
    expect(interPodAffinityNormalize(raw)).toEqual([100, 0, 28]);
  });
});

describe("PodTopologySpread score (default constraints)", () => {
  it("scores nodes with fewer of the workload's pods higher", () => {
    const nodes = [nodeObject("n1"), nodeObject("n2")];
    const cache = cacheOf(nodes, [podObject("r1", { labels: { app: "web" }, node: "n1" }), podObject("r2", { labels: { app: "web" }, node: "n1" })]);
    const pod = toSchedule(podObject("r3", { labels: { app: "web" } }), { defaultSpreadSelectors: [selectorFromSet({ app: "web" })] });
    expect(pod.spread.map((c) => [c.topologyKey, c.maxSkew])).toEqual([["kubernetes.io/hostname", 3], ["topology.kubernetes.io/zone", 5]]);
    const feasible = nodes.map((n) => nodeInfo(cache, n.metadata.name!));
    const state = spreadPrepareScore(pod, feasible, cache);
    const raw = feasible.map((n) => spreadScore(n, state, cache));
    // n1: 2 × ln(4) + 2 = 4.77 → 5; n2: 0 + 2 = 2.
    expect(raw).toEqual([5, 2]);
    // 100 × (max + min − s) / max: n1 → 40, n2 → 100.
    expect(spreadNormalize(raw, feasible, state)).toEqual([40, 100]);
  });

  it("has no default constraints for a pod nothing selects", () => {
    expect(toSchedule(podObject("lonely")).spread).toEqual([]);
  });
});
