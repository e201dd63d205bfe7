// The kubelet's admit handler on a node under memory pressure: a new BestEffort pod is refused (Failed, Evicted,
// "Pod was rejected: The node had condition: [MemoryPressure]. ") unless it tolerates the memory-pressure taint; a
// Burstable pod is admitted.
import { describe, expect, it } from "vitest";
import type { Node, Pod } from "../../../src/api/schemas";
import { fakeClockStart } from "../../helpers/fake-clock";
import { nodeCluster, type NodeCluster } from "../../helpers/node-cluster";
import { post } from "../../helpers/node-requests";

const ns = "/api/v1/namespaces/default";

async function get<T>(cluster: NodeCluster, path: string): Promise<T> {
  return (await (await cluster.request(path)).json()) as T;
}

const pod = (name: string, extra: Record<string, unknown> = {}, resources: Record<string, unknown> = {}) => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name },
  spec: { nodeName: "worker-1", containers: [{ name: "main", image: "nginx:1.27", resources }], ...extra },
});

describe("admission on a node under memory pressure", () => {
  it("refuses a new BestEffort pod, admits a Burstable one and a BestEffort one that tolerates the taint", async () => {
    const cluster = nodeCluster({ start: fakeClockStart() });
    cluster.runUntilIdle();
    await post(cluster, `${ns}/pods`, { ...pod("hog"), spec: { nodeName: "worker-1", containers: [{ name: "stress", image: "polinux/stress", command: ["stress"], args: ["--vm", "1", "--vm-bytes", "3900M", "--vm-hang", "1"] }] } });
    cluster.advance(1_000);
    const node = await get<Node>(cluster, "/api/v1/nodes/worker-1");
    expect(node.status?.conditions?.find((c) => c.type === "MemoryPressure")?.status).toBe("True");

    await post(cluster, `${ns}/pods`, pod("besteffort"));
    await post(cluster, `${ns}/pods`, pod("burstable", {}, { requests: { memory: "16Mi" } }));
    await post(cluster, `${ns}/pods`, pod("tolerating", { tolerations: [{ key: "node.kubernetes.io/memory-pressure", operator: "Exists", effect: "NoSchedule" }] }));
    cluster.advance(200);
    const refused = await get<Pod>(cluster, `${ns}/pods/besteffort`);
    expect(refused.status).toMatchObject({ phase: "Failed", reason: "Evicted", message: "Pod was rejected: The node had condition: [MemoryPressure]. " });
    expect(refused.status?.containerStatuses).toBeUndefined();
    const events = await get<{ items: { type: string; reason: string; message: string }[] }>(cluster, `${ns}/events?fieldSelector=involvedObject.name%3Dbesteffort`);
    expect(events.items.map((e) => [e.type, e.reason, e.message])).toEqual([["Warning", "Evicted", "The node had condition: [MemoryPressure]. "]]);
    for (const name of ["burstable", "tolerating"]) expect((await get<Pod>(cluster, `${ns}/pods/${name}`)).status?.phase, name).not.toBe("Failed");
  });
});
