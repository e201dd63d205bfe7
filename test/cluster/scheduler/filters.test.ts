import { describe, expect, it } from "vitest";
import { interPodAffinityFilter, interPodAffinityPrepare } from "../../../src/cluster/scheduler/plugins/inter-pod-affinity";
import { nodeNameFilter, nodeUnschedulableFilter } from "../../../src/cluster/scheduler/plugins/node-basics";
import { nodeAffinityFilter } from "../../../src/cluster/scheduler/plugins/node-affinity";
import { nodeResourcesFitFilter } from "../../../src/cluster/scheduler/plugins/node-resources";
import { spreadFilter, spreadPrepareFilter } from "../../../src/cluster/scheduler/plugins/pod-topology-spread";
import { assignedPod } from "../../../src/cluster/scheduler/parse";
import { taintTolerationFilter } from "../../../src/cluster/scheduler/plugins/taint-toleration";
import { cacheOf, controlPlaneTaint, nodeInfo, nodeObject, podObject, toSchedule } from "./fixtures";

describe("NodeResourcesFit filter", () => {
  it("fits against allocatable minus what bound pods request", () => {
    const cache = cacheOf([nodeObject("n1", { cpu: "2", memory: "4Gi" })], [podObject("a", { cpu: "1500m", node: "n1" })]);
    expect(nodeResourcesFitFilter(toSchedule(podObject("p", { cpu: "500m" })), nodeInfo(cache, "n1"))).toBeUndefined();
    expect(nodeResourcesFitFilter(toSchedule(podObject("p", { cpu: "501m" })), nodeInfo(cache, "n1"))).toEqual({
      plugin: "NodeResourcesFit",
      reasons: ["Insufficient cpu"],
      unresolvable: false,
    });
  });

  it("reports every insufficient resource, and too many pods first", () => {
    const cache = cacheOf([nodeObject("n1", { cpu: "1", memory: "1Gi", pods: 1 })], [podObject("a", { node: "n1" })]);
    const failure = nodeResourcesFitFilter(toSchedule(podObject("p", { cpu: "2", memory: "2Gi" })), nodeInfo(cache, "n1"));
    expect(failure?.reasons).toEqual(["Too many pods", "Insufficient cpu", "Insufficient memory"]);
  });

  it("lets a pod without requests onto a full node while a slot is free", () => {
    const cache = cacheOf([nodeObject("n1", { cpu: "1" })], [podObject("a", { cpu: "1", node: "n1" })]);
    expect(nodeResourcesFitFilter(toSchedule(podObject("p")), nodeInfo(cache, "n1"))).toBeUndefined();
  });

  it("stops counting a pod once it is removed from the cache", () => {
    const cache = cacheOf([nodeObject("n1", { cpu: "1" })], [podObject("a", { cpu: "1", node: "n1" })]);
    cache.removePod("default/a");
    expect(nodeResourcesFitFilter(toSchedule(podObject("p", { cpu: "1" })), nodeInfo(cache, "n1"))).toBeUndefined();
  });
});

describe("NodeName and NodeUnschedulable filters", () => {
  const cache = cacheOf([nodeObject("n1", { unschedulable: true }), nodeObject("n2")]);
  it("rejects a cordoned node unless the pod tolerates node.kubernetes.io/unschedulable", () => {
    expect(nodeUnschedulableFilter(toSchedule(podObject("p")), nodeInfo(cache, "n1"))?.reasons).toEqual(["node(s) were unschedulable"]);
    expect(nodeUnschedulableFilter(toSchedule(podObject("p")), nodeInfo(cache, "n2"))).toBeUndefined();
    const tolerant = podObject("p", { spec: { tolerations: [{ key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" }] } });
    expect(nodeUnschedulableFilter(toSchedule(tolerant), nodeInfo(cache, "n1"))).toBeUndefined();
  });

  it("rejects nodes other than the requested one", () => {
    const pinned = toSchedule(podObject("p", { node: "n2" }));
    expect(nodeNameFilter(pinned, nodeInfo(cache, "n1"))?.reasons).toEqual(["node(s) didn't match the requested node name"]);
    expect(nodeNameFilter(pinned, nodeInfo(cache, "n2"))).toBeUndefined();
  });
});

describe("TaintToleration filter", () => {
  const cache = cacheOf([nodeObject("cp", { taints: [controlPlaneTaint] }), nodeObject("w", { taints: [{ key: "dedicated", value: "gpu", effect: "NoExecute" }] })]);
  it("words the untolerated taint as {key: value}", () => {
    expect(taintTolerationFilter(toSchedule(podObject("p")), nodeInfo(cache, "cp"))).toEqual({
      plugin: "TaintToleration",
      reasons: ["node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"],
      unresolvable: true,
    });
    expect(taintTolerationFilter(toSchedule(podObject("p")), nodeInfo(cache, "w"))?.reasons).toEqual(["node(s) had untolerated taint {dedicated: gpu}"]);
  });

  it("passes with a matching toleration (Exists, Equal, or an empty key with Exists)", () => {
    const exists = podObject("p", { spec: { tolerations: [{ key: "node-role.kubernetes.io/control-plane", operator: "Exists", effect: "NoSchedule" }] } });
    expect(taintTolerationFilter(toSchedule(exists), nodeInfo(cache, "cp"))).toBeUndefined();
    const equal = podObject("p", { spec: { tolerations: [{ key: "dedicated", value: "gpu" }] } });
    expect(taintTolerationFilter(toSchedule(equal), nodeInfo(cache, "w"))).toBeUndefined();
    const wrongValue = podObject("p", { spec: { tolerations: [{ key: "dedicated", value: "cpu" }] } });
    expect(taintTolerationFilter(toSchedule(wrongValue), nodeInfo(cache, "w"))).toBeDefined();
    const everything = podObject("p", { spec: { tolerations: [{ operator: "Exists" }] } });
    expect(taintTolerationFilter(toSchedule(everything), nodeInfo(cache, "cp"))).toBeUndefined();
  });
});

describe("NodeAffinity filter", () => {
  const cache = cacheOf([nodeObject("a", { labels: { disk: "ssd", gen: "5" } }), nodeObject("b", { labels: { disk: "hdd", gen: "3" } })]);
  const reason = ["node(s) didn't match Pod's node affinity/selector"];
  it("honours nodeSelector", () => {
    const pod = toSchedule(podObject("p", { spec: { nodeSelector: { disk: "ssd" } } }));
    expect(nodeAffinityFilter(pod, nodeInfo(cache, "a"))).toBeUndefined();
    expect(nodeAffinityFilter(pod, nodeInfo(cache, "b"))?.reasons).toEqual(reason);
  });

  it("ORs required terms and ANDs their expressions, with Gt and matchFields", () => {
    const affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchExpressions: [{ key: "disk", operator: "In", values: ["ssd"] }, { key: "gen", operator: "Gt", values: ["4"] }] },
            { matchFields: [{ key: "metadata.name", operator: "In", values: ["zzz"] }] },
          ],
        },
      },
    };
    const pod = toSchedule(podObject("p", { spec: { affinity } }));
    expect(nodeAffinityFilter(pod, nodeInfo(cache, "a"))).toBeUndefined();
    expect(nodeAffinityFilter(pod, nodeInfo(cache, "b"))?.reasons).toEqual(reason);
    const byName = toSchedule(podObject("p", { spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: ["b"] }] }] } } } } }));
    expect(nodeAffinityFilter(byName, nodeInfo(cache, "b"))).toBeUndefined();
    expect(nodeAffinityFilter(byName, nodeInfo(cache, "a"))).toBeDefined();
  });
});

describe("InterPodAffinity filter", () => {
  const zones = [nodeObject("a1", { labels: { zone: "a" } }), nodeObject("a2", { labels: { zone: "a" } }), nodeObject("b1", { labels: { zone: "b" } })];
  const term = (app: string, topologyKey = "zone") => ({ labelSelector: { matchLabels: { app } }, topologyKey });

  it("requires a matching pod in the same topology domain for pod affinity", () => {
    const cache = cacheOf(zones, [podObject("db", { labels: { app: "db" }, node: "a1" })]);
    const pod = toSchedule(podObject("web", { spec: { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("db")] } } } }));
    const state = interPodAffinityPrepare(pod, cache);
    expect(interPodAffinityFilter(pod, nodeInfo(cache, "a2"), state)).toBeUndefined();
    expect(interPodAffinityFilter(pod, nodeInfo(cache, "b1"), state)).toEqual({ plugin: "InterPodAffinity", reasons: ["node(s) didn't match pod affinity rules"], unresolvable: true });
  });

  it("lets the first pod of a self-affine group go anywhere", () => {
    const cache = cacheOf(zones);
    const pod = toSchedule(podObject("web", { labels: { app: "web" }, spec: { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("web")] } } } }));
    expect(interPodAffinityFilter(pod, nodeInfo(cache, "b1"), interPodAffinityPrepare(pod, cache))).toBeUndefined();
  });

  it("keeps anti-affine pods out of a domain that has a match", () => {
    const cache = cacheOf(zones, [podObject("web-1", { labels: { app: "web" }, node: "a1" })]);
    const pod = toSchedule(podObject("web-2", { labels: { app: "web" }, spec: { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("web", "kubernetes.io/hostname")] } } } }));
    const state = interPodAffinityPrepare(pod, cache);
    expect(interPodAffinityFilter(pod, nodeInfo(cache, "a1"), state)?.reasons).toEqual(["node(s) didn't match pod anti-affinity rules"]);
    expect(interPodAffinityFilter(pod, nodeInfo(cache, "a2"), state)).toBeUndefined();
  });

  it("honours existing pods' anti-affinity against the incoming pod", () => {
    const loner = podObject("loner", { node: "a1", spec: { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("web")] } } } });
    const cache = cacheOf(zones, [loner]);
    const pod = toSchedule(podObject("web", { labels: { app: "web" } }));
    const state = interPodAffinityPrepare(pod, cache);
    expect(interPodAffinityFilter(pod, nodeInfo(cache, "a2"), state)?.reasons).toEqual(["node(s) didn't satisfy existing pods anti-affinity rules"]);
    expect(interPodAffinityFilter(pod, nodeInfo(cache, "b1"), state)).toBeUndefined();
  });

  it("only matches pods of the term's namespaces (the pod's own by default)", () => {
    const cache = cacheOf(zones, [podObject("db", { namespace: "other", labels: { app: "db" }, node: "a1" })]);
    const pod = toSchedule(podObject("web", { spec: { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term("db")] } } } }));
    expect(interPodAffinityFilter(pod, nodeInfo(cache, "a1"), interPodAffinityPrepare(pod, cache))).toBeDefined();
    const cross = toSchedule(podObject("web", { spec: { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ ...term("db"), namespaces: ["other"] }] } } } }));
    expect(interPodAffinityFilter(cross, nodeInfo(cache, "a1"), interPodAffinityPrepare(cross, cache))).toBeUndefined();
  });
});

describe("PodTopologySpread filter", () => {
  const nodes = [nodeObject("a1", { labels: { zone: "a" } }), nodeObject("b1", { labels: { zone: "b" } }), nodeObject("nolabel")];
  const constraint = { maxSkew: 1, topologyKey: "zone", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { app: "web" } } };

  it("rejects the domain that would exceed maxSkew, and nodes without the topology label", () => {
    const cache = cacheOf(nodes, [podObject("w1", { labels: { app: "web" }, node: "a1" })]);
    const pod = toSchedule(podObject("w2", { labels: { app: "web" }, spec: { topologySpreadConstraints: [constraint] } }));
    const state = spreadPrepareFilter(pod, cache);
    expect(spreadFilter(nodeInfo(cache, "a1"), state)).toEqual({ plugin: "PodTopologySpread", reasons: ["node(s) didn't match pod topology spread constraints"], unresolvable: false });
    expect(spreadFilter(nodeInfo(cache, "b1"), state)).toBeUndefined();
    expect(spreadFilter(nodeInfo(cache, "nolabel"), state)).toEqual({
      plugin: "PodTopologySpread",
      reasons: ["node(s) didn't match pod topology spread constraints (missing required label)"],
      unresolvable: true,
    });
  });

  it("keeps counts current as pods are bound (the match count cache)", () => {
    const cache = cacheOf(nodes, [podObject("w1", { labels: { app: "web" }, node: "a1" })]);
    const pod = toSchedule(podObject("w3", { labels: { app: "web" }, spec: { topologySpreadConstraints: [constraint] } }));
    expect(spreadFilter(nodeInfo(cache, "a1"), spreadPrepareFilter(pod, cache))).toBeDefined();
    cache.upsertPod(toAssigned("w2", "b1"));
    expect(spreadFilter(nodeInfo(cache, "a1"), spreadPrepareFilter(pod, cache))).toBeUndefined();
  });
});

function toAssigned(name: string, node: string) {
  return assignedPod(podObject(name, { labels: { app: "web" }, node }));
}
