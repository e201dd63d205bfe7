// The Kubernetes API of one sandbox, through the Worker (`exports.default.fetch`) as kubectl reaches it.
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../../src/api/platform";
import { Store } from "../../../src/cluster/storage/store";
import { WatchHub } from "../../../src/cluster/apiserver/watch";
import { selectionFor } from "../../../src/cluster/apiserver/list-options";
import { configMaps } from "../../../src/cluster/registry/configmaps";
import configMapProtobuf from "../../api/protobuf/fixtures/configmap.bin?raw";
import namespaceProtobuf from "../../api/protobuf/fixtures/namespace.bin?raw";
import { clusterStub, coldStartMs, createCluster, kube, kubeJson, revisionOf, WatchReader } from "../../helpers/cluster";

vi.setConfig({ testTimeout: 30_000, hookTimeout: coldStartMs });

const tableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io";

let cluster: CreatedCluster;
let namespaceCounter = 0;

beforeAll(async () => {
  cluster = await createCluster();
});

/** A fresh namespace for one test. */
async function namespace(): Promise<string> {
  const name = `t${namespaceCounter++}`;
  const { status } = await kubeJson(cluster, "/api/v1/namespaces", { method: "POST", body: { metadata: { name } } });
  expect(status).toBe(201);
  return name;
}

async function createConfigMap(ns: string, name: string | undefined, extra: Record<string, unknown> = {}, data: Record<string, string> = {}) {
  const { status, body } = await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps`, {
    method: "POST",
    body: { apiVersion: "v1", kind: "ConfigMap", metadata: { name, ...extra }, data },
  });
  expect(status).toBe(201);
  return body;
}

const names = (list: { items: Array<{ metadata: { name: string } }> }) => list.items.map((i) => i.metadata.name);

/** ConfigMaps in a namespace, without the CA bundle every namespace gets. */
async function live(ns: string): Promise<string[]> {
  return names((await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps`)).body).filter((n) => n !== "kube-root-ca.crt");
}

/** Run the cluster's alarm (controllers, garbage collector) now. */
async function runAlarm(target = cluster) {
  return runDurableObjectAlarm(clusterStub(target.id));
}

describe("optimistic concurrency", () => {
  it("answers a PUT with a stale resourceVersion with 409 Conflict and Kubernetes' message", async () => {
    const ns = await namespace();
    const created = await createConfigMap(ns, "cm", {}, { a: "1" });
    const fresh = await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps/cm`, {
      method: "PUT",
      body: { ...created, data: { a: "2" } },
    });
    expect(fresh.status).toBe(200);
    expect(Number(fresh.body.metadata.resourceVersion)).toBeGreaterThan(Number(created.metadata.resourceVersion));

    const stale = await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps/cm`, {
      method: "PUT",
      body: { ...created, data: { a: "3" } },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      kind: "Status",
      status: "Failure",
      reason: "Conflict",
      code: 409,
      details: { name: "cm", kind: "configmaps" },
      message: 'Operation cannot be fulfilled on configmaps "cm": the object has been modified; please apply your changes to the latest version and try again',
    });
    const now = await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps/cm`);
    expect(now.body.data).toEqual({ a: "2" });
  });
});

describe("status writes", () => {
  it("change only the status and keep the fields in Kubernetes' order", async () => {
    const ns = await namespace();
    const created = await kubeJson(cluster, `/apis/apps/v1/namespaces/${ns}/deployments`, {
      method: "POST",
      body: {
        metadata: { name: "d" },
        spec: { replicas: 0, selector: { matchLabels: { app: "d" } }, template: { metadata: { labels: { app: "d" } }, spec: { containers: [{ name: "c", image: "nginx" }] } } },
      },
    });
    expect(created.status).toBe(201);
    const written = await kubeJson(cluster, `/apis/apps/v1/namespaces/${ns}/deployments/d/status`, {
      method: "PUT",
      body: { ...created.body, spec: { ...created.body.spec, replicas: 7 }, status: { observedGeneration: 1, replicas: 0 } },
    });
    expect(written.status).toBe(200);
    expect(written.body.status.observedGeneration).toBe(1);
    expect(written.body.spec.replicas).toBe(0);
    expect(Object.keys(written.body)).toEqual(["apiVersion", "kind", "metadata", "spec", "status"]);
  });
});

describe("server-side apply", () => {
  it("removes a probe the applier stops applying, defaulted fields and all (helm upgrade --set livenessProbe=null)", async () => {
    const ns = await namespace();
    const deployment = (probe: boolean) => ({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web" },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: "web" } },
        template: {
          metadata: { labels: { app: "web" } },
          spec: { containers: [{ name: "web", image: "nginx", ...(probe ? { livenessProbe: { httpGet: { path: "/", port: 80 } } } : {}) }] },
        },
      },
    });
    const applyAs = (probe: boolean) =>
      kubeJson(cluster, `/apis/apps/v1/namespaces/${ns}/deployments/web?fieldManager=helm`, {
        method: "PATCH",
        contentType: "application/apply-patch+yaml",
        body: deployment(probe),
      });
    const created = await applyAs(true);
    expect(created.status).toBe(201);
    expect(created.body.spec.template.spec.containers[0].livenessProbe).toMatchObject({ httpGet: { path: "/", port: 80, scheme: "HTTP" }, periodSeconds: 10 });

    const upgraded = await applyAs(false);
    expect(upgraded.status).toBe(200);
    expect(upgraded.body.spec.template.spec.containers[0].livenessProbe).toBeUndefined();
  });
});

describe("create", () => {
  it("names an object from generateName with a 5-character suffix", async () => {
    const ns = await namespace();
    const a = await createConfigMap(ns, undefined, { generateName: "gen-" });
    const b = await createConfigMap(ns, undefined, { generateName: "gen-" });
    expect(a.metadata.name).toMatch(/^gen-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(a.metadata.generateName).toBe("gen-");
    expect(b.metadata.name).not.toBe(a.metadata.name);
    const got = await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps/${a.metadata.name}`);
    expect(got.status).toBe(200);
  });

  it("accepts protobuf bodies as kubectl 1.33 sends them", async () => {
    for (const text of [namespaceProtobuf, configMapProtobuf]) {
      // ?raw reads the file as text: exact only for ASCII-only fixtures, which these are.
      expect([...text].every((c) => c.charCodeAt(0) < 0x80)).toBe(true);
    }
    expect(namespaceProtobuf.length).toBe(55);
    expect(configMapProtobuf.length).toBe(54);
    const bytes = (text: string) => new TextEncoder().encode(text);
    const ns = await kubeJson(cluster, "/api/v1/namespaces", {
      method: "POST",
      raw: bytes(namespaceProtobuf),
      contentType: "application/vnd.kubernetes.protobuf",
    });
    expect(ns.status).toBe(201);
    expect(ns.body).toMatchObject({ kind: "Namespace", metadata: { name: "demo" }, status: { phase: "Active" } });

    const cm = await kubeJson(cluster, "/api/v1/namespaces/demo/configmaps", {
      method: "POST",
      raw: bytes(configMapProtobuf),
      contentType: "application/vnd.kubernetes.protobuf",
    });
    expect(cm.status).toBe(201);
    expect(cm.body).toMatchObject({ kind: "ConfigMap", metadata: { name: "c", namespace: "demo" }, data: { a: "1" } });
  });

  it("stores nothing for dryRun=All, yet answers what would be stored", async () => {
    const ns = await namespace();
    const before = await revisionOf(cluster);
    const dry = await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps?dryRun=All`, {
      method: "POST",
      body: { metadata: { name: "dry" }, data: { a: "1" } },
    });
    expect(dry.status).toBe(201);
    expect(dry.body.metadata).toMatchObject({ name: "dry", namespace: ns });
    expect(dry.body.metadata.uid).toBeTruthy();
    expect((await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps/dry`)).status).toBe(404);
    expect(await revisionOf(cluster)).toBe(before);

    await createConfigMap(ns, "real", {}, { a: "1" });
    const afterCreate = await revisionOf(cluster);
    const dryPut = await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps/real?dryRun=All`, {
      method: "PUT",
      body: { metadata: { name: "real" }, data: { a: "2" } },
    });
    expect(dryPut.status).toBe(200);
    expect(dryPut.body.data).toEqual({ a: "2" });
    const dryDelete = await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps/real?dryRun=All`, { method: "DELETE" });
    expect(dryDelete.status).toBe(200);
    const real = await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps/real`);
    expect(real.body.data).toEqual({ a: "1" });
    expect(await revisionOf(cluster)).toBe(afterCreate);
  });

  it("rejects an unknown field under fieldValidation=Strict and warns under Warn", async () => {
    const ns = await namespace();
    const pod = (name: string) => ({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name },
      spec: { containers: [{ name: "c", image: "nginx" }], foo: 1 },
    });
    const before = await revisionOf(cluster);
    const strict = await kubeJson(cluster, `/api/v1/namespaces/${ns}/pods?fieldValidation=Strict`, { method: "POST", body: pod("strict") });
    expect(strict.status).toBe(400);
    expect(strict.body.reason).toBe("BadRequest");
    expect(strict.body.message).toContain('strict decoding error: unknown field "spec.foo"');
    expect(await revisionOf(cluster)).toBe(before);

    const warn = await kubeJson(cluster, `/api/v1/namespaces/${ns}/pods?fieldValidation=Warn`, { method: "POST", body: pod("warned") });
    expect(warn.status).toBe(201);
    expect(warn.headers.get("warning")).toBe('299 - "unknown field \\"spec.foo\\""');
    expect(warn.body.spec).not.toHaveProperty("foo");

    const ignore = await kubeJson(cluster, `/api/v1/namespaces/${ns}/pods?fieldValidation=Ignore`, { method: "POST", body: pod("ignored") });
    expect(ignore.status).toBe(201);
    expect(ignore.headers.get("warning")).toBeNull();
  });
});

describe("list", () => {
  async function labelled(): Promise<string> {
    const ns = await namespace();
    await createConfigMap(ns, "web-front", { labels: { app: "web", tier: "front" } });
    await createConfigMap(ns, "web-back", { labels: { app: "web", tier: "back" } });
    await createConfigMap(ns, "db", { labels: { app: "db" } });
    await createConfigMap(ns, "plain");
    return ns;
  }

  it("filters by equality and set-based label selectors", async () => {
    const ns = await labelled();
    const select = async (selector: string) =>
      names((await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps?labelSelector=${encodeURIComponent(selector)}`)).body);
    expect(await select("app=web")).toEqual(["web-back", "web-front"]);
    expect(await select("app==web,tier!=back")).toEqual(["web-front"]);
    expect(await select("app in (web,db),tier notin (back)")).toEqual(["db", "web-front"]);
    expect(await select("!tier")).toEqual(["db", "plain"]);
    expect(await select("tier")).toEqual(["web-back", "web-front"]);
    expect(await select("app!=web")).toEqual(["db", "plain"]);
  });

  it("filters by field selectors, across namespaces too", async () => {
    const ns = await labelled();
    const byName = await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps?fieldSelector=metadata.name%3Ddb`);
    expect(names(byName.body)).toEqual(["db"]);
    const notName = await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps?fieldSelector=metadata.name!%3Ddb`);
    expect(names(notName.body)).toEqual(["plain", "web-back", "web-front"]);
    const all = await kubeJson(cluster, `/api/v1/configmaps?fieldSelector=metadata.namespace%3D${ns}`);
    expect(names(all.body)).toEqual(["db", "plain", "web-back", "web-front"]);
    const bad = await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps?fieldSelector=spec.nope%3Dx`);
    expect(bad.status).toBe(400);
    expect(bad.body.reason).toBe("BadRequest");
    expect(bad.body.message).toContain('"spec.nope"');
  });

  it("pages with limit and continue, counting the remaining items", async () => {
    const ns = await namespace();
    for (const n of ["a", "b", "c", "d", "e"]) await createConfigMap(ns, n);
    const base = `/api/v1/namespaces/${ns}/configmaps`;
    const first = await kubeJson(cluster, `${base}?limit=2`);
    expect(names(first.body)).toEqual(["a", "b"]);
    expect(first.body.metadata.remainingItemCount).toBe(3);
    expect(first.body.metadata.continue).toBeTruthy();
    const second = await kubeJson(cluster, `${base}?limit=2&continue=${encodeURIComponent(first.body.metadata.continue)}`);
    expect(names(second.body)).toEqual(["c", "d"]);
    expect(second.body.metadata.remainingItemCount).toBe(1);
    const third = await kubeJson(cluster, `${base}?limit=2&continue=${encodeURIComponent(second.body.metadata.continue)}`);
    expect(names(third.body)).toEqual(["e"]);
    expect(third.body.metadata.continue).toBeUndefined();
    expect(third.body.metadata.remainingItemCount).toBeUndefined();
    const garbage = await kubeJson(cluster, `${base}?limit=2&continue=not-a-token`);
    expect(garbage.status).toBe(400);
  });

  it("carries the cluster's current revision as the list's resourceVersion", async () => {
    const ns = await namespace();
    const cm = await createConfigMap(ns, "x");
    const list = await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps`);
    expect(list.body.kind).toBe("ConfigMapList");
    expect(list.body.metadata.resourceVersion).toBe(cm.metadata.resourceVersion);
    // Even a list of another kind carries the cluster-wide revision.
    const other = await kubeJson(cluster, `/api/v1/namespaces/${ns}/secrets`);
    expect(other.body.metadata.resourceVersion).toBe(cm.metadata.resourceVersion);
  });

  it("answers Tables with column definitions and rows carrying PartialObjectMetadata", async () => {
    const ns = await namespace();
    await createConfigMap(ns, "two-keys", {}, { a: "1", b: "2" });
    const table = await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps`, { accept: tableAccept });
    expect(table.status).toBe(200);
    expect(table.headers.get("content-type")).toBe(tableAccept);
    expect(table.body).toMatchObject({ kind: "Table", apiVersion: "meta.k8s.io/v1" });
    expect(table.body.columnDefinitions.map((c: { name: string }) => c.name)).toEqual(["Name", "Data", "Age"]);
    expect(table.body.rows).toHaveLength(1);
    const [row] = table.body.rows;
    expect(row.cells.slice(0, 2)).toEqual(["two-keys", 2]);
    expect(row.object).toMatchObject({
      kind: "PartialObjectMetadata",
      apiVersion: "meta.k8s.io/v1",
      metadata: { name: "two-keys", namespace: ns },
    });
    expect(row.object).not.toHaveProperty("data");

    const one = await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps/two-keys`, { accept: tableAccept });
    expect(one.body.kind).toBe("Table");
    expect(one.body.rows[0].cells[0]).toBe("two-keys");
    const none = await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps?includeObject=None`, { accept: tableAccept });
    expect(none.body.rows[0]).not.toHaveProperty("object");
  });
});

describe("watch", () => {
  it("from a list's resourceVersion replays only later events, then streams live ones", async () => {
    const ns = await namespace();
    await createConfigMap(ns, "before");
    const listed = await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps`);
    await createConfigMap(ns, "after");
    await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps/before`, {
      method: "PATCH",
      body: { data: { x: "1" } },
      contentType: "application/merge-patch+json",
    });
    const response = await kube(cluster, `/api/v1/namespaces/${ns}/configmaps?watch=1&resourceVersion=${listed.body.metadata.resourceVersion}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-encoding")).toBe("identity");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    const reader = new WatchReader(response);
    try {
      const replayed = await reader.take(2);
      expect(replayed.map((e) => [e.type, e.object.metadata.name])).toEqual([
        ["ADDED", "after"],
        ["MODIFIED", "before"],
      ]);
      expect(replayed[1].object.data).toEqual({ x: "1" });
      await createConfigMap(ns, "live");
      await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps/after`, { method: "DELETE" });
      const live = await reader.take(2);
      expect(live.map((e) => [e.type, e.object.metadata.name])).toEqual([
        ["ADDED", "live"],
        ["DELETED", "after"],
      ]);
      expect(Number(live[1].object.metadata.resourceVersion)).toBeGreaterThan(Number(live[0].object.metadata.resourceVersion));
    } finally {
      await reader.cancel();
    }
  });

  it("with resourceVersion=0 replays the current objects as ADDED", async () => {
    const ns = await namespace();
    await createConfigMap(ns, "one");
    await createConfigMap(ns, "two");
    await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps/one`, { method: "DELETE" });
    const reader = new WatchReader(await kube(cluster, `/api/v1/namespaces/${ns}/configmaps?watch=true&resourceVersion=0`));
    try {
      const first = await reader.next();
      expect([first.type, first.object.metadata.name]).toEqual(["ADDED", "two"]);
      await createConfigMap(ns, "three");
      const next = await reader.next();
      expect([next.type, next.object.metadata.name]).toEqual(["ADDED", "three"]);
    } finally {
      await reader.cancel();
    }
  });

  it("filters by label selector: an object that stops matching is sent as DELETED", async () => {
    const ns = await namespace();
    await createConfigMap(ns, "m", { labels: { app: "web" } });
    const reader = new WatchReader(await kube(cluster, `/api/v1/namespaces/${ns}/configmaps?watch=true&labelSelector=app%3Dweb`));
    try {
      expect((await reader.next()).type).toBe("ADDED");
      await createConfigMap(ns, "other", { labels: { app: "db" } });
      await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps/m`, {
        method: "PATCH",
        body: { metadata: { labels: { app: "db" } } },
        contentType: "application/merge-patch+json",
      });
      const gone = await reader.next();
      expect([gone.type, gone.object.metadata.name]).toEqual(["DELETED", "m"]);
    } finally {
      await reader.cancel();
    }
  });

  it("sends BOOKMARKs as heartbeats and ends at timeoutSeconds", async () => {
    // Timers belong to the Durable Object that starts them, so the watch is served and the clock advanced inside one.
    const stub = clusterStub(`watch-timers-${crypto.randomUUID()}`);
    await runInDurableObject(stub, async (_instance, state) => {
      const store = new Store(state.storage.sql, (f) => state.storage.transactionSync(f));
      store.reset();
      store.commit([{ key: "/core/configmaps/default/x", object: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x", namespace: "default" } } }]);
      const hub = new WatchHub(store);
      vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval"] });
      try {
        const response = hub.serve({
          def: configMaps,
          prefix: "/core/configmaps/default/",
          selection: selectionFor(configMaps, null, null),
          table: false,
          include: "Metadata",
          allowBookmarks: true,
          sendInitialEvents: false,
          timeoutSeconds: 45,
          now: () => 0,
          view: (o) => o,
        });
        expect(hub.openWatches).toBe(1);
        const reader = new WatchReader(response);
        try {
          expect((await reader.next()).type).toBe("ADDED");
          vi.advanceTimersByTime(30_000);
          expect(await reader.next()).toEqual({
            type: "BOOKMARK",
            object: { kind: "ConfigMap", apiVersion: "v1", metadata: { resourceVersion: "1" } },
          });
          vi.advanceTimersByTime(15_000);
          expect(await reader.next()).toBeUndefined();
          expect(hub.openWatches).toBe(0);
        } finally {
          await reader.cancel();
        }
      } finally {
        vi.useRealTimers();
      }
    });
  });

  it("releases a watch whose client went away", async () => {
    const stub = clusterStub(`watch-cancel-${crypto.randomUUID()}`);
    const counts = await runInDurableObject(stub, async (_instance, state) => {
      const store = new Store(state.storage.sql, (f) => state.storage.transactionSync(f));
      store.reset();
      const hub = new WatchHub(store);
      const response = hub.serve({
        def: configMaps,
        prefix: "/core/configmaps/default/",
        selection: selectionFor(configMaps, null, null),
        table: false,
        include: "Metadata",
        allowBookmarks: false,
        sendInitialEvents: false,
        timeoutSeconds: 1800,
        now: () => 0,
        view: (o) => o,
      });
      const opened = hub.openWatches;
      await response.body!.cancel();
      await new Promise<void>((resolve) => queueMicrotask(resolve));
      const afterCancel = hub.openWatches;
      // Writing after the release is harmless.
      store.commit([{ key: "/core/configmaps/default/y", object: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "y", namespace: "default" } } }]);
      for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => queueMicrotask(resolve));
      return { opened, afterCancel, afterEvent: hub.openWatches };
    });
    expect(counts).toEqual({ opened: 1, afterCancel: 0, afterEvent: 0 });
  });

  it("from a compacted revision answers an ERROR event with a 410 Expired Status and ends", async () => {
    const target = await createCluster();
    const ns = "default";
    for (const n of ["a", "b", "c"]) {
      const r = await kubeJson(target, `/api/v1/namespaces/${ns}/configmaps`, { method: "POST", body: { metadata: { name: n } } });
      expect(r.status).toBe(201);
    }
    const compacted = await runInDurableObject(clusterStub(target.id), (instance) => {
      const store = (instance as unknown as { store: Store }).store;
      store.compact(1);
      return store.compactedRevision;
    });
    expect(compacted).toBeGreaterThan(2);
    const reader = new WatchReader(await kube(target, `/api/v1/namespaces/${ns}/configmaps?watch=true&resourceVersion=2`));
    try {
      const event = await reader.next();
      expect(event.type).toBe("ERROR");
      expect(event.object).toMatchObject({ kind: "Status", status: "Failure", code: 410, reason: "Expired" });
      expect(event.object.message).toBe(`too old resource version: 2 (${compacted})`);
      expect(await reader.next()).toBeUndefined();
    } finally {
      await reader.cancel();
    }
  });
});

describe("delete", () => {
  it("with a finalizer only marks the object; removing the finalizer completes the deletion", async () => {
    const ns = await namespace();
    await createConfigMap(ns, "held", { finalizers: ["example.com/hold"] });
    const path = `/api/v1/namespaces/${ns}/configmaps/held`;
    const deleted = await kubeJson(cluster, path, { method: "DELETE" });
    expect(deleted.status).toBe(200);
    expect(deleted.body.kind).toBe("ConfigMap");
    expect(deleted.body.metadata.deletionTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const still = await kubeJson(cluster, path);
    expect(still.status).toBe(200);
    expect(still.body.metadata.finalizers).toEqual(["example.com/hold"]);
    expect(still.body.metadata.deletionTimestamp).toBe(deleted.body.metadata.deletionTimestamp);
    // A second DELETE changes nothing.
    const again = await kubeJson(cluster, path, { method: "DELETE" });
    expect(again.body.metadata.resourceVersion).toBe(still.body.metadata.resourceVersion);

    const released = await kubeJson(cluster, path, {
      method: "PATCH",
      body: { metadata: { finalizers: null } },
      contentType: "application/merge-patch+json",
    });
    expect(released.status).toBe(200);
    expect((await kubeJson(cluster, path)).status).toBe(404);
  });

  it("checks preconditions: a uid mismatch is a 409 Conflict and deletes nothing", async () => {
    const ns = await namespace();
    const cm = await createConfigMap(ns, "pre");
    const path = `/api/v1/namespaces/${ns}/configmaps/pre`;
    const wrong = await kubeJson(cluster, path, {
      method: "DELETE",
      body: { kind: "DeleteOptions", apiVersion: "v1", preconditions: { uid: "not-the-uid" } },
    });
    expect(wrong.status).toBe(409);
    expect(wrong.body).toMatchObject({
      reason: "Conflict",
      message: `Operation cannot be fulfilled on configmaps "pre": Precondition failed: UID in precondition: not-the-uid, UID in object meta: ${cm.metadata.uid}`,
    });
    expect((await kubeJson(cluster, path)).status).toBe(200);
    const right = await kubeJson(cluster, path, {
      method: "DELETE",
      body: { kind: "DeleteOptions", apiVersion: "v1", preconditions: { uid: cm.metadata.uid } },
    });
    expect(right.status).toBe(200);
    expect(right.body).toMatchObject({ kind: "Status", status: "Success", details: { name: "pre", kind: "configmaps", uid: cm.metadata.uid } });
    expect((await kubeJson(cluster, path)).status).toBe(404);
  });

  async function family(ns: string) {
    const owner = await createConfigMap(ns, "owner");
    const ref = { apiVersion: "v1", kind: "ConfigMap", name: "owner", uid: owner.metadata.uid };
    await createConfigMap(ns, "child-1", { ownerReferences: [ref] });
    await createConfigMap(ns, "child-2", { ownerReferences: [{ ...ref, blockOwnerDeletion: true }] });
    return owner;
  }

  it("Background: the owner goes at once, its dependents when the garbage collector runs", async () => {
    const ns = await namespace();
    await family(ns);
    const response = await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps/owner?propagationPolicy=Background`, { method: "DELETE" });
    expect(response.body.status).toBe("Success");
    expect(await live(ns)).toEqual(["child-1", "child-2"]);
    await runAlarm();
    expect(await live(ns)).toEqual([]);
  });

  it("Orphan: the dependents stay, released from their owner", async () => {
    const ns = await namespace();
    await family(ns);
    const response = await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps/owner`, {
      method: "DELETE",
      body: { kind: "DeleteOptions", apiVersion: "v1", propagationPolicy: "Orphan" },
    });
    expect(response.body.metadata.finalizers).toEqual(["orphan"]);
    expect(response.body.metadata.deletionTimestamp).toBeTruthy();
    await runAlarm();
    expect(await live(ns)).toEqual(["child-1", "child-2"]);
    const child = await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps/child-1`);
    expect(child.body.metadata.ownerReferences).toBeUndefined();
  });

  it("Foreground: the owner waits, marked, until its dependents are gone", async () => {
    const ns = await namespace();
    await family(ns);
    const response = await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps/owner?propagationPolicy=Foreground`, { method: "DELETE" });
    expect(response.status).toBe(200);
    expect(response.body.metadata.finalizers).toEqual(["foregroundDeletion"]);
    const marked = await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps/owner`);
    expect(marked.body.metadata.deletionTimestamp).toBeTruthy();
    expect(await live(ns)).toEqual(["child-1", "child-2", "owner"]);
    await runAlarm();
    expect(await live(ns)).toEqual([]);
  });

  it("an unknown propagationPolicy is ValidateDeleteOptions' 422", async () => {
    const ns = await namespace();
    await createConfigMap(ns, "x");
    const response = await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps/x?propagationPolicy=Sideways`, { method: "DELETE" });
    expect(response.status).toBe(422);
    expect(response.body.message).toBe(
      'DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "Sideways": supported values: "Foreground", "Background", "Orphan", "nil"',
    );
  });
});

describe("namespace deletion", () => {
  it("marks the namespace Terminating, refuses new objects in it, deletes its contents, then the namespace", async () => {
    const ns = await namespace();
    await createConfigMap(ns, "a");
    await createConfigMap(ns, "b");
    const deleted = await kubeJson(cluster, `/api/v1/namespaces/${ns}`, { method: "DELETE" });
    expect(deleted.status).toBe(200);
    expect(deleted.body.status.phase).toBe("Terminating");
    expect(deleted.body.metadata.deletionTimestamp).toBeTruthy();
    const refused = await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps`, { method: "POST", body: { metadata: { name: "late" } } });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain("because it is being terminated");

    await runAlarm();
    const left = await kubeJson(cluster, `/api/v1/namespaces/${ns}/configmaps`);
    expect(left.body.items).toEqual([]);
    expect((await kubeJson(cluster, `/api/v1/namespaces/${ns}`)).status).toBe(404);
  });
});
