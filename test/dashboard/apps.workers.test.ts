// Opening a Service's app through the share link, and the apiserver's proxy subresources through the Worker and the
// cluster's object (kubectl proxy's path). The cluster network's side is the assembly's stand-in here (it reaches no
// pod yet): these tests hold the routes, the apiserver's refusals, the headers and the masking of the answer.
import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../src/api/platform";
import { runDurableObjectAlarm } from "cloudflare:test";
import { clusterStub, coldStartMs, createCluster, kube, kubeJson, origin } from "../helpers/cluster";

vi.setConfig({ testTimeout: 30_000, hookTimeout: coldStartMs });

let cluster: CreatedCluster;

const get = (path: string, init: RequestInit = {}) => exports.default.fetch(`${origin}${path}`, init);
/** An API request with the admin token whose 503 is the expected answer (kube() fails any 5xx). */
async function apiJson(path: string) {
  const response = await get(`/clusters/${cluster.id}${path}`, { headers: { authorization: `Bearer ${cluster.token}` } });
  return { status: response.status, body: (await response.json()) as { kind: string; reason: string; message: string } };
}

const app = (suffix: string, token = cluster.viewToken) => `/s/${token}/apps/services/default/${suffix}`;

beforeAll(async () => {
  cluster = await createCluster();
  // A Service without a selector and its Endpoints by hand (no pod behind it), and one with a selector nothing matches.
  await kube(cluster, "/api/v1/namespaces/default/services", { method: "POST", body: { apiVersion: "v1", kind: "Service", metadata: { name: "web" }, spec: { ports: [{ port: 80 }] } } });
  await kube(cluster, "/api/v1/namespaces/default/endpoints", {
    method: "POST",
    body: { apiVersion: "v1", kind: "Endpoints", metadata: { name: "web" }, subsets: [{ addresses: [{ ip: "10.244.1.5" }], ports: [{ port: 80 }] }] },
  });
  await kube(cluster, "/api/v1/namespaces/default/services", { method: "POST", body: { apiVersion: "v1", kind: "Service", metadata: { name: "empty" }, spec: { selector: { app: "none" }, ports: [{ port: 80 }] } } });
  // A Secret whose value is part of the apiserver's answer for "empty": the app's answer must show it masked.
  await kube(cluster, "/api/v1/namespaces/default/secrets", { method: "POST", body: { apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, stringData: { word: "endpoints available" } } });
  // The endpoints controller's pass: the Endpoints of "empty" (with no address) exist after it, as in a real cluster.
  await runDurableObjectAlarm(clusterStub(cluster.id));
});

describe("the share link's app route", () => {
  it("serves the app's answer under Content-Security-Policy: sandbox", async () => {
    const response = await get(app("web:80/"));
    expect(response.headers.get("content-security-policy")).toBe("sandbox");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(response.status).toBe(503);
    expect(await response.text()).toContain("error trying to reach service");
  });

  it("answers the apiserver's 503 for a Service without endpoints, with Secret values masked", async () => {
    const response = await get(app("empty:80/"));
    expect(response.status).toBe(503);
    const message = ((await response.json()) as { message: string }).message;
    expect(message).toMatch(/^no \S+ for service "empty"$/);
    expect(message).not.toContain("endpoints available");
    expect(response.headers.get("content-security-policy")).toBe("sandbox");
  });

  it("is GET only: POST is 405", async () => {
    const response = await get(app("web:80/"), { method: "POST", body: "x" });
    expect(response.status).toBe(405);
  });

  it("redirects a link without a path to its slash, and leads nowhere for a wrong token", async () => {
    const bare = await get(app("web:80"), { redirect: "manual" });
    expect(bare.status).toBe(301);
    expect(bare.headers.get("location")).toMatch(/\/apps\/services\/default\/web:80\/$/);
    const wrong = await get(app("web:80/", `${cluster.id}.nope`));
    expect(wrong.status).toBe(404);
  });

  it("the Service's page links to its app", async () => {
    const html = await (await get(`/s/${cluster.viewToken}/objects/core~v1/services/default/web`)).text();
    expect(html).toContain('href="../../../../apps/services/default/web:80/"');
  });

  it("an Ingress's page links to each of its hosts, opened through the ingress controller", async () => {
    const rule = (host: string) => ({ host, http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "web", port: { number: 80 } } } }] } });
    await kube(cluster, "/apis/networking.k8s.io/v1/namespaces/default/ingresses", {
      method: "POST",
      body: { apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: { name: "demo" }, spec: { rules: [rule("foo.local"), rule("bar.local")] } },
    });
    const html = await (await get(`/s/${cluster.viewToken}/objects/networking.k8s.io~v1/ingresses/default/demo`)).text();
    expect(html).toContain('href="../../../../apps/ingresses/default/demo/foo.local/"');
    expect(html).toContain('href="../../../../apps/ingresses/default/demo/bar.local/"');
    const other = await get(`/s/${cluster.viewToken}/apps/ingresses/default/demo/nobody.local/`);
    expect(other.status).toBe(404);
    expect(other.headers.get("content-security-policy")).toBe("sandbox");
    const bare = await get(`/s/${cluster.viewToken}/apps/ingresses/default/demo/foo.local`, { redirect: "manual" });
    expect(bare.status).toBe(301);
  });
});

describe("the proxy subresources through the Worker", () => {
  it("services/proxy: 404, 503, the path-less redirect keeps the cluster prefix", async () => {
    expect((await kubeJson(cluster, "/api/v1/namespaces/default/services/nope:80/proxy/")).body.message).toBe('services "nope" not found');
    const empty = await apiJson("/api/v1/namespaces/default/services/empty/proxy/");
    expect(empty.status).toBe(503);
    expect(empty.body).toMatchObject({ kind: "Status", reason: "ServiceUnavailable", message: 'no endpoints available for service "empty"' });
    const bare = await get(`/clusters/${cluster.id}/api/v1/namespaces/default/services/web:80/proxy`, { headers: { authorization: `Bearer ${cluster.token}` }, redirect: "manual" });
    expect(bare.status).toBe(301);
    expect(bare.headers.get("location")).toBe(`/clusters/${cluster.id}/api/v1/namespaces/default/services/web:80/proxy/`);
  });

  it("the CoreDNS URL kubectl cluster-info prints answers as a Status, not 404", async () => {
    const dns = await apiJson("/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy/");
    expect(dns.status, JSON.stringify(dns.body)).not.toBe(404);
    expect(dns.body.kind).toBe("Status");
  });

  it("pods/proxy of a pod that does not exist is 404; nodes/proxy reaches the kubelet's health check", async () => {
    expect((await kubeJson(cluster, "/api/v1/namespaces/default/pods/nope/proxy/")).body.message).toBe('pods "nope" not found');
    const nodes = await kubeJson(cluster, "/api/v1/nodes");
    const healthz = await kube(cluster, `/api/v1/nodes/${nodes.body.items[0].metadata.name}/proxy/healthz`);
    expect(healthz.status).toBe(200);
    expect(await healthz.text()).toBe("ok");
  });

  it("the read-only token may not proxy (the view role has no services/proxy)", async () => {
    expect((await kube(cluster, "/api/v1/namespaces/default/services/web:80/proxy/", { token: cluster.viewToken })).status).toBe(403);
  });
});
