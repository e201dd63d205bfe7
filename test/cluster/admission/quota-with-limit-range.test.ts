// LimitRanger runs before ResourceQuota, as in kube-apiserver: a quota that requires limits accepts a pod whose
// limits come from the namespace's LimitRange defaults, and charges what those defaults set.
import { describe, expect, it } from "vitest";
import { resourceQuotas } from "../../../src/cluster/registry/resourcequotas";
import { nodeCluster, type NodeCluster } from "../../helpers/node-cluster";

const json = { "content-type": "application/json" };
async function post(cluster: NodeCluster, path: string, body: unknown): Promise<{ code: number; body: { message?: string } }> {
  const res = await cluster.request(path, { method: "POST", body: JSON.stringify(body), headers: json });
  return { code: res.status, body: (await res.json()) as { message?: string } };
}
const ns = "/api/v1/namespaces/default";
const pod = (name: string) => ({ apiVersion: "v1", kind: "Pod", metadata: { name }, spec: { containers: [{ name: "app", image: "nginx" }] } });

describe("ResourceQuota after LimitRange defaults", () => {
  it("charges the defaulted limits, and refuses a pod without them when no LimitRange gives them", async () => {
    const cluster = nodeCluster({ spec: { workers: 1 } });
    cluster.runUntilIdle();
    expect((await post(cluster, `${ns}/resourcequotas`, { apiVersion: "v1", kind: "ResourceQuota", metadata: { name: "compute" }, spec: { hard: { "limits.cpu": "1" } } })).code).toBe(201);
    const bare = await post(cluster, `${ns}/pods`, pod("bare"));
    expect([bare.code, bare.body.message]).toEqual([403, 'pods "bare" is forbidden: failed quota: compute: must specify limits.cpu for: app']);

    const limits = { apiVersion: "v1", kind: "LimitRange", metadata: { name: "defaults" }, spec: { limits: [{ type: "Container", default: { cpu: "400m" } }] } };
    expect((await post(cluster, `${ns}/limitranges`, limits)).code).toBe(201);
    for (const name of ["one", "two"]) expect((await post(cluster, `${ns}/pods`, pod(name))).code).toBe(201);
    const third = await post(cluster, `${ns}/pods`, pod("three"));
    expect([third.code, third.body.message]).toEqual([
      403,
      'pods "three" is forbidden: exceeded quota: compute, requested: limits.cpu=400m, used: limits.cpu=800m, limited: limits.cpu=1',
    ]);
    cluster.advance(5_000);
    expect(cluster.registry.get(resourceQuotas, "default", "compute").status?.used).toEqual({ "limits.cpu": "800m" });
  });
});
