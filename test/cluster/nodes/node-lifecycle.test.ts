// Nodes that stop, come back, join and leave (issue 11), on the fast pace with a fake clock: the node lifecycle
// controller, taint-based eviction, pod garbage collection, the kubelet's boot, and an idle cluster costing nothing.
import { describe, expect, it } from "vitest";
import { paces } from "../../../src/cluster/timing";
import { deployment, machineCluster, type Obj } from "./harness";

const fast = paces.fast;

async function withDeployment(tolerationSeconds?: number) {
  const cluster = machineCluster();
  cluster.runUntilIdle();
  await cluster.create("/apis/apps/v1/namespaces/default/deployments", deployment("web", 4, tolerationSeconds));
  cluster.runUntilIdle();
  return cluster;
}

const on = (pods: Obj[], node: string) => pods.filter((p) => p.spec.nodeName === node);
const running = (pods: Obj[]) => pods.filter((p) => p.status?.phase === "Running" && !p.metadata.deletionTimestamp);

describe("a stopped node", () => {
  it("turns Unknown after the node monitor grace period, is tainted unreachable, and its pods are evicted after their tolerationSeconds", async () => {
    const cluster = await withDeployment(5);
    expect(on(running(cluster.pods()), "worker-1")).toHaveLength(2);
    const stoppedAt = cluster.now;
    cluster.node("stop", "worker-1");
    cluster.runOnce();
    const lease = (await (await cluster.request("/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/worker-1")).json()) as any;
    expect(Date.parse(lease.spec.renewTime)).toBe(stoppedAt);

    cluster.advance(fast.nodeMonitorGraceMs - 10);
    expect(cluster.ready(cluster.getNode("worker-1"))?.status).toBe("True");
    cluster.advance(20);
    const node = cluster.getNode("worker-1");
    expect(cluster.ready(node)).toMatchObject({ status: "Unknown", reason: "NodeStatusUnknown", message: "Kubelet stopped posting node status." });
    expect(cluster.taints(node)).toEqual(["node.kubernetes.io/unreachable:NoSchedule", "node.kubernetes.io/unreachable:NoExecute"]);
    expect(cluster.events("NodeNotReady").some((e) => e.involvedObject?.kind === "Node")).toBe(true);
    for (const pod of on(cluster.pods(), "worker-1")) {
      expect(pod.status.conditions.find((c: { type: string }) => c.type === "Ready").status).toBe("False");
      expect(pod.metadata.deletionTimestamp).toBeUndefined();
    }

    cluster.advance(5_000);
    const stuck = on(cluster.pods(), "worker-1");
    expect(stuck).toHaveLength(2);
    for (const pod of stuck) expect(pod.metadata.deletionTimestamp).toBeDefined();
    expect(cluster.events("TaintManagerEviction").map((e) => e.message)).toEqual(stuck.map((p) => `Marking for deletion Pod default/${p.metadata.name}`));
    cluster.runUntilIdle();
    expect(on(running(cluster.pods()), "worker-2")).toHaveLength(4);
    expect(on(cluster.pods(), "worker-1")).toHaveLength(2);
  });

  it("comes back: the kubelet removes the pods deleted meanwhile and the node is Ready and untainted", async () => {
    const cluster = await withDeployment(0);
    cluster.node("stop", "worker-1");
    cluster.advance(fast.nodeMonitorGraceMs + 100);
    cluster.runUntilIdle();
    expect(on(cluster.pods(), "worker-1").every((p) => p.metadata.deletionTimestamp)).toBe(true);

    expect(cluster.node("start", "worker-1")).toEqual({ name: "worker-1", state: "booting" });
    cluster.runUntilIdle();
    const node = cluster.getNode("worker-1");
    expect(cluster.ready(node)).toMatchObject({ status: "True", reason: "KubeletReady" });
    expect(node!.spec.taints).toBeUndefined();
    expect(on(cluster.pods(), "worker-1")).toHaveLength(0);
    expect(running(cluster.pods())).toHaveLength(4);
    expect(cluster.events("Starting").some((e) => e.source?.host === "worker-1")).toBe(true);
    expect(cluster.events("NodeReady").some((e) => e.involvedObject?.name === "worker-1")).toBe(true);
  });

  it("restarts the pods still bound to it when it comes back before they were evicted", async () => {
    const cluster = await withDeployment(3600);
    const before = on(cluster.pods(), "worker-1").map((p) => p.metadata.uid).sort();
    cluster.node("stop", "worker-1");
    cluster.advance(fast.nodeMonitorGraceMs + 100);
    cluster.node("start", "worker-1");
    cluster.runUntilIdle();
    const after = on(running(cluster.pods()), "worker-1");
    expect(after.map((p) => p.metadata.uid).sort()).toEqual(before);
    for (const pod of after) {
      expect(pod.status.containerStatuses[0].restartCount).toBe(1);
      expect(pod.status.conditions.find((c: { type: string }) => c.type === "Ready").status).toBe("True");
    }
  });

  it("refuses what a machine cannot do, as Kubernetes-style Status errors", () => {
    const cluster = machineCluster();
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as { status: { code: number; reason: string } }).status;
      }
      return undefined;
    };
    expect(code(() => cluster.node("stop", "worker-9"))).toMatchObject({ code: 404, reason: "NotFound" });
    expect(code(() => cluster.node("stop", "control-plane"))).toMatchObject({ code: 409, reason: "Conflict" });
    expect(code(() => cluster.node("delete", "control-plane"))).toMatchObject({ code: 409 });
    expect(code(() => cluster.node("start", "worker-1"))).toMatchObject({ code: 409 });
    cluster.node("stop", "worker-1");
    expect(code(() => cluster.node("stop", "worker-1"))).toMatchObject({ code: 409, reason: "Conflict" });
    expect(code(() => cluster.node("add", undefined, { name: "worker-2" }))).toMatchObject({ code: 409, reason: "AlreadyExists" });
    expect(code(() => cluster.node("add", undefined, { cpu: "2", bogus: 1 }))).toMatchObject({ code: 400 });
  });

  it("caps a sandbox at 100 workers", () => {
    const cluster = machineCluster({ spec: { workers: 100 } });
    expect(() => cluster.node("add")).toThrow(/at most 100 worker nodes/);
  });
});

describe("a node that joins", () => {
  it("registers NotReady with the not-ready taint, turns Ready after its kubelet is up, and gets its DaemonSet pod", () => {
    const cluster = machineCluster();
    cluster.runUntilIdle();
    expect(cluster.node("add", undefined, { labels: { disk: "ssd" } })).toEqual({ name: "worker-3", state: "booting" });
    cluster.runOnce();
    let node = cluster.getNode("worker-3");
    expect(cluster.ready(node)).toMatchObject({ status: "False", reason: "KubeletNotReady" });
    expect(cluster.taints(node)).toContain("node.kubernetes.io/not-ready:NoSchedule");
    expect(node!.metadata.labels).toMatchObject({ disk: "ssd", "kubernetes.io/hostname": "worker-3" });
    expect(cluster.events("RegisteredNode").some((e) => e.involvedObject?.name === "worker-3")).toBe(true);
    cluster.runUntilIdle();
    node = cluster.getNode("worker-3");
    expect(cluster.ready(node)?.status).toBe("True");
    expect(cluster.taints(node)).toEqual([]);
    const proxy = cluster.pods("kube-system").filter((p) => p.spec.nodeName === "worker-3");
    expect(proxy.map((p) => p.metadata.name!.replace(/-[a-z0-9]+$/, ""))).toContain("kube-proxy");
    expect(proxy.every((p) => p.status.phase === "Running")).toBe(true);
  });
});

describe("a deleted node", () => {
  it("takes its Node and Lease away, and pod GC force-deletes its pods after the quarantine", async () => {
    const cluster = await withDeployment();
    expect(on(cluster.pods(), "worker-1").length).toBeGreaterThan(0);
    cluster.node("delete", "worker-1");
    cluster.runOnce();
    expect(cluster.getNode("worker-1")).toBeUndefined();
    expect(on(cluster.pods(), "worker-1").length).toBeGreaterThan(0);
    cluster.advance(fast.podGcQuarantineMs + 10);
    expect(on(cluster.pods(), "worker-1")).toHaveLength(0);
    expect(on(cluster.pods("kube-system"), "worker-1")).toHaveLength(0);
    expect(cluster.events("RemovingNode").some((e) => e.involvedObject?.name === "worker-1")).toBe(true);
    cluster.runUntilIdle();
    expect(running(cluster.pods())).toHaveLength(4);
    expect(cluster.registry.tryGet(cluster.table.byResource("coordination.k8s.io", "v1", "leases")!, "kube-node-lease", "worker-1")).toBeUndefined();
  });
});

describe("heartbeats and idleness", () => {
  it("shows fresh heartbeats while a node is up, and a converged cluster has nothing due", async () => {
    const cluster = await withDeployment();
    cluster.runUntilIdle();
    expect(cluster.runOnce()).toBeUndefined();
    cluster.advance(3_600_000);
    expect(cluster.runOnce()).toBeUndefined();
    const lease = (await (await cluster.request("/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/worker-2")).json()) as any;
    expect(cluster.now - Date.parse(lease.spec.renewTime)).toBeLessThan(10_000);
    const node = (await (await cluster.request("/api/v1/nodes/worker-2")).json()) as any;
    expect(cluster.now - Date.parse(cluster.ready(node).lastHeartbeatTime)).toBeLessThan(5 * 60_000);
    expect(cluster.ready(cluster.getNode("worker-2")).status).toBe("True");
  });

  it("marks a Node applied by hand Unknown (never posted) and taints it", async () => {
    const cluster = machineCluster();
    cluster.runUntilIdle();
    await cluster.create("/api/v1/nodes", { apiVersion: "v1", kind: "Node", metadata: { name: "by-hand" } });
    await cluster.create("/api/v1/namespaces/default/pods", {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "stranded", namespace: "default" },
      spec: { nodeName: "by-hand", tolerations: [{ operator: "Exists" }], containers: [{ name: "c", image: "nginx:1.27" }] },
    });
    cluster.runUntilIdle();
    // No kubelet runs there: the pod bound to it never starts.
    expect(cluster.pods().find((p) => p.metadata.name === "stranded")?.status?.startTime).toBeUndefined();
    const node = cluster.getNode("by-hand");
    expect(cluster.ready(node)).toMatchObject({ status: "Unknown", reason: "NodeStatusUnknown", message: "Kubelet never posted node status." });
    expect(cluster.taints(node)).toEqual(["node.kubernetes.io/unreachable:NoSchedule", "node.kubernetes.io/unreachable:NoExecute"]);
  });

  it("writes the kubelet's NodeNotSchedulable / NodeSchedulable events and the unschedulable taint on cordon", async () => {
    const cluster = machineCluster();
    cluster.runUntilIdle();
    const patch = (unschedulable: boolean) =>
      cluster.request("/api/v1/nodes/worker-1", { method: "PATCH", body: JSON.stringify({ spec: { unschedulable } }), headers: { "content-type": "application/strategic-merge-patch+json" } });
    await patch(true);
    cluster.runUntilIdle();
    expect(cluster.taints(cluster.getNode("worker-1"))).toEqual(["node.kubernetes.io/unschedulable:NoSchedule"]);
    expect(cluster.events("NodeNotSchedulable").map((e) => e.message)).toEqual(["Node worker-1 status is now: NodeNotSchedulable"]);
    await patch(false);
    cluster.runUntilIdle();
    expect(cluster.taints(cluster.getNode("worker-1"))).toEqual([]);
    expect(cluster.events("NodeSchedulable")).toHaveLength(1);
  });
});

describe("taint-based eviction", () => {
  it("evicts the pods that do not tolerate a NoExecute taint added with kubectl taint, and the tolerating ones after their tolerationSeconds", async () => {
    const cluster = machineCluster();
    cluster.runUntilIdle();
    const pod = (name: string, tolerations?: unknown[]) => ({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name, namespace: "default" },
      spec: { nodeName: "worker-1", tolerations, containers: [{ name: "c", image: "nginx:1.27" }] },
    });
    await cluster.create("/api/v1/namespaces/default/pods", pod("plain"));
    await cluster.create("/api/v1/namespaces/default/pods", pod("patient", [{ key: "maint", operator: "Exists", effect: "NoExecute", tolerationSeconds: 30 }]));
    await cluster.create("/api/v1/namespaces/default/pods", pod("forever", [{ key: "maint", operator: "Exists", effect: "NoExecute" }]));
    cluster.runUntilIdle();
    const taintedAt = cluster.now;
    const patched = await cluster.request("/api/v1/nodes/worker-1", {
      method: "PATCH",
      body: JSON.stringify({ spec: { taints: [{ key: "maint", value: "true", effect: "NoExecute" }] } }),
      headers: { "content-type": "application/merge-patch+json" },
    });
    expect(patched.status).toBe(200);
    cluster.runOnce();
    const names = () => cluster.pods().map((p) => p.metadata.name).sort();
    // Deleted gracefully (the simulated nginx stops at once on the fast pace, so the kubelet may already have removed it).
    const plain = cluster.pods().find((p) => p.metadata.name === "plain");
    expect(plain === undefined || plain.metadata.deletionTimestamp !== undefined).toBe(true);
    const evictions = () => cluster.events("TaintManagerEviction").filter((e) => e.metadata.namespace === "default");
    expect(evictions().map((e) => e.message)).toEqual(["Marking for deletion Pod default/plain"]);
    cluster.advance(29_000);
    expect(names()).toEqual(["forever", "patient"]);
    cluster.advance(2_000);
    const patient = cluster.pods().find((p) => p.metadata.name === "patient");
    expect(patient === undefined || patient.metadata.deletionTimestamp !== undefined).toBe(true);
    expect(evictions().map((e) => e.message)).toContain("Marking for deletion Pod default/patient");
    cluster.runUntilIdle();
    expect(names()).toEqual(["forever"]);
    expect(evictions()).toHaveLength(2);
    expect(cluster.now - taintedAt).toBeGreaterThanOrEqual(30_000);
  });
});
