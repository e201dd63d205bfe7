// The platform API (/api/clusters), authentication and authorization, a new cluster's contents, and its lifetime.
import { env, exports } from "cloudflare:workers";
import { listDurableObjectIds, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { parse as parseYaml } from "yaml";
import type { CreatedCluster } from "../../src/api/platform";
import { app } from "../../src/worker/app";
import { clusterStub, coldStartMs, createCluster, kube, kubeJson, origin, WatchReader } from "../helpers/cluster";
import { fakeClockStart } from "../helpers/fake-clock";
import { addressSpy, forgedClusterId, mintedClusterId } from "./id-helpers";

vi.setConfig({ testTimeout: 30_000, hookTimeout: coldStartMs });

const dayMs = 24 * 3600 * 1000;

let cluster: CreatedCluster;

beforeAll(async () => {
  cluster = await createCluster();
});

afterEach(() => {
  vi.useRealTimers();
});

function platform(path: string, init: { method?: string; body?: string; token?: string; url?: string } = {}) {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  return exports.default.fetch(`${init.url ?? origin}${path}`, { method: init.method ?? "GET", headers, body: init.body });
}

async function platformJson(path: string, init: Parameters<typeof platform>[1] = {}) {
  const response = await platform(path, init);
  expect(response.status).toBeLessThan(500);
  return { status: response.status, body: (await response.json()) as any };
}


describe("POST /api/clusters", () => {
  it("answers 201 with every field, for default options", async () => {
    const before = Date.now();
    const { status, body } = await platformJson("/api/clusters", { method: "POST" });
    expect(status).toBe(201);
    expect(Object.keys(body).sort()).toEqual(["dashboardUrl", "expiresAt", "id", "kubeconfig", "name", "server", "shareUrl", "token", "viewToken"]);
    // The share link carries the read-only token, never the admin one.
    expect(body.shareUrl).toBe(`${origin}/s/${body.viewToken}/`);
    expect(body.dashboardUrl).toBe(body.shareUrl);
    // A DNS label: 20 random base32 characters and 16 of the MAC the Worker checks.
    expect(body.id).toMatch(/^[a-z2-7]{36}$/);
    expect(body.name).toBe("sandbox");
    expect(body.server).toBe(`${origin}/clusters/${body.id}`);
    expect(body.token).toMatch(new RegExp(`^${body.id}\\.[a-z2-7]{32}$`));
    expect(body.viewToken).toMatch(new RegExp(`^${body.id}\\.[a-z2-7]{32}$`));
    expect(body.viewToken).not.toBe(body.token);
    const expires = Date.parse(body.expiresAt);
    expect(expires).toBeGreaterThanOrEqual(before + 7 * dayMs);
    expect(expires).toBeLessThanOrEqual(Date.now() + 7 * dayMs);
    const config = parseYaml(body.kubeconfig);
    expect(config.clusters[0].cluster.server).toBe(body.server);
    expect(config.users[0].user.token).toBe(body.token);
    expect(config["current-context"]).toBe(config.contexts[0].name);
  });

  it("settles the options it is given", async () => {
    const { status, body } = await platformJson("/api/clusters", {
      method: "POST",
      body: JSON.stringify({ name: "demo", workers: 3, nodeResources: { cpu: "4", memory: "8Gi", pods: 50 }, pace: "fast" }),
    });
    expect(status).toBe(201);
    expect(body.name).toBe("demo");
    const summary = await platformJson(`/api/clusters/${body.id}`, { token: body.token });
    expect(summary.body).toMatchObject({ name: "demo", pace: "fast", nodes: { total: 4, ready: 4 } });
    const worker = await kubeJson(body, "/api/v1/nodes/worker-3");
    expect(worker.body.status.capacity).toMatchObject({ cpu: "4", memory: "8Gi", pods: "50" });
  });

  it.each([
    [{ workers: -1 }, /^invalid cluster options: workers: /],
    [{ workers: 1.5 }, /^invalid cluster options: workers: /],
    [{ flavour: "large" }, /^invalid cluster options: .*flavour/],
    [{ nodeResources: { cpu: "lots" } }, /^nodeResources\.cpu: "lots" is not a Kubernetes quantity/],
    [{ nodeResources: { memory: "4GB" } }, /^nodeResources\.memory: "4GB" is not a Kubernetes quantity/],
    [{ name: "Not_A_Label" }, /^invalid cluster options: name: name must be a DNS label/],
    [{ pace: "ludicrous" }, /^invalid cluster options: pace: /],
    // Node resources no node could have.
    [{ nodeResources: { memory: "-1Gi" } }, /^nodeResources\.memory: "-1Gi" must be greater than zero$/],
    [{ nodeResources: { cpu: "-4" } }, /^nodeResources\.cpu: "-4" must be greater than zero$/],
    [{ nodeResources: { cpu: 0 } }, /^nodeResources\.cpu: "0" must be greater than zero$/],
    [{ nodeResources: { cpu: 1e308 } }, /^nodeResources\.cpu: "1e\+308" is more than a node may have \(at most 1024\)$/],
    [{ nodeResources: { memory: "1e308" } }, /^nodeResources\.memory: "1e308" is more than a node may have \(at most 64Ti\)$/],
    [{ nodeResources: { memory: "65Ti" } }, /^nodeResources\.memory: "65Ti" is more than a node may have/],
    [{ nodeResources: { pods: -4 } }, /^invalid cluster options: nodeResources\.pods: /],
    [{ nodeResources: { pods: 1e308 } }, /^invalid cluster options: nodeResources\.pods: /],
    [{ workers: 1e308 }, /^invalid cluster options: workers: /],
  ])("refuses %j with a 400 that says why", async (options, message) => {
    const { status, body } = await platformJson("/api/clusters", { method: "POST", body: JSON.stringify(options) });
    expect(status).toBe(400);
    expect(body).toMatchObject({ kind: "Status", status: "Failure", reason: "BadRequest", code: 400 });
    expect(body.message).toMatch(message);
  });

  it("refuses a body that is not JSON", async () => {
    const { status, body } = await platformJson("/api/clusters", { method: "POST", body: "{workers: 2" });
    expect(status).toBe(400);
    expect(body.message).toMatch(/^the body is not JSON: /);
  });

  it("needs CREATE_TOKEN as the bearer token when it is set", async () => {
    // The binding is a deployment secret; the Worker's app gets it through its env, here given directly.
    const gated = { ...env, CREATE_TOKEN: "let-me-in" };
    const post = (token?: string) =>
      app.fetch(new Request(`${origin}/api/clusters`, { method: "POST", headers: token ? { authorization: `Bearer ${token}` } : {} }), gated);
    const none = await post();
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ kind: "Status", reason: "Unauthorized", code: 401 });
    expect((await post("wrong")).status).toBe(401);
    const allowed = await post("let-me-in");
    expect(allowed.status).toBe(201);
    const created = (await allowed.json()) as CreatedCluster;
    // The gate is for creation only: the cluster's own tokens work as usual.
    expect((await kube(created, "/api/v1/namespaces")).status).toBe(200);
  });
});

describe("GET /api/clusters/<id> and its kubeconfig", () => {
  it("summarizes the cluster for the admin and the view token alike", async () => {
    for (const token of [cluster.token, cluster.viewToken]) {
      const { status, body } = await platformJson(`/api/clusters/${cluster.id}`, { token });
      expect(status).toBe(200);
      expect(body).toMatchObject({ id: cluster.id, name: "sandbox", pace: "realistic", nodes: { total: 3, ready: 3 } });
      expect(body.revision).toBeGreaterThan(0);
      expect(body.objects).toMatchObject({ nodes: 3, namespaces: 5 });
      expect(Date.parse(body.expiresAt)).toBe(Date.parse(body.lastUsedAt) + 7 * dayMs);
    }
  });

  it("answers 401 without a token or with a wrong one, 404 for a cluster that does not exist", async () => {
    expect((await platformJson(`/api/clusters/${cluster.id}`)).status).toBe(401);
    expect((await platformJson(`/api/clusters/${cluster.id}`, { token: `${cluster.id}.${"a".repeat(32)}` })).status).toBe(401);
    const other = await mintedClusterId();
    expect((await platformJson(`/api/clusters/${other}`, { token: `${other}.x` })).status).toBe(404);
    const forged = forgedClusterId();
    expect((await platformJson(`/api/clusters/${forged}`, { token: `${forged}.x` })).status).toBe(404);
    expect((await platformJson("/api/clusters/NOT-AN-ID", { token: cluster.token })).status).toBe(404);
  });

  it("hands out a kubeconfig carrying the caller's own token", async () => {
    for (const [token, role] of [[cluster.token, "admin"], [cluster.viewToken, "viewer"]] as const) {
      const response = await platform(`/api/clusters/${cluster.id}/kubeconfig`, { token });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/yaml");
      const config = parseYaml(await response.text());
      expect(config.users).toHaveLength(1);
      expect(config.users[0].user.token).toBe(token);
      expect(config.users[0].name).toMatch(new RegExp(`-${role}$`));
      expect(config.contexts[0].context).toMatchObject({ user: config.users[0].name, namespace: "default" });
    }
  });

  it("skips TLS verification only for a loopback server", async () => {
    const local = parseYaml(cluster.kubeconfig);
    expect(local.clusters[0].cluster["insecure-skip-tls-verify"]).toBe(true);

    const { body } = await platformJson("/api/clusters", { method: "POST", url: "https://sandbox.example.com" });
    expect(body.server).toBe(`https://sandbox.example.com/clusters/${body.id}`);
    const remote = parseYaml(body.kubeconfig);
    expect(remote.clusters[0].cluster).toEqual({ server: body.server });
    const fetched = await platform(`/api/clusters/${body.id}/kubeconfig`, { token: body.viewToken, url: "https://sandbox.example.com" });
    expect(parseYaml(await fetched.text()).clusters[0].cluster).not.toHaveProperty("insecure-skip-tls-verify");
  });
});

describe("DELETE /api/clusters/<id>", () => {
  it("refuses the view token with 403 and lets the admin delete; the API then answers 404", async () => {
    const doomed = await createCluster();
    const refused = await platformJson(`/api/clusters/${doomed.id}`, { method: "DELETE", token: doomed.viewToken });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ kind: "Status", reason: "Forbidden", code: 403 });
    expect((await kube(doomed, "/api/v1/namespaces")).status).toBe(200);

    const deleted = await platformJson(`/api/clusters/${doomed.id}`, { method: "DELETE", token: doomed.token });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ kind: "Status", status: "Success", details: { name: doomed.id } });

    const api = await kubeJson(doomed, "/api/v1/namespaces");
    expect(api.status).toBe(404);
    expect(api.body).toMatchObject({ kind: "Status", reason: "NotFound" });
    expect((await platformJson(`/api/clusters/${doomed.id}`, { token: doomed.token })).status).toBe(404);
    // Nothing is left armed for a cluster that is gone.
    const alarm = await runInDurableObject(clusterStub(doomed.id), (_instance, state) => state.storage.getAlarm());
    expect(alarm).toBeNull();
  });
});

describe("authentication and authorization", () => {
  it("lets the view token get, list and watch", async () => {
    expect((await kube(cluster, "/api/v1/namespaces/default", { token: cluster.viewToken })).status).toBe(200);
    expect((await kube(cluster, "/api/v1/nodes", { token: cluster.viewToken })).status).toBe(200);
    const reader = new WatchReader(await kube(cluster, "/api/v1/namespaces?watch=true", { token: cluster.viewToken }));
    try {
      expect((await reader.next()).type).toBe("ADDED");
    } finally {
      await reader.cancel();
    }
  });

  it("refuses every write of the view token with a 403 Forbidden Status", async () => {
    const path = "/api/v1/namespaces/default/configmaps";
    const attempts = [
      { method: "POST", path, body: { metadata: { name: "nope" } } },
      { method: "PUT", path: "/api/v1/namespaces/default", body: { metadata: { name: "default" } } },
      { method: "PATCH", path: "/api/v1/namespaces/default", body: { metadata: { labels: { a: "b" } } }, contentType: "application/merge-patch+json" },
      { method: "DELETE", path: "/api/v1/namespaces/default" },
      { method: "DELETE", path },
    ];
    for (const attempt of attempts) {
      const { status, body } = await kubeJson(cluster, attempt.path, { ...attempt, token: cluster.viewToken });
      expect(status, `${attempt.method} ${attempt.path}`).toBe(403);
      expect(body).toMatchObject({ kind: "Status", status: "Failure", reason: "Forbidden", code: 403 });
      expect(body.message).toContain('User "sandbox:viewer" cannot');
    }
    const created = await kubeJson(cluster, "/api/v1/namespaces/default/configmaps", { token: cluster.viewToken, method: "POST", body: { metadata: { name: "nope" } } });
    expect(created.body.message).toBe(
      'configmaps is forbidden: User "sandbox:viewer" cannot create resource "configmaps" in API group "" in the namespace "default": this is a read-only token',
    );
    expect((await kubeJson(cluster, "/api/v1/namespaces/default/configmaps/nope")).status).toBe(404);
    expect((await kubeJson(cluster, "/api/v1/namespaces/default")).status).toBe(200);
  });

  it("shows the view token a Secret's keys but not its values, in get, list and watch", async () => {
    const created = await kubeJson(cluster, "/api/v1/namespaces/default/secrets", {
      method: "POST",
      body: { metadata: { name: "creds" }, data: { password: btoa("hunter2") }, stringData: { user: "admin" } },
    });
    expect(created.status).toBe(201);
    const admin = await kubeJson(cluster, "/api/v1/namespaces/default/secrets/creds");
    expect(admin.body.data).toEqual({ password: btoa("hunter2"), user: btoa("admin") });

    const viewed = await kubeJson(cluster, "/api/v1/namespaces/default/secrets/creds", { token: cluster.viewToken });
    expect(viewed.body.data).toEqual({ password: "", user: "" });
    const listed = await kubeJson(cluster, "/api/v1/namespaces/default/secrets?fieldSelector=metadata.name%3Dcreds", { token: cluster.viewToken });
    expect(listed.body.items[0].data).toEqual({ password: "", user: "" });
    const reader = new WatchReader(
      await kube(cluster, "/api/v1/namespaces/default/secrets?watch=true&fieldSelector=metadata.name%3Dcreds", { token: cluster.viewToken }),
    );
    try {
      const event = await reader.next();
      expect(event.object.data).toEqual({ password: "", user: "" });
    } finally {
      await reader.cancel();
    }
  });

  it("answers 401 to a missing or wrong token", async () => {
    const missing = await exports.default.fetch(`${origin}/clusters/${cluster.id}/api/v1/namespaces`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ kind: "Status", reason: "Unauthorized", code: 401 });
    const wrong = await kube(cluster, "/api/v1/namespaces", { token: `${cluster.id}.${"b".repeat(32)}` });
    expect(wrong.status).toBe(401);
    const malformed = await kube(cluster, "/api/v1/namespaces", { token: "garbage" });
    expect(malformed.status).toBe(401);
  });

  it("refuses cluster A's token on cluster B with 401, without waking B", async () => {
    const b = await mintedClusterId();
    const spy = addressSpy();
    const response = await app.fetch(
      new Request(`${origin}/clusters/${b}/api/v1/namespaces`, { headers: { authorization: `Bearer ${cluster.token}` } }),
      spy.env,
    );
    expect(response.status).toBe(401);
    const other = await createCluster();
    expect((await kube({ ...other, token: cluster.token }, "/api/v1/namespaces")).status).toBe(401);
    // A control: a token naming its own (never created) cluster does reach, and so wake, that cluster's object.
    const c = await mintedClusterId();
    const reached = await app.fetch(new Request(`${origin}/clusters/${c}/api/v1/namespaces`, { headers: { authorization: `Bearer ${c}.secret` } }), spy.env);
    expect(reached.status).toBe(404);
    expect(spy.addressed).toEqual([c]);
    const woken = (await listDurableObjectIds(env.CLUSTER)).map((id) => id.toString());
    expect(woken).toContain(env.CLUSTER.idFromName(c).toString());
    expect(woken).not.toContain(env.CLUSTER.idFromName(b).toString());
  });

  it("routes prefix-less API paths by the token's cluster", async () => {
    const response = await exports.default.fetch(`${origin}/api/v1/namespaces/default`, { headers: { authorization: `Bearer ${cluster.token}` } });
    expect(response.status).toBe(200);
    const version = await exports.default.fetch(`${origin}/version`, { headers: { authorization: `Bearer ${cluster.viewToken}` } });
    expect(((await version.json()) as { minor: string }).minor).toBe("33");
    expect((await exports.default.fetch(`${origin}/api/v1/namespaces`)).status).toBe(401);
  });
});

describe("a new cluster", () => {
  it("has three Ready nodes, the control plane tainted NoSchedule", async () => {
    const { body } = await kubeJson(cluster, "/api/v1/nodes");
    expect(body.items.map((n: any) => n.metadata.name)).toEqual(["control-plane", "worker-1", "worker-2"]);
    for (const node of body.items) {
      expect(node.status.conditions.find((c: any) => c.type === "Ready")).toMatchObject({ status: "True" });
    }
    const [controlPlane, ...workers] = body.items;
    expect(controlPlane.spec.taints).toEqual([{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }]);
    expect(controlPlane.metadata.labels).toHaveProperty("node-role.kubernetes.io/control-plane", "");
    for (const worker of workers) expect(worker.spec.taints).toBeUndefined();
  });

  it("has the four standard namespaces and minikube's ingress-nginx, Active, each with a default ServiceAccount", async () => {
    const { body } = await kubeJson(cluster, "/api/v1/namespaces");
    const names = body.items.map((n: any) => n.metadata.name);
    expect([...names].sort()).toEqual(["default", "ingress-nginx", "kube-node-lease", "kube-public", "kube-system"]);
    for (const ns of body.items) expect(ns.status.phase).toBe("Active");
    for (const ns of names) {
      const sa = await kubeJson(cluster, `/api/v1/namespaces/${ns}/serviceaccounts/default`);
      expect(sa.status, ns).toBe(200);
    }
  });

  it("has the kubernetes Service in default", async () => {
    const { status, body } = await kubeJson(cluster, "/api/v1/namespaces/default/services/kubernetes");
    expect(status).toBe(200);
    expect(body.spec.clusterIP).toBe("10.96.0.1");
    expect(body.spec.ports[0]).toMatchObject({ name: "https", port: 443, protocol: "TCP" });
  });

  it("answers /version with minor 33", async () => {
    const { body } = await kubeJson(cluster, "/version");
    expect(body).toMatchObject({ major: "1", minor: "33" });
    expect(body.gitVersion).toMatch(/^v1\.33\./);
  });
});

describe("lifetime", () => {
  it("once converged, has no alarm due but its expiry", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = fakeClockStart();
    vi.setSystemTime(start);
    const idle = await createCluster();
    const stub = clusterStub(idle.id);
    const expiry = Date.parse(idle.expiresAt);
    const alarmAt = () => runInDurableObject(stub, (_instance, state) => state.storage.getAlarm());
    // System workloads (coredns) start up through timed steps: follow the alarm until nothing but the expiry is due.
    let alarm = await alarmAt();
    const fired: number[] = [];
    while (alarm !== null && alarm < expiry && fired.length < 100) {
      vi.setSystemTime(Math.max(Date.now(), alarm));
      expect(await runDurableObjectAlarm(stub)).toBe(true);
      fired.push(Date.now() - start);
      alarm = await alarmAt();
    }
    const timers = await runInDurableObject(stub, (_i, state) => state.storage.sql.exec("SELECT * FROM timers").toArray());
    expect(timers).toEqual([]);
    expect(alarm).toBe(expiry);
    // It settles within minutes, not by polling forever.
    expect(fired.length).toBeLessThan(100);
    expect(Date.now() - start).toBeLessThan(10 * 60_000);
    // Still nothing else due after a while.
    vi.setSystemTime(Date.now() + 3600_000);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await alarmAt()).toBe(expiry);
  });

  it("expires after 7 idle days: the alarm wipes it and its API answers 404", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = fakeClockStart();
    vi.setSystemTime(start);
    const doomed = await createCluster();
    expect(Date.parse(doomed.expiresAt)).toBe(start + 7 * dayMs);
    const stub = clusterStub(doomed.id);

    vi.setSystemTime(start + 7 * dayMs - 1000);
    await runDurableObjectAlarm(stub);
    expect((await kube(doomed, "/api/v1/namespaces")).status).toBe(200);

    vi.setSystemTime(start + 7 * dayMs + 1000);
    // The request just made counted as use: idle time starts again from it.
    await runDurableObjectAlarm(stub);
    expect((await kube(doomed, "/api/v1/namespaces")).status).toBe(200);

    vi.setSystemTime(start + 15 * dayMs);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const api = await kubeJson(doomed, "/api/v1/namespaces");
    expect(api.status).toBe(404);
    expect(api.body.message).toBe("this sandbox cluster does not exist (it was deleted or has expired)");
    expect((await platformJson(`/api/clusters/${doomed.id}`, { token: doomed.token })).status).toBe(404);
    expect(await runInDurableObject(stub, (_instance, state) => state.storage.getAlarm())).toBeNull();
  });
});

describe("platform routes", () => {
  it("answers an unknown route under /api/clusters with a 404 Status", async () => {
    const { status, body } = await platformJson(`/api/clusters/${cluster.id}/nope`, { token: cluster.token });
    expect(status).toBe(404);
    expect(body).toMatchObject({ kind: "Status", reason: "NotFound" });
    expect((await platformJson("/api/clusters", { method: "PUT" })).status).toBe(404);
  });
});
