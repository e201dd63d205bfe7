// A deleted or expired cluster leaves nothing stored: no table, no row, no alarm. Its object answers 404 afterwards,
// on every route, still without storing anything, also from a fresh instance (as after an eviction).
import { env, exports } from "cloudflare:workers";
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../src/api/platform";
import type { ClusterObject } from "../../src/cluster/cluster-object";
import type { Env } from "../../src/platform/env";
import { clusterStub, coldStartMs, createCluster, kube, kubeJson, origin } from "../helpers/cluster";
import { fakeClockStart } from "../helpers/fake-clock";
import { requestsFor } from "./id-helpers";

vi.setConfig({ testTimeout: 30_000, hookTimeout: coldStartMs });

const dayMs = 24 * 3600 * 1000;

afterEach(() => {
  vi.useRealTimers();
});

/** What the cluster's object has stored: its tables, their rows, its alarm. */
function storedBy(cluster: CreatedCluster) {
  return runInDurableObject(clusterStub(cluster.id), (_instance, state) => {
    const tables = state.storage.sql.exec<{ name: string }>("SELECT name FROM sqlite_master").toArray().map((t) => t.name);
    return { tables, alarm: state.storage.getAlarm() };
  }).then(async (s) => ({ tables: s.tables, alarm: await s.alarm }));
}

/** Fill a cluster with something of each kind of storage: objects, Events (cold), controller timers. */
async function populate(cluster: CreatedCluster): Promise<void> {
  expect((await kube(cluster, "/api/v1/namespaces/default/configmaps", { method: "POST", body: { metadata: { name: "c" }, data: { a: "b" } } })).status).toBe(201);
  const pod = { metadata: { name: "p" }, spec: { containers: [{ name: "main", image: "nginx:1.25" }] } };
  expect((await kube(cluster, "/api/v1/namespaces/default/pods", { method: "POST", body: pod })).status).toBe(201);
  const before = await storedBy(cluster);
  expect(before.tables).toEqual(expect.arrayContaining(["cluster", "objects", "meta", "timers"]));
}

/** Every route of the cluster answers 404, and its object still stores nothing, also in a fresh instance. */
async function expectGoneWithoutStorage(cluster: CreatedCluster): Promise<void> {
  for (const token of [cluster.token, cluster.viewToken]) {
    for (const [what, request] of requestsFor(cluster.id, token)) {
      const response = await exports.default.fetch(request);
      await response.body?.cancel();
      // Without a token the Worker answers 401 itself (the id is one the platform made); everything else is 404.
      expect(response.status, what).toBe(what.endsWith("without a token") ? 401 : 404);
    }
  }
  expect(await storedBy(cluster)).toEqual({ tables: [], alarm: null });
  // A fresh instance over the same storage (as after an eviction) creates nothing either.
  const fresh = await runInDurableObject(clusterStub(cluster.id), async (instance, state) => {
    const restarted = new (instance.constructor as typeof ClusterObject)(state, env as Env);
    const role = await restarted.authenticate(cluster.token);
    return { role, tables: state.storage.sql.exec("SELECT name FROM sqlite_master").toArray() };
  });
  expect(fresh).toEqual({ role: undefined, tables: [] });
  const api = await kubeJson(cluster, "/api/v1/namespaces");
  expect(api.status).toBe(404);
  expect(api.body.message).toBe("this sandbox cluster does not exist (it was deleted or has expired)");
  const summary = await exports.default.fetch(`${origin}/api/clusters/${cluster.id}`, { headers: { authorization: `Bearer ${cluster.token}` } });
  expect(summary.status).toBe(404);
  await summary.body?.cancel();
  expect(await storedBy(cluster)).toEqual({ tables: [], alarm: null });
}

describe("storage of a cluster that is gone", () => {
  it("is deleted whole by DELETE /api/clusters/<id>: no table is re-created", async () => {
    const doomed = await createCluster({ pace: "fast", workers: 1 });
    await populate(doomed);
    const deleted = await exports.default.fetch(`${origin}/api/clusters/${doomed.id}`, { method: "DELETE", headers: { authorization: `Bearer ${doomed.token}` } });
    expect(deleted.status).toBe(200);
    expect(await storedBy(doomed)).toEqual({ tables: [], alarm: null });
    await expectGoneWithoutStorage(doomed);
  });

  it("is deleted whole when the cluster expires", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = fakeClockStart();
    vi.setSystemTime(start);
    const doomed = await createCluster({ pace: "fast", workers: 1 });
    await populate(doomed);
    vi.setSystemTime(start + 8 * dayMs);
    expect(await runDurableObjectAlarm(clusterStub(doomed.id))).toBe(true);
    expect(await storedBy(doomed)).toEqual({ tables: [], alarm: null });
    await expectGoneWithoutStorage(doomed);
  });
});
