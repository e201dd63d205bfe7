// metrics.k8s.io through the API of a whole cluster: unavailable (the aggregator's 503, left out of discovery) until
// the metrics-server pod is Ready, then NodeMetrics and PodMetrics as metrics-server gives them; a memory hog over its
// limit is OOMKilled and restarted with back-off.
import { describe, expect, it } from "vitest";
import { fakeClockStart } from "../../helpers/fake-clock";
import { nodeCluster, type NodeCluster } from "../../helpers/node-cluster";
import { post } from "../../helpers/node-requests";

const json = { "content-type": "application/json" };
const ns = "/api/v1/namespaces/default";
const metrics = "/apis/metrics.k8s.io/v1beta1";
const Mi = 1024 * 1024;

async function get<T>(cluster: NodeCluster, path: string): Promise<T> {
  const res = await cluster.request(path);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
}

function pod(name: string, container: Record<string, unknown>, restartPolicy = "Always") {
  return { apiVersion: "v1", kind: "Pod", metadata: { name, labels: { app: name } }, spec: { restartPolicy, containers: [{ name: "main", ...container }] } };
}

const cpuMillis = (q: string) => Number(q.replace(/n$/, "")) / 1e6;
const memBytes = (q: string) => Number(q.replace(/Ki$/, "")) * 1024;

interface PodMetrics {
  metadata: { name: string; namespace: string };
  timestamp: string;
  window: string;
  containers: { name: string; usage: { cpu: string; memory: string } }[];
}

describe("metrics.k8s.io", () => {
  it("answers 503 and is left out of discovery until metrics-server is Ready", async () => {
    const cluster = nodeCluster({ start: fakeClockStart() });
    const res = await cluster.request(`${metrics}/nodes`);
    expect(res.status).toBe(503);
    expect(await res.text()).toBe("service unavailable\n");
    const groups = await get<{ groups: { name: string }[] }>(cluster, "/apis");
    expect(groups.groups.map((g) => g.name)).not.toContain("metrics.k8s.io");

    cluster.runUntilIdle();
    cluster.advance(60_000);
    const ready = await get<{ groups: { name: string; preferredVersion: { groupVersion: string } }[] }>(cluster, "/apis");
    expect(ready.groups.find((g) => g.name === "metrics.k8s.io")?.preferredVersion.groupVersion).toBe("metrics.k8s.io/v1beta1");
    const list = await get<{ resources: { name: string; kind: string; namespaced: boolean; verbs: string[] }[] }>(cluster, metrics);
    expect(list.resources.map((r) => [r.name, r.kind, r.namespaced, r.verbs])).toEqual([
      ["nodes", "NodeMetrics", false, ["get", "list"]],
      ["pods", "PodMetrics", true, ["get", "list"]],
    ]);
    const ms = await get<{ items: { metadata: { name: string; labels: Record<string, string> } }[] }>(cluster, "/api/v1/namespaces/kube-system/pods?labelSelector=k8s-app%3Dmetrics-server");
    expect(ms.items).toHaveLength(1);
  });

  it("serves PodMetrics (idle nginx, a busy loop capped at its limit) and NodeMetrics summing the node's pods", async () => {
    const cluster = nodeCluster({ start: fakeClockStart() });
    cluster.runUntilIdle();
    await post(cluster, `${ns}/pods`, pod("web", { image: "nginx:1.27" }));
    await post(cluster, `${ns}/pods`, pod("spin", { image: "busybox", command: ["sh", "-c", "while true; do :; done"], resources: { limits: { cpu: "500m" } } }));
    cluster.runUntilIdle();
    cluster.advance(60_000);

    const web = await get<PodMetrics & { kind: string; apiVersion: string }>(cluster, `${metrics}/namespaces/default/pods/web`);
    expect(web.kind).toBe("PodMetrics");
    expect(web.apiVersion).toBe("metrics.k8s.io/v1beta1");
    expect(web.metadata).toMatchObject({ name: "web", namespace: "default" });
    expect(web.window).toBe("15s");
    expect(web.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Date.parse(web.timestamp)).toBeLessThanOrEqual(cluster.now);
    expect(web.containers).toHaveLength(1);
    expect(web.containers[0].usage.cpu).toMatch(/^\d+n$/);
    expect(web.containers[0].usage.memory).toMatch(/^\d+Ki$/);
    expect(cpuMillis(web.containers[0].usage.cpu)).toBeLessThan(3);
    expect(memBytes(web.containers[0].usage.memory)).toBeLessThan(6 * Mi);

    const spin = await get<PodMetrics>(cluster, `${metrics}/namespaces/default/pods/spin`);
    expect(cpuMillis(spin.containers[0].usage.cpu)).toBe(500);

    const list = await get<{ kind: string; items: PodMetrics[] }>(cluster, `${metrics}/namespaces/default/pods`);
    expect(list.kind).toBe("PodMetricsList");
    expect(list.items.map((i) => i.metadata.name).sort()).toEqual(["spin", "web"]);
    const selected = await get<{ items: PodMetrics[] }>(cluster, `${metrics}/namespaces/default/pods?labelSelector=app%3Dweb`);
    expect(selected.items.map((i) => i.metadata.name)).toEqual(["web"]);
    const all = await get<{ items: PodMetrics[] }>(cluster, `${metrics}/pods`);
    expect(all.items.some((i) => i.metadata.namespace === "kube-system" && i.metadata.name.startsWith("metrics-server-"))).toBe(true);

    const missing = await cluster.request(`${metrics}/namespaces/default/pods/nope`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { message: string }).message).toBe('pods.metrics.k8s.io "nope" not found');

    const nodes = await get<{ kind: string; items: { metadata: { name: string }; window: string; usage: { cpu: string; memory: string } }[] }>(cluster, `${metrics}/nodes`);
    expect(nodes.kind).toBe("NodeMetricsList");
    expect(nodes.items.length).toBeGreaterThan(0);
    expect(nodes.items[0].window).toBe("10s");
    const spinPod = await get<{ spec: { nodeName: string } }>(cluster, `${ns}/pods/spin`);
    const node = nodes.items.find((n) => n.metadata.name === spinPod.spec.nodeName)!;
    expect(cpuMillis(node.usage.cpu)).toBeGreaterThan(500);
    expect(memBytes(node.usage.memory)).toBeGreaterThan(400 * Mi);
    // The same answer within a scrape interval: nothing is stored, nothing random.
    expect(await get(cluster, `${metrics}/nodes`)).toEqual(nodes);
  });

  it("a server's CPU rises with the requests it answers", async () => {
    const cluster = nodeCluster({ start: fakeClockStart() });
    cluster.runUntilIdle();
    await post(cluster, `${ns}/pods`, pod("web", { image: "nginx:1.27", ports: [{ containerPort: 80 }] }));
    cluster.runUntilIdle();
    cluster.advance(30_000);
    const idle = await get<PodMetrics>(cluster, `${metrics}/namespaces/default/pods/web`);
    const ip = (await get<{ status: { podIP: string } }>(cluster, `${ns}/pods/web`)).status.podIP;
    await post(cluster, `${ns}/pods`, pod("load", { image: "busybox", command: ["sh", "-c", `while sleep 0.01; do wget -q -O- http://${ip}/ > /dev/null; done`] }));
    cluster.runUntilIdle();
    cluster.advance(45_000);
    // The client's logs are read, so its requests are made (a run is replayed lazily).
    await cluster.request(`${ns}/pods/load/log`);
    const busy = await get<PodMetrics>(cluster, `${metrics}/namespaces/default/pods/web`);
    expect(cpuMillis(busy.containers[0].usage.cpu)).toBeGreaterThan(cpuMillis(idle.containers[0].usage.cpu) + 10);
  });

  it("a container over its memory limit is OOMKilled (137) and restarted with back-off (the memory task's memory-demo-2)", async () => {
    const cluster = nodeCluster({ start: fakeClockStart() });
    cluster.runUntilIdle();
    await post(cluster, `${ns}/pods`, {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "memory-demo-2" },
      spec: {
        containers: [{ name: "memory-demo-2-ctr", image: "polinux/stress", resources: { requests: { memory: "50Mi" }, limits: { memory: "100Mi" } }, command: ["stress"], args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"] }],
      },
    });
    cluster.advance(5_000);
    cluster.advance(30_000);
    const p = await get<{ status: { containerStatuses: { restartCount: number; state: { waiting?: { reason: string } }; lastState: { terminated?: { reason: string; exitCode: number } } }[] } }>(cluster, `${ns}/pods/memory-demo-2`);
    const status = p.status.containerStatuses[0];
    expect(status.lastState.terminated).toMatchObject({ reason: "OOMKilled", exitCode: 137 });
    expect(status.restartCount).toBeGreaterThan(0);
    cluster.advance(60_000);
    const later = await get<typeof p>(cluster, `${ns}/pods/memory-demo-2`);
    expect(later.status.containerStatuses[0].state.waiting?.reason).toBe("CrashLoopBackOff");
  });
});
