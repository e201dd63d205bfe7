// What in-cluster traffic costs: 10,000 connections through a Service to two nginx replicas, from the network's
// side and from a busybox pod's `wget` loop. Every connection is answered, nothing is written to storage, and the
// access logs stay within their bound. The rate is printed (it depends on the machine; nothing asserts it, and the
// time limits are generous for a loaded machine).
import { describe, expect, it } from "vitest";
import { defaultAccessLogLimits } from "../../../src/cluster/network/access-log";
import { nodeCluster, type NodeCluster } from "../../helpers/node-cluster";
import { post } from "../../helpers/node-requests";

const json = { "content-type": "application/json" };

async function webCluster(): Promise<{ cluster: NodeCluster; clusterIP: string }> {
  const cluster = nodeCluster();
  cluster.runUntilIdle();
  const ns = "/api/v1/namespaces/default";
  for (const name of ["web-1", "web-2"]) {
    await post(cluster, `${ns}/pods`, { apiVersion: "v1", kind: "Pod", metadata: { name, labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } });
  }
  await post(cluster, `${ns}/services`, { apiVersion: "v1", kind: "Service", metadata: { name: "web" }, spec: { selector: { app: "web" }, ports: [{ port: 80 }] } });
  cluster.runUntilIdle();
  cluster.advance(2_000);
  return { cluster, clusterIP: cluster.network.view.service("default", "web")!.spec!.clusterIP! };
}

describe("in-cluster traffic cost", () => {
  it("answers 10,000 connections to a ClusterIP without a storage write", async () => {
    const { cluster, clusterIP } = await webCluster();
    const client = { namespace: "default", pod: "bench", uid: "bench-uid", container: "c", podIP: "10.244.1.250", nodeName: "worker-1" };
    const revision = cluster.store.revision;
    const start = performance.now();
    let answered = 0;
    for (let seq = 0; seq < 10_000; seq++) {
      const request = { ip: clusterIP, port: 80, atWallMs: cluster.now + seq, seq, http: { method: "GET", path: "/", headers: { host: "web" } } };
      const answer = cluster.network.connect(client, request, () => ({ kind: "refused" }));
      if (answer.kind === "answer" && answer.answer.status === 200) answered++;
    }
    const ms = performance.now() - start;
    console.info(`network.connect: 10,000 connections in ${ms.toFixed(0)} ms (${Math.round(10_000 / (ms / 1000))}/s)`);
    expect(answered).toBe(10_000);
    expect(cluster.store.revision).toBe(revision);
    // Two replicas' access logs, each bounded per run.
    expect(cluster.network.accessLogs.size).toBeLessThanOrEqual(2 * defaultAccessLogLimits.perRun);
  }, 120_000);

  it("runs a busybox loop of 10,000 wgets through the Service name without a storage write per request", async () => {
    const { cluster } = await webCluster();
    const ns = "/api/v1/namespaces/default";
    const script = "i=0; while [ $i -lt 10000 ]; do wget -qO- http://web >/dev/null && echo ok; i=$((i+1)); done";
    await post(cluster, `${ns}/pods`, { apiVersion: "v1", kind: "Pod", metadata: { name: "loop" }, spec: { restartPolicy: "Never", containers: [{ name: "c", image: "busybox", command: ["sh", "-c", script] }] } });
    const revisionBefore = cluster.store.revision;
    const start = performance.now();
    cluster.runUntilIdle({ maxMs: 3_600_000 });
    cluster.advance(1_000);
    const writes = cluster.store.revision - revisionBefore;
    const log = await (await cluster.request(`${ns}/pods/loop/log`)).text();
    const ms = performance.now() - start;
    console.info(`busybox wget loop: 10,000 requests (with their DNS queries) in ${ms.toFixed(0)} ms, ${writes} storage writes for the pod's whole life`);
    expect(log.split("\n").filter((l) => l === "ok")).toHaveLength(10_000);
    // The pod's own lifecycle (scheduling, status, events) writes a few objects; the requests add none.
    expect(writes).toBeLessThan(20);
  }, 120_000);
});
