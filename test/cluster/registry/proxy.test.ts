// The apiserver's proxy subresources (services/pods/nodes proxy) through a stub ProxyConnection: what reaches the
// target, what comes back, and the apiserver's own refusals (404, 503 "no endpoints available", bad names).
import { describe, expect, it } from "vitest";
import { failure } from "../../../src/api/status";
import type { HttpRequest } from "../../../src/container-sim/network";
import type { HttpAnswer } from "../../../src/container-sim/types";
import { endpoints } from "../../../src/cluster/registry/endpoints";
import { pods } from "../../../src/cluster/registry/pods";
import type { ProxyConnection, ProxyTarget } from "../../../src/cluster/registry/proxy-connection";
import { services } from "../../../src/cluster/registry/services";
import { nodeCluster, viewer } from "../../helpers/node-cluster";

function setup(answer: (target: ProxyTarget, http: HttpRequest) => HttpAnswer = () => ({ status: 200, body: "<h1>Welcome to nginx!</h1>", headers: { "content-type": "text/html" } })) {
  const seen: Array<{ target: ProxyTarget; http: HttpRequest }> = [];
  const proxy: ProxyConnection = {
    request(target, http) {
      seen.push({ target, http });
      return answer(target, http);
    },
  };
  const cluster = nodeCluster({ controllers: [], proxy });
  const { registry } = cluster;
  registry.create(services, "default", { metadata: { name: "web" }, spec: { selector: { app: "web" }, ports: [{ name: "http", port: 80, targetPort: 8080 }] } });
  registry.create(services, "default", { metadata: { name: "empty" }, spec: { selector: { app: "none" }, ports: [{ port: 80 }] } });
  registry.create(endpoints, "default", { metadata: { name: "web" }, subsets: [{ addresses: [{ ip: "10.244.1.5" }], ports: [{ name: "http", port: 8080, protocol: "TCP" }] }] });
  registry.create(endpoints, "default", { metadata: { name: "empty" } });
  const pod = registry.create(pods, "default", { metadata: { name: "web-1" }, spec: { containers: [{ name: "nginx", image: "nginx", ports: [{ containerPort: 8080 }] }] } });
  registry.update(pods, "default", "web-1", { ...pod, status: { ...pod.status, podIP: "10.244.1.5" } }, { subresource: "status" });
  registry.create(pods, "default", { metadata: { name: "pending" }, spec: { containers: [{ name: "nginx", image: "nginx" }] } });
  const get = (path: string, init: RequestInit & { caller?: typeof viewer } = {}) => cluster.request(path, init);
  return { cluster, seen, get };
}

const statusOf = async (response: Response) => (await response.json()) as { code: number; reason: string; message: string };

describe("services/proxy", () => {
  it("answers with what the target answered, by port number or name", async () => {
    const { get, seen } = setup();
    const response = await get("/api/v1/namespaces/default/services/web:80/proxy/index.html?x=1", { headers: { authorization: "Bearer secret", "user-agent": "curl/8" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html");
    expect(await response.text()).toBe("<h1>Welcome to nginx!</h1>");
    expect(seen[0].target).toEqual({ kind: "service", namespace: "default", name: "web", port: "http", scheme: "" });
    expect(seen[0].http.method).toBe("GET");
    expect(seen[0].http.path).toBe("/index.html?x=1");
    expect(seen[0].http.headers["user-agent"]).toBe("curl/8");
    expect(seen[0].http.headers.authorization).toBeUndefined();
    await get("/api/v1/namespaces/default/services/https:web:http/proxy/");
    expect(seen[1].target).toEqual({ kind: "service", namespace: "default", name: "web", port: "http", scheme: "https" });
  });

  it("passes the method and body through, and the target's status and headers back", async () => {
    const { get, seen } = setup(() => ({ status: 201, body: "made", headers: { "x-app": "yes" } }));
    const response = await get("/api/v1/namespaces/default/services/web:http/proxy/items", { method: "POST", body: '{"a":1}', headers: { "content-type": "application/json" } });
    expect(response.status).toBe(201);
    expect(response.headers.get("x-app")).toBe("yes");
    expect(await response.text()).toBe("made");
    expect(seen[0].http).toMatchObject({ method: "POST", path: "/items", body: '{"a":1}' });
  });

  it("redirects a request that ends at /proxy to the same path with a slash", async () => {
    const { get, seen } = setup();
    const response = await get("/api/v1/namespaces/default/services/web:80/proxy?q=1");
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe("/api/v1/namespaces/default/services/web:80/proxy/?q=1");
    expect(seen).toEqual([]);
  });

  it("is 503 when the Service has no endpoints, or none for that port", async () => {
    const { get } = setup();
    const none = await get("/api/v1/namespaces/default/services/empty/proxy/");
    expect(none.status).toBe(503);
    expect(await statusOf(none)).toMatchObject({ code: 503, reason: "ServiceUnavailable", message: 'no endpoints available for service "empty"' });
    const unnamed = await statusOf(await get("/api/v1/namespaces/default/services/web/proxy/"));
    expect(unnamed.message).toBe('no endpoints available for service "web"');
    const otherPort = await statusOf(await get("/api/v1/namespaces/default/services/web:8443/proxy/"));
    expect(otherPort).toMatchObject({ code: 503, message: 'no service port 8443 found for service "web"' });
    const namedPort = await statusOf(await get("/api/v1/namespaces/default/services/web:metrics/proxy/"));
    expect(namedPort.message).toBe('no endpoints available for service "web:metrics"');
  });

  it("is 404 for a Service that does not exist, 400 for a bad name", async () => {
    const { get } = setup();
    expect(await statusOf(await get("/api/v1/namespaces/default/services/nope:80/proxy/"))).toMatchObject({ code: 404, message: 'services "nope" not found' });
    expect(await statusOf(await get("/api/v1/namespaces/default/services/nope/proxy/"))).toMatchObject({ code: 404, message: 'endpoints "nope" not found' });
    expect(await statusOf(await get("/api/v1/namespaces/default/services/ftp:web:80/proxy/"))).toMatchObject({ code: 400, message: 'invalid service request "ftp:web:80"' });
  });

  it("refuses the read-only token as RBAC's view role does", async () => {
    const { get } = setup();
    const response = await get("/api/v1/namespaces/default/services/web:80/proxy/", { caller: viewer });
    expect(response.status).toBe(403);
  });

  it("answers the Status error the connection throws", async () => {
    const refused = "error trying to reach service: dial tcp 10.244.1.5:8080: connect: connection refused";
    const { get } = setup(() => {
      throw failure(503, "ServiceUnavailable", refused);
    });
    expect(await statusOf(await get("/api/v1/namespaces/default/services/web:80/proxy/"))).toMatchObject({ code: 503, reason: "ServiceUnavailable", message: refused });
  });
});

describe("pods/proxy", () => {
  it("reaches the pod's first declared port, or the port asked", async () => {
    const { get, seen } = setup();
    expect((await get("/api/v1/namespaces/default/pods/web-1/proxy/healthz")).status).toBe(200);
    expect(seen[0].target).toEqual({ kind: "pod", namespace: "default", name: "web-1", port: 8080, scheme: "" });
    await get("/api/v1/namespaces/default/pods/web-1:9090/proxy/");
    expect(seen[1].target.port).toBe(9090);
  });

  it("is 400 `address not allowed` for a pod without an IP, 404 for none", async () => {
    const { get } = setup();
    expect(await statusOf(await get("/api/v1/namespaces/default/pods/pending/proxy/"))).toMatchObject({ code: 400, message: "address not allowed" });
    expect(await statusOf(await get("/api/v1/namespaces/default/pods/gone/proxy/"))).toMatchObject({ code: 404, message: 'pods "gone" not found' });
  });
});

describe("nodes/proxy", () => {
  it("reaches a node's kubelet; the stand-in answers its health check", async () => {
    const cluster = nodeCluster({ controllers: [] });
    const node = cluster.registry.list((await import("../../../src/cluster/registry/nodes")).nodes)[0].metadata.name!;
    const healthz = await cluster.request(`/api/v1/nodes/${node}/proxy/healthz`);
    expect(healthz.status).toBe(200);
    expect(await healthz.text()).toBe("ok");
    expect(await statusOf(await cluster.request("/api/v1/nodes/nope/proxy/healthz"))).toMatchObject({ code: 404, message: 'nodes "nope" not found' });
  });
});

describe("discovery", () => {
  it("lists services/proxy, pods/proxy and nodes/proxy as a 1.33 apiserver does", async () => {
    const { get } = setup();
    const list = (await (await get("/api/v1")).json()) as { resources: Array<{ name: string; kind: string; verbs: string[] }> };
    for (const [name, kind] of [["pods/proxy", "PodProxyOptions"], ["services/proxy", "ServiceProxyOptions"], ["nodes/proxy", "NodeProxyOptions"]]) {
      expect(list.resources.find((r) => r.name === name)).toMatchObject({ kind, verbs: ["create", "delete", "get", "patch", "update"] });
    }
  });
});
