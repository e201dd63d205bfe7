// The proxy subresources over the cluster network: a Service's and a pod's program
// answer as they do (nginx's welcome page), a port nobody listens on is the apiserver's 503.
import { describe, expect, it } from "vitest";
import { nodeCluster } from "../../helpers/node-cluster";

async function nginxCluster() {
  const cluster = nodeCluster();
  const post = (path: string, body: unknown) => cluster.request(path, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
  await post("/api/v1/namespaces/default/pods", {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "web", labels: { app: "web" } },
    spec: { containers: [{ name: "nginx", image: "nginx", ports: [{ containerPort: 80 }] }] },
  });
  await post("/api/v1/namespaces/default/services", { apiVersion: "v1", kind: "Service", metadata: { name: "web" }, spec: { selector: { app: "web" }, ports: [{ port: 8080, targetPort: 80 }] } });
  cluster.runUntilIdle();
  return cluster;
}

describe("apiserver proxy over the cluster network", () => {
  it("reaches nginx through services/proxy and pods/proxy", async () => {
    const cluster = await nginxCluster();
    const viaService = await cluster.request("/api/v1/namespaces/default/services/web:8080/proxy/");
    expect(viaService.status).toBe(200);
    expect(await viaService.text()).toContain("Welcome to nginx!");
    const viaPod = await cluster.request("/api/v1/namespaces/default/pods/web/proxy/");
    expect(await viaPod.text()).toContain("Welcome to nginx!");
    const missing = await cluster.request("/api/v1/namespaces/default/pods/web/proxy/nope.html");
    expect(missing.status).toBe(404);
    // nginx logs each request, from the control-plane node's address (where the apiserver dials from).
    cluster.advance(1_000);
    const log = await (await cluster.request("/api/v1/namespaces/default/pods/web/log")).text();
    const access = log.split("\n").filter((l) => /"GET \S+ HTTP\/1.1" \d{3} /.test(l));
    expect(access).toHaveLength(3);
    expect(access[2]).toMatch(/^172\.18\.0\.\d+ - - \[.*\] "GET \/nope.html HTTP\/1.1" 404 /);
  });

  it("answers 503 for a port nobody listens on", async () => {
    const cluster = await nginxCluster();
    const response = await cluster.request("/api/v1/namespaces/default/pods/web:9999/proxy/");
    expect(response.status).toBe(503);
    expect(((await response.json()) as { message: string }).message).toMatch(/^error trying to reach service: dial tcp 10\.[\d.]+:9999: connect: connection refused$/);
  });
});
