// The endpoints controller selects pods by the Service's selector map; a Service without one (or with an empty one)
// selects nothing and its Endpoints are left to whoever writes them.
import { describe, expect, it } from "vitest";
import { nodeCluster, type NodeCluster } from "../../helpers/node-cluster";
import { post } from "../../helpers/node-requests";

const json = { "content-type": "application/json" };

async function get(cluster: NodeCluster, path: string): Promise<{ status: number; body: any }> {
  const res = await cluster.request(path);
  return { status: res.status, body: await res.json() };
}

function pod(name: string, labels: Record<string, string>) {
  return { apiVersion: "v1", kind: "Pod", metadata: { name, labels }, spec: { containers: [{ name: "c", image: "nginx:1.27" }] } };
}

function service(name: string, selector?: Record<string, string>) {
  return { apiVersion: "v1", kind: "Service", metadata: { name }, spec: { ...(selector ? { selector } : {}), ports: [{ port: 80 }] } };
}

describe("endpoints controller", () => {
  it("lists the pods a Service's selector matches, and manages no Endpoints of a Service without a selector", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    const ns = "/api/v1/namespaces/default";
    await post(cluster, `${ns}/pods`, pod("web-1", { app: "web", tier: "a" }));
    await post(cluster, `${ns}/pods`, pod("web-2", { app: "web" }));
    await post(cluster, `${ns}/pods`, pod("db", { app: "db" }));
    await post(cluster, `${ns}/services`, service("web", { app: "web" }));
    await post(cluster, `${ns}/services`, service("tier-a", { app: "web", tier: "a" }));
    await post(cluster, `${ns}/services`, service("manual"));
    await post(cluster, `${ns}/services`, service("empty", {}));
    cluster.runUntilIdle();

    const names = (body: any) =>
      (body.subsets ?? []).flatMap((s: any) => [...(s.addresses ?? []), ...(s.notReadyAddresses ?? [])]).map((a: any) => a.targetRef.name).sort();
    expect(names((await get(cluster, `${ns}/endpoints/web`)).body)).toEqual(["web-1", "web-2"]);
    expect(names((await get(cluster, `${ns}/endpoints/tier-a`)).body)).toEqual(["web-1"]);
    expect((await get(cluster, `${ns}/endpoints/manual`)).status).toBe(404);
    expect((await get(cluster, `${ns}/endpoints/empty`)).status).toBe(404);

    const relabel = { metadata: { labels: { app: "db" } } };
    const patched = await cluster.request(`${ns}/pods/web-2`, {
      method: "PATCH",
      body: JSON.stringify(relabel),
      headers: { "content-type": "application/merge-patch+json" },
    });
    expect(patched.status).toBe(200);
    cluster.runUntilIdle();
    expect(names((await get(cluster, `${ns}/endpoints/web`)).body)).toEqual(["web-1"]);
  });
});
