// ResourceQuota in a whole cluster (every controller): `kubectl create quota myq --hard=pods=2`, its status filled
// for `kubectl describe quota`, the third pod refused with Kubernetes' message, and a ReplicaSet held at the limit
// with the refusal in its FailedCreate event.
import { describe, expect, it } from "vitest";
import { events } from "../../../src/cluster/registry/events";
import { pods } from "../../../src/cluster/registry/pods";
import { resourceQuotas } from "../../../src/cluster/registry/resourcequotas";
import { nodeCluster, type NodeCluster } from "../../helpers/node-cluster";

const json = { "content-type": "application/json" };
async function post(cluster: NodeCluster, path: string, body: unknown): Promise<{ code: number; body: any }> {
  const res = await cluster.request(path, { method: "POST", body: JSON.stringify(body), headers: json });
  return { code: res.status, body: await res.json() };
}
const ns = "/api/v1/namespaces/default";
const pod = (name: string) => ({ apiVersion: "v1", kind: "Pod", metadata: { name }, spec: { containers: [{ name: "app", image: "nginx" }] } });

describe("ResourceQuota in a cluster", () => {
  it("create quota myq --hard=pods=2: describe shows used and hard, the third pod is refused", async () => {
    const cluster = nodeCluster({ spec: { workers: 1 } });
    cluster.runUntilIdle();
    // What `kubectl create quota myq --hard=pods=2` sends.
    expect((await post(cluster, `${ns}/resourcequotas`, { apiVersion: "v1", kind: "ResourceQuota", metadata: { name: "myq" }, spec: { hard: { pods: "2" }, scopes: [] } })).code).toBe(201);
    cluster.runUntilIdle();
    expect(cluster.registry.get(resourceQuotas, "default", "myq").status).toEqual({ hard: { pods: "2" }, used: { pods: "0" } });
    for (const name of ["one", "two"]) expect((await post(cluster, `${ns}/pods`, pod(name))).code).toBe(201);
    cluster.runUntilIdle();
    expect(cluster.registry.get(resourceQuotas, "default", "myq").status?.used).toEqual({ pods: "2" });
    const third = await post(cluster, `${ns}/pods`, pod("three"));
    expect(third.code).toBe(403);
    expect(third.body).toMatchObject({
      kind: "Status",
      status: "Failure",
      reason: "Forbidden",
      code: 403,
      message: 'pods "three" is forbidden: exceeded quota: myq, requested: pods=1, used: pods=2, limited: pods=2',
      details: { name: "three", kind: "pods" },
    });
  });

  it("holds a ReplicaSet at the quota, with the refusal in its FailedCreate event", async () => {
    const cluster = nodeCluster({ spec: { workers: 1 } });
    cluster.runUntilIdle();
    await post(cluster, `${ns}/resourcequotas`, { apiVersion: "v1", kind: "ResourceQuota", metadata: { name: "myq" }, spec: { hard: { pods: "2" } } });
    cluster.runUntilIdle();
    const rs = {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: { name: "web" },
      spec: { replicas: 3, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "web", image: "nginx" }] } } },
    };
    expect((await post(cluster, "/apis/apps/v1/namespaces/default/replicasets", rs)).code).toBe(201);
    // The ReplicaSet controller retries the refused create with back-off, as Kubernetes does: the loop never idles.
    cluster.advance(60_000);
    expect(cluster.registry.list(pods, "default")).toHaveLength(2);
    const failed = cluster.registry.list(events, "default").filter((e: any) => e.reason === "FailedCreate");
    expect(failed.length).toBeGreaterThan(0);
    expect((failed[0] as any).message).toMatch(/^Error creating: pods "web-[a-z0-9-]*" is forbidden: exceeded quota: myq, requested: pods=1, used: pods=2, limited: pods=2$/);
  });
});
