// Node memory pressure through a whole cluster (fast pace, 4Gi nodes): pods whose usage leaves less than 100Mi of the
// node's memory available give it MemoryPressure, the node lifecycle controller's memory-pressure taint and an
// EvictionThresholdMet event; the kubelet evicts one pod a look, in its order, with its message, until the threshold
// is no longer met; the condition and taint clear after the pressure transition period, and then nothing is due.
import { describe, expect, it } from "vitest";
import type { Node, Pod } from "../../../src/api/schemas";
import { fakeClockStart } from "../../helpers/fake-clock";
import { nodeCluster, type NodeCluster } from "../../helpers/node-cluster";
import { post } from "../../helpers/node-requests";

const ns = "/api/v1/namespaces/default";
const Mi = 1024 * 1024;

async function get<T>(cluster: NodeCluster, path: string): Promise<T> {
  const res = await cluster.request(path);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
}

const stress = (bytes: string) => ({ image: "polinux/stress", command: ["stress"], args: ["--vm", "1", "--vm-bytes", bytes, "--vm-hang", "1"] });

function pod(name: string, container: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { apiVersion: "v1", kind: "Pod", metadata: { name }, spec: { nodeName: "worker-1", containers: [{ name: "main", ...container }], ...extra } };
}

const memoryPressure = (node: Node) => node.status?.conditions?.find((c) => c.type === "MemoryPressure");
const events = async (cluster: NodeCluster, path: string) =>
  (await get<{ items: { reason: string; message: string; type: string; involvedObject: { name: string; kind: string } }[] }>(cluster, path)).items;

describe("node memory pressure", () => {
  it("a BestEffort hog is evicted first (then nothing else), with the kubelet's condition, taint, events and message", async () => {
    const cluster = nodeCluster({ start: fakeClockStart() });
    cluster.runUntilIdle();
    await post(cluster, `${ns}/pods`, pod("guaranteed", { ...stress("200M"), resources: { requests: { memory: "256Mi", cpu: "100m" }, limits: { memory: "256Mi", cpu: "100m" } } }));
    await post(cluster, `${ns}/pods`, pod("burstable", { ...stress("1000M"), resources: { requests: { memory: "100Mi" } } }));
    await post(cluster, `${ns}/pods`, pod("web", { image: "nginx:1.27" }));
    cluster.advance(2_000);
    expect(memoryPressure(await get<Node>(cluster, "/api/v1/nodes/worker-1"))?.status).toBe("False");

    await post(cluster, `${ns}/pods`, pod("hog", stress("2600M")));
    cluster.advance(1_000);
    const node = await get<Node>(cluster, "/api/v1/nodes/worker-1");
    expect(memoryPressure(node)).toMatchObject({ status: "True", reason: "KubeletHasInsufficientMemory", message: "kubelet has insufficient memory available" });
    expect(node.spec?.taints).toContainEqual({ key: "node.kubernetes.io/memory-pressure", effect: "NoSchedule" });
    const nodeEvents = (await events(cluster, "/api/v1/namespaces/default/events")).filter((e) => e.involvedObject.kind === "Node");
    expect(nodeEvents.map((e) => [e.type, e.reason, e.message])).toEqual(
      expect.arrayContaining([
        ["Normal", "NodeHasInsufficientMemory", "Node worker-1 status is now: NodeHasInsufficientMemory"],
        ["Warning", "EvictionThresholdMet", "Attempting to reclaim memory"],
      ]),
    );

    const hog = await get<Pod>(cluster, `${ns}/pods/hog`);
    expect(hog.status?.phase).toBe("Failed");
    expect(hog.status?.reason).toBe("Evicted");
    const message = hog.status?.message ?? "";
    const m = /^The node was low on resource: memory\. Threshold quantity: 100Mi, available: (-?\d+)Ki\. Container main was using (\d+)Ki, request is 0, has larger consumption of memory\. $/.exec(message);
    expect(m, message).not.toBeNull();
    expect(Number(m![1]) * 1024).toBeLessThan(100 * Mi);
    expect(Number(m![2]) * 1024).toBeGreaterThan(2500 * Mi);
    expect(hog.status?.conditions?.find((c) => c.type === "DisruptionTarget")).toMatchObject({ status: "True", reason: "TerminationByKubelet", message });
    const podEvents = (await events(cluster, `${ns}/events?fieldSelector=involvedObject.name%3Dhog`)).map((e) => [e.type, e.reason, e.message]);
    expect(podEvents).toContainEqual(["Warning", "Evicted", message]);

    // One eviction reclaimed enough: the others run on.
    for (const name of ["guaranteed", "burstable", "web"]) expect((await get<Pod>(cluster, `${ns}/pods/${name}`)).status?.phase).toBe("Running");

    // The pressure transition period (3 s at the fast pace) after the last time the threshold was met, it clears.
    cluster.advance(5_000);
    const cleared = await get<Node>(cluster, "/api/v1/nodes/worker-1");
    expect(memoryPressure(cleared)).toMatchObject({ status: "False", reason: "KubeletHasSufficientMemory", message: "kubelet has sufficient memory available" });
    expect(cleared.spec?.taints ?? []).not.toContainEqual(expect.objectContaining({ key: "node.kubernetes.io/memory-pressure" }));
    const after = (await events(cluster, "/api/v1/namespaces/default/events")).filter((e) => e.reason === "NodeHasSufficientMemory");
    expect(after.map((e) => e.message)).toContain("Node worker-1 status is now: NodeHasSufficientMemory");
    // Nothing is due any more: a quiet node's usage cannot change, so its memory is not looked at again.
    cluster.runUntilIdle({ maxMs: 60_000 });
    expect(cluster.runOnce()).toBeUndefined();
  });

  it("a Burstable pod over its request goes before a higher-priority one and before a Guaranteed one", async () => {
    const cluster = nodeCluster({ start: fakeClockStart() });
    cluster.runUntilIdle();
    await post(cluster, "/apis/scheduling.k8s.io/v1/priorityclasses", { apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: { name: "high" }, value: 1000 });
    await post(cluster, `${ns}/pods`, pod("guaranteed", { ...stress("1500M"), resources: { requests: { memory: "1600Mi", cpu: "100m" }, limits: { memory: "1600Mi", cpu: "100m" } } }));
    await post(cluster, `${ns}/pods`, pod("important", { ...stress("1000M"), resources: { requests: { memory: "100Mi" } } }, { priorityClassName: "high" }));
    await post(cluster, `${ns}/pods`, pod("ordinary", { ...stress("1100M"), resources: { requests: { memory: "900Mi" } } }));
    cluster.advance(2_000);
    const phases = async () => Object.fromEntries(await Promise.all(["guaranteed", "important", "ordinary"].map(async (n) => [n, (await get<Pod>(cluster, `${ns}/pods/${n}`)).status?.phase])));
    expect(await phases()).toEqual({ guaranteed: "Running", important: "Running", ordinary: "Failed" });
  });

  it("the ReplicaSet's new pod is kept off the tainted node", async () => {
    const cluster = nodeCluster({ start: fakeClockStart() });
    cluster.runUntilIdle();
    await post(cluster, `${ns}/pods`, pod("burstable", { ...stress("1000M"), resources: { requests: { memory: "100Mi" } } }));
    await post(cluster, "/apis/apps/v1/namespaces/default/deployments", {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "hog" },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: "hog" } },
        template: { metadata: { labels: { app: "hog" } }, spec: { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, preference: { matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: ["worker-1"] }] } }] } }, containers: [{ name: "stress", ...stress("2800M") }] } },
      },
    });
    cluster.advance(2_000);
    const list = await get<{ items: Pod[] }>(cluster, `${ns}/pods?labelSelector=app%3Dhog`);
    const evicted = list.items.filter((p) => p.status?.reason === "Evicted");
    expect(evicted.map((p) => p.spec?.nodeName)).toEqual(["worker-1"]);
    const replacement = list.items.find((p) => p.status?.phase !== "Failed");
    expect(replacement?.spec?.nodeName).toBe("worker-2");
    expect((await get<Pod>(cluster, `${ns}/pods/burstable`)).status?.phase).toBe("Running");
  });
});
