// The store on a real Durable Object's SQLite: revisions, atomic commits, in-memory history and its limits, restart.
import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import type { HistoryLimits } from "../../../src/cluster/storage/history";
import { maxObjectBytes, Store, type StoreEvent } from "../../../src/cluster/storage/store";

vi.setConfig({ testTimeout: 60_000 });

let objectCounter = 0;

/** Run `fn` with a Store over the SQLite of a Durable Object nobody else uses, after `reset()`. */
function withFreshStore<T>(fn: (store: Store, open: (limits?: HistoryLimits, coldBuckets?: string[]) => Store, sql: SqlStorage) => T | Promise<T>): Promise<T> {
  const stub = env.CLUSTER.getByName(`store-test-${objectCounter++}-${crypto.randomUUID()}`);
  return runInDurableObject(stub, async (_instance, state) => {
    const open = (limits?: HistoryLimits, coldBuckets?: string[]) =>
      new Store(state.storage.sql, (f) => state.storage.transactionSync(f), { history: limits, coldBuckets });
    const store = open();
    store.reset();
    return fn(store, open, state.storage.sql);
  });
}

function configMap(namespace: string, name: string, data: Record<string, string> = {}): KubeObject {
  return { apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace }, data } as KubeObject;
}

const key = (ns: string, name: string) => `/core/configmaps/${ns}/${name}`;

describe("Store on Durable Object SQLite", () => {
  it("has one cluster-wide revision that grows by one per write, across keys and buckets", () =>
    withFreshStore((store) => {
      expect(store.revision).toBe(0);
      store.commit([{ key: key("a", "one"), object: configMap("a", "one") }]);
      expect(store.revision).toBe(1);
      store.commit([{ key: "/core/namespaces/a", object: { apiVersion: "v1", kind: "Namespace", metadata: { name: "a" } } }]);
      expect(store.revision).toBe(2);
      const events = store.commit([
        { key: key("a", "one"), object: configMap("a", "one", { x: "1" }) },
        { key: key("b", "two"), object: configMap("b", "two") },
        { key: key("a", "one"), object: undefined },
      ]);
      expect(events.map((e) => [e.rev, e.type])).toEqual([[3, "MODIFIED"], [4, "ADDED"], [5, "DELETED"]]);
      expect(store.revision).toBe(5);
    }));

  it("sets resourceVersion to the revision of the object's last write, without mutating the caller's object", () =>
    withFreshStore((store) => {
      const input = configMap("a", "one");
      const [created] = store.commit([{ key: key("a", "one"), object: input }]);
      expect(input.metadata.resourceVersion).toBeUndefined();
      expect(created.object.metadata.resourceVersion).toBe("1");
      store.commit([{ key: key("a", "other"), object: configMap("a", "other") }]);
      expect(store.get(key("a", "one"))!.metadata.resourceVersion).toBe("1");
      store.commit([{ key: key("a", "one"), object: configMap("a", "one", { v: "2" }) }]);
      expect(store.get(key("a", "one"))!.metadata.resourceVersion).toBe("3");
      const [deleted] = store.commit([{ key: key("a", "one"), object: undefined }]);
      // The DELETED event carries the last state with the deletion's revision.
      expect(deleted.object.metadata.resourceVersion).toBe("4");
      expect(deleted.object.data).toEqual({ v: "2" });
      expect(store.get(key("a", "one"))).toBeUndefined();
    }));

  it("does not spend a revision on deleting a key that does not exist", () =>
    withFreshStore((store, open) => {
      store.commit([{ key: key("a", "one"), object: configMap("a", "one") }]);
      expect(store.commit([{ key: key("a", "missing"), object: undefined }])).toEqual([]);
      expect(store.revision).toBe(1);
      const [next] = store.commit([{ key: key("a", "two"), object: configMap("a", "two") }]);
      expect(next.rev).toBe(2);
      // A restart agrees with the running store.
      expect(open().revision).toBe(2);
    }));

  it("commits several ops atomically: when the second fails nothing of the first is stored or announced", () =>
    withFreshStore((store, open) => {
      store.commit([{ key: key("a", "kept"), object: configMap("a", "kept") }]);
      const seen: StoreEvent[][] = [];
      store.subscribe((events) => seen.push(events));
      const huge = configMap("a", "huge", { blob: "x".repeat(maxObjectBytes) });
      let thrown: unknown;
      try {
        store.commit([
          { key: key("a", "first"), object: configMap("a", "first") },
          { key: key("a", "kept"), object: undefined },
          { key: key("a", "huge"), object: huge },
        ]);
      } catch (error) {
        thrown = error;
      }
      expect((thrown as { status?: { code: number; reason: string } }).status).toMatchObject({ code: 413, reason: "RequestEntityTooLarge" });
      expect(store.revision).toBe(1);
      expect(store.get(key("a", "first"))).toBeUndefined();
      expect(store.get(key("a", "kept"))).toBeDefined();
      expect(seen).toEqual([]);
      expect(store.eventsSince(0, "/")).toHaveLength(1);
      // Nothing reached SQLite either: a store rebuilt from disk sees the same.
      const reopened = open();
      expect(reopened.revision).toBe(1);
      expect(reopened.list("/core/configmaps/a/").map((o) => o.metadata.name)).toEqual(["kept"]);
    }));

  it("notifies listeners once per commit with every event, and stops after unsubscribe", () =>
    withFreshStore((store) => {
      const seen: number[][] = [];
      const stop = store.subscribe((events) => seen.push(events.map((e) => e.rev)));
      store.commit([
        { key: key("a", "x"), object: configMap("a", "x") },
        { key: key("a", "y"), object: configMap("a", "y") },
      ]);
      stop();
      store.commit([{ key: key("a", "z"), object: configMap("a", "z") }]);
      expect(seen).toEqual([[1, 2]]);
    }));

  it("lists by prefix in key order, never mixing a namespace with one that shares its first letters", () =>
    withFreshStore((store) => {
      for (const [ns, name] of [["b", "2"], ["a", "9"], ["ab", "1"], ["a", "1"]]) {
        store.commit([{ key: key(ns, name), object: configMap(ns, name) }]);
      }
      expect(store.list("/core/configmaps/a/").map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(["a/1", "a/9"]);
      expect(store.list("/core/configmaps/").map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(["a/1", "a/9", "ab/1", "b/2"]);
      expect(store.list("/core/secrets/")).toEqual([]);
      expect(store.bucketSizes()).toEqual({ "/core/configmaps": 4 });
    }));

  it("replays events after a revision, oldest first, filtered by key prefix", () =>
    withFreshStore((store) => {
      store.commit([{ key: key("a", "one"), object: configMap("a", "one") }]); // 1
      store.commit([{ key: key("b", "two"), object: configMap("b", "two") }]); // 2
      store.commit([{ key: key("a", "one"), object: configMap("a", "one", { v: "2" }) }]); // 3
      store.commit([{ key: "/core/secrets/a/s", object: { apiVersion: "v1", kind: "Secret", metadata: { name: "s", namespace: "a" } } }]); // 4
      store.commit([{ key: key("a", "one"), object: undefined }]); // 5

      const all = store.eventsSince(0, "/") as StoreEvent[];
      expect(all.map((e) => e.rev)).toEqual([1, 2, 3, 4, 5]);
      const inA = store.eventsSince(1, "/core/configmaps/a/") as StoreEvent[];
      expect(inA.map((e) => [e.rev, e.type, e.object.metadata.resourceVersion])).toEqual([
        [3, "MODIFIED", "3"],
        [5, "DELETED", "5"],
      ]);
      expect((store.eventsSince(0, "/core/configmaps/") as StoreEvent[]).map((e) => e.rev)).toEqual([1, 2, 3, 5]);
      expect(store.eventsSince(5, "/")).toEqual([]);
    }));

  it("compacts old events; a replay from before the compacted revision is expired", () =>
    withFreshStore((store) => {
      for (let i = 0; i < 10; i++) store.commit([{ key: key("a", `cm${i}`), object: configMap("a", `cm${i}`) }]);
      expect(store.historySize()).toBe(10);
      expect(store.compact(3)).toBe(7);
      expect(store.compactedRevision).toBe(7);
      expect(store.historySize()).toBe(3);
      expect(store.eventsSince(6, "/")).toBe("expired");
      expect(store.eventsSince(0, "/")).toBe("expired");
      expect((store.eventsSince(7, "/") as StoreEvent[]).map((e) => e.rev)).toEqual([8, 9, 10]);
      // Objects are untouched by compaction, and the revision does not move.
      expect(store.list("/core/configmaps/a/")).toHaveLength(10);
      expect(store.revision).toBe(10);
      expect(store.compact(3)).toBe(0);
    }));

  it("keeps at most its history limits of events and bytes, dropping the oldest", () =>
    withFreshStore((_store, open) => {
      const byCount = open({ maxEvents: 4, maxBytes: Infinity });
      byCount.reset();
      for (let i = 0; i < 10; i++) byCount.commit([{ key: key("a", "same"), object: configMap("a", "same", { i: String(i) }) }]);
      expect(byCount.historySize()).toBe(4);
      expect(byCount.compactedRevision).toBe(6);
      expect((byCount.eventsSince(6, "/") as StoreEvent[]).map((e) => e.object.data)).toEqual([{ i: "6" }, { i: "7" }, { i: "8" }, { i: "9" }]);

      const bySize = open({ maxEvents: 100, maxBytes: 1200 });
      bySize.reset();
      const big = "x".repeat(400);
      for (let i = 0; i < 5; i++) bySize.commit([{ key: key("a", `cm${i}`), object: configMap("a", `cm${i}`, { big }) }]);
      expect(bySize.historySize()).toBe(2);
      expect(bySize.eventsSince(2, "/")).toBe("expired");
      // The newest event always stays, however large.
      bySize.commit([{ key: key("a", "huge"), object: configMap("a", "huge", { big: big.repeat(5) }) }]);
      expect(bySize.historySize()).toBe(1);
    }));

  it("replays the object before each write, so a watch sees what left its selection", () =>
    withFreshStore((store) => {
      store.commit([{ key: key("a", "one"), object: configMap("a", "one", { v: "1" }) }]);
      store.commit([{ key: key("a", "one"), object: configMap("a", "one", { v: "2" }) }]);
      const [created, modified] = store.eventsSince(0, "/") as StoreEvent[];
      expect(created.prev).toBeUndefined();
      expect(modified.prev?.data).toEqual({ v: "1" });
    }));

  it("rebuilds its cache and revision from SQLite after a restart, with no history to replay", () =>
    withFreshStore((store, open) => {
      store.commit([{ key: key("a", "one"), object: configMap("a", "one", { v: "1" }) }]);
      store.commit([{ key: key("a", "two"), object: configMap("a", "two") }]);
      store.commit([{ key: key("a", "two"), object: undefined }]);
      store.commit([{ key: "/core/namespaces/a", object: { apiVersion: "v1", kind: "Namespace", metadata: { name: "a" } } }]);
      const restarted = open();
      expect(restarted.revision).toBe(4);
      expect(restarted.compactedRevision).toBe(4);
      expect(restarted.get(key("a", "one"))).toEqual(store.get(key("a", "one")));
      expect(restarted.get(key("a", "two"))).toBeUndefined();
      expect(restarted.list("/core/namespaces/").map((o) => o.metadata.name)).toEqual(["a"]);
      expect(restarted.eventsSince(3, "/")).toBe("expired");
      expect(restarted.eventsSince(4, "/")).toEqual([]);
      const [next] = restarted.commit([{ key: key("a", "three"), object: configMap("a", "three") }]);
      expect(next.rev).toBe(5);
      expect((restarted.eventsSince(4, "/") as StoreEvent[]).map((e) => e.rev)).toEqual([5]);
    }));

  it("keeps the revision across a restart even when the newest write was a deletion", () =>
    withFreshStore((store, open) => {
      store.commit([{ key: key("a", "one"), object: configMap("a", "one") }]);
      store.commit([{ key: key("a", "one"), object: undefined }]);
      expect(open().revision).toBe(2);
    }));

  it("keeps the revision of a store written by a version with an events table, and drops that table", () =>
    withFreshStore((store, open, sql) => {
      store.commit([{ key: key("a", "one"), object: configMap("a", "one") }]);
      sql.exec("DELETE FROM meta");
      sql.exec("CREATE TABLE events (rev INTEGER PRIMARY KEY, key TEXT NOT NULL, type TEXT NOT NULL, value TEXT NOT NULL)");
      sql.exec("INSERT INTO events (rev, key, type, value) VALUES (7, 'k', 'DELETED', '{}')");
      expect(open().revision).toBe(7);
      expect(sql.exec("SELECT name FROM sqlite_master WHERE name = 'events'").toArray()).toEqual([]);
    }));

  it("keeps the objects of cold buckets in SQLite only: reads, lists, counts, batches and restarts see them", () =>
    withFreshStore((_store, open, sql) => {
      const cold = ["/core/configmaps"];
      const store = open(undefined, cold);
      store.reset();
      store.commit([{ key: key("a", "one"), object: configMap("a", "one", { v: "1" }) }]);
      store.commit([{ key: key("a", "two"), object: configMap("a", "two") }]);
      const [modified] = store.commit([{ key: key("a", "one"), object: configMap("a", "one", { v: "2" }) }]);
      expect(modified.prev?.data).toEqual({ v: "1" });
      expect(store.get(key("a", "one"))).toEqual(modified.object);
      expect(store.list("/core/configmaps/a/").map((o) => o.metadata.name)).toEqual(["one", "two"]);
      expect(store.bucketSizes()).toEqual({ "/core/configmaps": 2 });
      expect(store.size).toBe(2);

      // Inside a batch, reads see the batch's writes before they reach SQLite.
      store.batch(() => {
        store.commit([{ key: key("a", "three"), object: configMap("a", "three") }]);
        store.commit([{ key: key("a", "two"), object: undefined }]);
        expect(sql.exec("SELECT key FROM objects WHERE key = ?", key("a", "three")).toArray()).toEqual([]);
        expect(store.get(key("a", "three"))?.metadata.name).toBe("three");
        expect(store.get(key("a", "two"))).toBeUndefined();
        expect(store.list("/core/configmaps/").map((o) => o.metadata.name)).toEqual(["one", "three"]);
      });
      expect(store.bucketSize("/core/configmaps")).toBe(2);
      expect(store.list("/core/configmaps/").map((o) => o.metadata.name)).toEqual(["one", "three"]);

      const restarted = open(undefined, cold);
      expect(restarted.list("/core/configmaps/").map((o) => [o.metadata.name, o.data])).toEqual([["one", { v: "2" }], ["three", {}]]);
      expect(restarted.bucketSizes()).toEqual({ "/core/configmaps": 2 });
      expect(restarted.size).toBe(2);
    }));

  it("answers a lookup of a cold key that does not exist without a query (every create checks one)", () =>
    withFreshStore((_store, _open, sql) => {
      let queries = 0;
      const counting = { exec: (query: string, ...bindings: unknown[]) => (queries++, sql.exec(query, ...bindings)) } as unknown as SqlStorage;
      const store = new Store(counting, (f) => f(), { coldBuckets: ["/core/configmaps"] });
      store.reset();
      store.commit([{ key: key("a", "one"), object: configMap("a", "one") }]);
      queries = 0;
      expect(store.get(key("a", "missing"))).toBeUndefined();
      expect(queries).toBe(0);
      expect(store.get(key("a", "one"))?.metadata.name).toBe("one");
      expect(queries).toBe(1);
    }));

  it("reset() empties the cache and the revision of a store whose tables were wiped", () =>
    withFreshStore((store) => {
      store.commit([{ key: key("a", "one"), object: configMap("a", "one") }]);
      store.reset();
      expect(store.revision).toBe(0);
      expect(store.get(key("a", "one"))).toBeUndefined();
      expect(store.bucketSizes()).toEqual({});
    }));
});
