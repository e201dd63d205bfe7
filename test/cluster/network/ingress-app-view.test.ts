// The dashboard's "open the app" for a host of an Ingress (cluster/app-view.ts): the request goes through the built-in
// ingress controller's Service with that Host header, so it gets what a browser asking that host would get.
import { describe, expect, it } from "vitest";
import { openApp } from "../../../src/cluster/app-view";
import { viewerRedactor } from "../../../src/cluster/redaction/viewer-redactor";
import { nodeCluster, type NodeCluster } from "../../helpers/node-cluster";
import { post } from "../../helpers/node-requests";

const json = { "content-type": "application/json" };

async function open(cluster: NodeCluster, path: string, method = "GET") {
  const request = new Request(`https://cluster.internal${path}`, { method });
  const response = await openApp(cluster.api, cluster.proxy, request, path, () => viewerRedactor(cluster.store));
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
}

describe("opening a host of an Ingress", () => {
  it("answers what the ingress controller routes that host to, and refuses hosts the Ingress has no rule for", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    const ns = "/api/v1/namespaces/default";
    await post(cluster, `${ns}/pods`, { apiVersion: "v1", kind: "Pod", metadata: { name: "web", labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27", ports: [{ containerPort: 80 }] }] } });
    await post(cluster, `${ns}/services`, { apiVersion: "v1", kind: "Service", metadata: { name: "web" }, spec: { selector: { app: "web" }, ports: [{ port: 80 }] } });
    await post(cluster, "/apis/networking.k8s.io/v1/namespaces/default/ingresses", {
      apiVersion: "networking.k8s.io/v1",
      kind: "Ingress",
      metadata: { name: "demo" },
      spec: { rules: [{ host: "web.local", http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "web", port: { number: 80 } } } }] } }] },
    });
    cluster.runUntilIdle();
    cluster.advance(5_000);

    const page = await open(cluster, "/.sandbox/apps/ingresses/default/demo/web.local/");
    expect(page.status).toBe(200);
    expect(page.text).toContain("<title>Welcome to nginx!</title>");
    expect((await open(cluster, "/.sandbox/apps/ingresses/default/demo/web.local/nope")).status).toBe(404);
    const other = await open(cluster, "/.sandbox/apps/ingresses/default/demo/other.local/");
    expect([other.status, JSON.parse(other.text).message]).toEqual([404, 'ingress "demo" has no rule for host "other.local"']);
    expect((await open(cluster, "/.sandbox/apps/ingresses/default/missing/web.local/")).status).toBe(404);
    expect((await open(cluster, "/.sandbox/apps/ingresses/default/demo/web.local/", "POST")).status).toBe(405);
  });
});
