// The disruption controller and the eviction subresource together, on a whole cluster with a fake clock: a budget's
// status follows its pods and their controllers' scale; evictions take the allowed disruptions one by one, answer
// 429 with the budget's numbers when none is left, 500 when two budgets guard a pod, and let pending and unready
// pods go by the real rules.
import { describe, expect, it } from "vitest";
import { nodeCluster, type NodeCluster } from "../../../helpers/node-cluster";

const ns = "/api/v1/namespaces/default";
const pdbs = "/apis/policy/v1/namespaces/default/poddisruptionbudgets";
const json = { "content-type": "application/json" };

async function send(cluster: NodeCluster, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await cluster.request(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: json }) });
  return { status: res.status, body: await res.json() };
}

async function create(cluster: NodeCluster, path: string, body: unknown): Promise<any> {
  const { status, body: created } = await send(cluster, "POST", path, body);
  expect(status, JSON.stringify(created)).toBe(201);
  return created;
}

function deployment(name: string, replicas: number, extra: Record<string, unknown> = {}) {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "c", image: "nginx:1.27", ...extra }] } },
    },
  };
}

function budget(name: string, spec: Record<string, unknown>) {
  return { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name }, spec };
}

async function podsOf(cluster: NodeCluster, app: string): Promise<any[]> {
  return (await send(cluster, "GET", `${ns}/pods?labelSelector=app%3D${app}`)).body.items;
}

const evictionOf = (name: string) => ({ apiVersion: "policy/v1", kind: "Eviction", metadata: { name, namespace: "default" } });
const evict = (cluster: NodeCluster, name: string) => send(cluster, "POST", `${ns}/pods/${name}/eviction`, evictionOf(name));

async function statusOf(cluster: NodeCluster, name: string): Promise<any> {
  return (await send(cluster, "GET", `${pdbs}/${name}`)).body.status;
}

async function eventsOf(cluster: NodeCluster, name: string): Promise<Array<[string, string, string]>> {
  const { body } = await send(cluster, "GET", `${ns}/events?fieldSelector=involvedObject.name%3D${name}`);
  return body.items.map((e: any) => [e.type, e.reason, e.message]);
}

describe("disruption controller", () => {
  it("counts a Deployment's pods against maxUnavailable, with the DisruptionAllowed condition", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    await create(cluster, "/apis/apps/v1/namespaces/default/deployments", deployment("web", 3));
    const created = await create(cluster, pdbs, budget("web", { maxUnavailable: 1, selector: { matchLabels: { app: "web" } } }));
    expect(created.status).toEqual({ disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 });
    expect(created.metadata.generation).toBe(1);
    cluster.runUntilIdle();
    const status = await statusOf(cluster, "web");
    expect(status).toEqual({
      observedGeneration: 1,
      disruptionsAllowed: 1,
      currentHealthy: 3,
      desiredHealthy: 2,
      expectedPods: 3,
      conditions: [{ type: "DisruptionAllowed", status: "True", observedGeneration: 1, lastTransitionTime: expect.any(String), reason: "SufficientPods", message: "" }],
    });

    // A spec change is a new generation; percentages count the Deployment's replicas (rounded up).
    const current = (await send(cluster, "GET", `${pdbs}/web`)).body;
    const updated = await send(cluster, "PUT", `${pdbs}/web`, { ...current, spec: { minAvailable: "50%", selector: current.spec.selector } });
    expect(updated.status).toBe(200);
    expect(updated.body.metadata.generation).toBe(2);
    cluster.runUntilIdle();
    expect(await statusOf(cluster, "web")).toMatchObject({ observedGeneration: 2, desiredHealthy: 2, expectedPods: 3, currentHealthy: 3, disruptionsAllowed: 1 });

    const scaled = await cluster.request("/apis/apps/v1/namespaces/default/deployments/web", {
      method: "PATCH",
      body: JSON.stringify({ spec: { replicas: 5 } }),
      headers: { "content-type": "application/merge-patch+json" },
    });
    expect(scaled.status).toBe(200);
    cluster.runUntilIdle();
    expect(await statusOf(cluster, "web")).toMatchObject({ desiredHealthy: 3, expectedPods: 5, currentHealthy: 5, disruptionsAllowed: 2 });
  });

  it("counts bare pods for an integer minAvailable, warns about them for a percentage, and reports a budget without pods", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    for (const name of ["solo-1", "solo-2", "solo-3"]) {
      await create(cluster, `${ns}/pods`, { apiVersion: "v1", kind: "Pod", metadata: { name, labels: { app: "solo" } }, spec: { containers: [{ name: "c", image: "nginx:1.27" }] } });
    }
    await create(cluster, pdbs, budget("solo", { minAvailable: 2, selector: { matchLabels: { app: "solo" } } }));
    await create(cluster, pdbs, budget("solo-pct", { maxUnavailable: "10%", selector: { matchLabels: { app: "solo" } } }));
    await create(cluster, pdbs, budget("nobody", { minAvailable: 1, selector: { matchLabels: { app: "nobody" } } }));
    cluster.runUntilIdle();
    expect(await statusOf(cluster, "solo")).toMatchObject({ currentHealthy: 3, desiredHealthy: 2, expectedPods: 3, disruptionsAllowed: 1 });
    expect(await statusOf(cluster, "solo-pct")).toMatchObject({ currentHealthy: 3, desiredHealthy: 0, expectedPods: 0, disruptionsAllowed: 0 });
    expect((await statusOf(cluster, "solo-pct")).conditions[0]).toMatchObject({ status: "False", reason: "InsufficientPods" });
    expect(await eventsOf(cluster, "solo-pct")).toContainEqual([
      "Warning",
      "UnmanagedPods",
      'Pods selected by this PodDisruptionBudget (selector: &LabelSelector{MatchLabels:map[string]string{app: solo,},MatchExpressions:[]LabelSelectorRequirement{},}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.',
    ]);
    expect(await statusOf(cluster, "nobody")).toMatchObject({ currentHealthy: 0, desiredHealthy: 1, expectedPods: 0, disruptionsAllowed: 0 });
    expect(await eventsOf(cluster, "nobody")).toContainEqual(["Normal", "NoPods", "No matching pods found"]);
  });

  it("fails safe when a pod's controller has no scale (a DaemonSet's pods under maxUnavailable)", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    await create(cluster, "/apis/policy/v1/namespaces/kube-system/poddisruptionbudgets", {
      ...budget("proxy", { maxUnavailable: 1, selector: { matchLabels: { "k8s-app": "kube-proxy" } } }),
    });
    cluster.runUntilIdle();
    const { body } = await send(cluster, "GET", "/apis/policy/v1/namespaces/kube-system/poddisruptionbudgets/proxy");
    expect(body.status.disruptionsAllowed).toBe(0);
    expect(body.status.conditions).toEqual([
      {
        type: "DisruptionAllowed",
        status: "False",
        lastTransitionTime: expect.any(String),
        reason: "SyncFailed",
        message: "daemonsets.apps does not implement the scale subresource",
      },
    ]);
  });
});

describe("eviction under a PodDisruptionBudget", () => {
  it("evicts one pod at a time: 201, then 429 with the budget's numbers until a replacement is ready", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    await create(cluster, "/apis/apps/v1/namespaces/default/deployments", deployment("web", 3));
    await create(cluster, pdbs, budget("web", { maxUnavailable: 1, selector: { matchLabels: { app: "web" } } }));
    cluster.runUntilIdle();
    const [first, second] = (await podsOf(cluster, "web")).map((p) => p.metadata.name);

    const ok = await evict(cluster, first);
    expect(ok).toEqual({ status: 201, body: { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", code: 201 } });
    const afterFirst = await statusOf(cluster, "web");
    expect(afterFirst.disruptionsAllowed).toBe(0);
    expect(Object.keys(afterFirst.disruptedPods)).toEqual([first]);
    expect(afterFirst.conditions[0]).toMatchObject({ status: "False", reason: "InsufficientPods" });
    const evicted = (await send(cluster, "GET", `${ns}/pods/${first}`)).body;
    expect(evicted.metadata.deletionTimestamp).toBeDefined();
    expect(evicted.status.conditions).toContainEqual({
      type: "DisruptionTarget",
      status: "True",
      lastProbeTime: null,
      lastTransitionTime: expect.any(String),
      reason: "EvictionByEvictionAPI",
      message: "Eviction API: evicting",
    });

    // The controller sees the evicted pod terminating (its replacement is not ready yet).
    cluster.runOnce();
    const refused = await send(cluster, "POST", `${ns}/pods/${second}/eviction`, evictionOf(second));
    expect(refused).toEqual({
      status: 429,
      body: {
        kind: "Status",
        apiVersion: "v1",
        metadata: {},
        status: "Failure",
        message: "Cannot evict pod as it would violate the pod's disruption budget.",
        reason: "TooManyRequests",
        details: { causes: [{ reason: "DisruptionBudget", message: "The disruption budget web needs 2 healthy pods and has 2 currently" }] },
        code: 429,
      },
    });
    expect((await send(cluster, "GET", `${ns}/pods/${second}`)).body.metadata.deletionTimestamp).toBeUndefined();

    cluster.runUntilIdle();
    const after = await statusOf(cluster, "web");
    expect(after).toMatchObject({ currentHealthy: 3, desiredHealthy: 2, disruptionsAllowed: 1 });
    expect(after.disruptedPods).toBeUndefined();
    expect((await evict(cluster, second)).status).toBe(201);
  });

  it("asks to retry while the budget's status is of an older generation", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    await create(cluster, "/apis/apps/v1/namespaces/default/deployments", deployment("web", 2));
    await create(cluster, pdbs, budget("web", { minAvailable: 1, selector: { matchLabels: { app: "web" } } }));
    cluster.runUntilIdle();
    const name = (await podsOf(cluster, "web"))[0].metadata.name;
    const res = await cluster.request(`${ns}/pods/${name}/eviction`, { method: "POST", body: JSON.stringify(evictionOf(name)), headers: json });
    expect(res.status).toBe(201);
    cluster.runUntilIdle();
    const current = (await send(cluster, "GET", `${pdbs}/web`)).body;
    await send(cluster, "PUT", `${pdbs}/web`, { ...current, spec: { ...current.spec, minAvailable: 0 } });
    const other = (await podsOf(cluster, "web")).find((p) => !p.metadata.deletionTimestamp).metadata.name;
    const stale = await cluster.request(`${ns}/pods/${other}/eviction`, { method: "POST", body: JSON.stringify(evictionOf(other)), headers: json });
    expect(stale.status).toBe(429);
    expect(stale.headers.get("retry-after")).toBe("10");
    expect(((await stale.json()) as { details: unknown }).details).toEqual({
      retryAfterSeconds: 10,
      causes: [{ reason: "DisruptionBudget", message: "The disruption budget web is still being processed by the server." }],
    });
  });

  it("answers 500 when two budgets guard the pod", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    await create(cluster, "/apis/apps/v1/namespaces/default/deployments", deployment("web", 2));
    await create(cluster, pdbs, budget("one", { minAvailable: 1, selector: { matchLabels: { app: "web" } } }));
    await create(cluster, pdbs, budget("all", { maxUnavailable: 1, selector: {} }));
    cluster.runUntilIdle();
    const name = (await podsOf(cluster, "web"))[0].metadata.name;
    expect(await evict(cluster, name)).toEqual({
      status: 500,
      body: {
        kind: "Status",
        apiVersion: "v1",
        metadata: {},
        status: "Failure",
        message: "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.",
        code: 500,
      },
    });
  });

  it("lets a pending pod go whatever the budget, and an unready one while the budget is healthy", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    const pending = { apiVersion: "v1", kind: "Pod", metadata: { name: "nowhere", labels: { app: "web" } }, spec: { nodeSelector: { none: "x" }, containers: [{ name: "c", image: "nginx:1.27" }] } };
    await create(cluster, "/apis/apps/v1/namespaces/default/deployments", deployment("web", 2));
    await create(cluster, pdbs, budget("web", { minAvailable: 2, selector: { matchLabels: { app: "web" } } }));
    cluster.runUntilIdle();
    // A pod no node accepts stays Pending (the scheduler retries it every few minutes, so the loop never idles).
    await create(cluster, `${ns}/pods`, pending);
    cluster.advance(1_000);
    expect((await send(cluster, "GET", `${ns}/pods/nowhere`)).body.status.phase).toBe("Pending");
    expect(await statusOf(cluster, "web")).toMatchObject({ currentHealthy: 2, desiredHealthy: 2, disruptionsAllowed: 0 });
    expect((await evict(cluster, "nowhere")).status).toBe(201);
    expect((await send(cluster, "GET", `${ns}/pods/nowhere`)).status).toBe(404);

    const unready = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "unready", labels: { app: "web" } },
      spec: { containers: [{ name: "c", image: "nginx:1.27", readinessProbe: { exec: { command: ["cat", "/tmp/ready"] }, periodSeconds: 5 } }] },
    };
    await create(cluster, `${ns}/pods`, unready);
    cluster.advance(60_000);
    const pod = (await send(cluster, "GET", `${ns}/pods/unready`)).body;
    expect(pod.status.phase).toBe("Running");
    expect(pod.status.conditions.find((c: any) => c.type === "Ready").status).toBe("False");
    expect(await statusOf(cluster, "web")).toMatchObject({ currentHealthy: 2, desiredHealthy: 2, disruptionsAllowed: 0 });
    expect((await evict(cluster, "unready")).status).toBe(201);
    expect(await statusOf(cluster, "web")).toMatchObject({ disruptionsAllowed: 0 });
    expect((await statusOf(cluster, "web")).disruptedPods).toBeUndefined();
  });

  it("forgets an approved eviction whose pod was not deleted after two minutes, with a NotDeleted event", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    await create(cluster, "/apis/apps/v1/namespaces/default/deployments", deployment("web", 3));
    await create(cluster, pdbs, budget("web", { maxUnavailable: 1, selector: { matchLabels: { app: "web" } } }));
    cluster.runUntilIdle();
    const name = (await podsOf(cluster, "web"))[0].metadata.name;
    const current = (await send(cluster, "GET", `${pdbs}/web`)).body;
    // What an eviction records, for a pod that then stays (its deletion failed): it counts as disrupted meanwhile.
    const disruptedPods = { [name]: new Date(cluster.now).toISOString().replace(/\.\d+Z$/, "Z") };
    const written = await send(cluster, "PUT", `${pdbs}/web/status`, { ...current, status: { ...current.status, disruptedPods, disruptionsAllowed: 0 } });
    expect(written.status).toBe(200);
    cluster.runOnce();
    expect(await statusOf(cluster, "web")).toMatchObject({ currentHealthy: 2, disruptionsAllowed: 0, disruptedPods });
    cluster.runUntilIdle();
    const after = await statusOf(cluster, "web");
    expect(after).toMatchObject({ currentHealthy: 3, disruptionsAllowed: 1 });
    expect(after.disruptedPods).toBeUndefined();
    expect(await eventsOf(cluster, name)).toContainEqual(["Warning", "NotDeleted", "Pod was expected by PDB default/default to be deleted but it wasn't"]);
  });
});
