// etcd semantics on the Durable Object's SQLite: every write gets the next cluster-wide revision, is stored as the
// object's row and appended to an in-memory history (the apiserver's watch cache) that watches resume from. The store
// knows keys, never kinds.
//
// Keys look like `/<group>/<resource>/<namespace>/<name>` (cluster-scoped: `/<group>/<resource>/<name>`), so a
// resource or a namespace is a prefix range. The first two segments form a "bucket" that the in-memory cache indexes.
//
// Invariants:
// - `revision` is the revision of the last committed write; each write gets revision+1.
// - An object's `metadata.resourceVersion` is the revision of its last write (as a decimal string).
// - The cache mirrors the objects table, but for cold buckets (only their keys are in memory); it is only changed
//   after the SQLite transaction committed (in a batch: at once, the rows following at the flush).
// - Events with rev <= `compactedRevision` are gone (fallen out of the history, or from before a restart); a watch
//   from before it answers 410 Expired.
// - The revision survives restarts (a `meta` row written with every flush), even when the newest write was a delete.
import type { KubeObject } from "../../api/object";
import { failure } from "../../api/status";
import { bucketOf } from "./bucket";
import { ColdBuckets } from "./cold-buckets";
import { defaultHistoryLimits, History, type HistoryLimits } from "./history";

export type EventType = "ADDED" | "MODIFIED" | "DELETED";

export interface StoreEvent {
  rev: number;
  key: string;
  type: EventType;
  /** The object after the write (for DELETED, the last state, with the deletion's resourceVersion). */
  object: KubeObject;
  /** The object before the write (absent when it was created). */
  prev?: KubeObject;
}

export type StoreListener = (events: StoreEvent[]) => void;

interface Row {
  key: string;
  rev: number;
  /** undefined = delete. */
  json: string | undefined;
}

/** etcd's default request limit is 1.5 MiB; a Durable Object row is at most 2 MB. */
export const maxObjectBytes = 1_572_864;

export interface WriteOp {
  key: string;
  /** undefined = delete. */
  object: KubeObject | undefined;
}

export interface StoreOptions {
  history?: HistoryLimits;
  /** Buckets (`/core/events`) whose objects are many and rarely read: kept in SQLite only (see ColdBuckets). */
  coldBuckets?: string[];
}


export class Store {
  private readonly buckets = new Map<string, Map<string, KubeObject>>();
  private readonly cold: ColdBuckets;
  /** The current batch's writes to cold buckets, not yet in SQLite (key → JSON, undefined for a delete). */
  private readonly pendingCold = new Map<string, string | undefined>();
  private readonly sortedKeys = new Map<string, string[]>();
  private readonly listeners = new Set<StoreListener>();
  private rev = 0;
  private readonly history: History;
  private objectCount = 0;
  /** Rows waiting for the end of a `batch`. */
  private pending: Row[] | undefined;

  constructor(
    private readonly sql: SqlStorage,
    private readonly transactionSync: <T>(fn: () => T) => T,
    options: StoreOptions = {},
  ) {
    this.cold = new ColdBuckets(sql, new Set(options.coldBuckets));
    this.createSchema();
    this.load();
    this.history = new History(options.history ?? defaultHistoryLimits, this.rev);
  }

  /** Re-create the tables (after `deleteAll()`) and empty the cache. */
  reset(): void {
    this.buckets.clear();
    this.sortedKeys.clear();
    this.cold.reset();
    this.pendingCold.clear();
    this.objectCount = 0;
    this.rev = 0;
    this.history.reset(0);
    this.createSchema();
  }

  get revision(): number {
    return this.rev;
  }

  /** Number of objects stored. */
  get size(): number {
    return this.objectCount;
  }

  get compactedRevision(): number {
    return this.history.compactedRevision;
  }

  get(key: string): KubeObject | undefined {
    const bucket = bucketOf(key);
    if (this.cold.has(bucket)) return this.cold.get(key, this.pendingCold);
    return this.buckets.get(bucket)?.get(key);
  }

  /**
   * Objects whose key starts with `prefix`, in key order. The returned objects are shared (except those of cold
   * buckets, read afresh): never mutate them.
   */
  list(prefix: string): KubeObject[] {
    const bucket = bucketOf(prefix);
    if (this.cold.has(bucket)) return this.cold.list(prefix, this.pendingCold);
    const objects = this.buckets.get(bucket);
    if (!objects) return [];
    let keys = this.sortedKeys.get(bucket);
    if (!keys) {
      keys = [...objects.keys()].sort();
      this.sortedKeys.set(bucket, keys);
    }
    const out: KubeObject[] = [];
    if (prefix.length <= bucket.length + 1) {
      for (const k of keys) out.push(objects.get(k)!);
      return out;
    }
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < keys.length && keys[i].startsWith(prefix); i++) out.push(objects.get(keys[i])!);
    return out;
  }

  /** Number of objects in one bucket (`/core/pods`). */
  bucketSize(bucket: string): number {
    return this.cold.has(bucket) ? this.cold.size(bucket) : this.buckets.get(bucket)?.size ?? 0;
  }

  /** Number of objects in every bucket, e.g. `{"/core/pods": 12}`. */
  bucketSizes(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [bucket, objects] of this.buckets) if (objects.size) out[bucket] = objects.size;
    for (const [bucket, n] of this.cold.sizes()) out[bucket] = n;
    return out;
  }

  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Commit several writes atomically, each with its own revision. Each object gets `metadata.resourceVersion` set to
   * its revision (the caller's object is not mutated; the stored copy is returned). Either every op is stored and the
   * listeners see every event, or (on a throw) nothing is.
   */
  commit(ops: WriteOp[]): StoreEvent[] {
    if (ops.length === 0) return [];
    const events: StoreEvent[] = [];
    let rev = this.rev;
    const staged = new Map<string, KubeObject | undefined>();
    /** Whether each cold key written existed before this commit. */
    const coldBefore = new Map<string, boolean>();
    const current = (key: string) => (staged.has(key) ? staged.get(key) : this.get(key));
    const rows: Row[] = [];
    for (const op of ops) {
      const prev = current(op.key);
      if (!staged.has(op.key) && this.cold.has(bucketOf(op.key))) coldBefore.set(op.key, prev !== undefined);
      if (op.object === undefined) {
        // Deleting what does not exist is no write: it spends no revision.
        if (!prev) continue;
        rev += 1;
        const last = withResourceVersion(prev, rev);
        rows.push({ key: op.key, rev, json: undefined });
        events.push({ rev, key: op.key, type: "DELETED", object: last, prev });
        staged.set(op.key, undefined);
      } else {
        rev += 1;
        const stored = withResourceVersion(op.object, rev);
        const json = JSON.stringify(stored);
        if (json.length > maxObjectBytes) {
          throw failure(413, "RequestEntityTooLarge", "etcdserver: request is too large");
        }
        const type: EventType = prev ? "MODIFIED" : "ADDED";
        rows.push({ key: op.key, rev, json });
        events.push({ rev, key: op.key, type, object: stored, prev });
        staged.set(op.key, stored);
      }
    }
    if (!rows.length) return events;
    if (this.pending) {
      this.pending.push(...rows);
      for (const row of rows) if (coldBefore.has(row.key)) this.pendingCold.set(row.key, row.json);
    } else {
      this.transactionSync(() => this.writeRows(rows));
    }
    this.rev = rev;
    for (const [key, object] of staged) {
      const existed = coldBefore.get(key);
      if (existed === undefined) this.setCached(key, object);
      else if (existed !== (object !== undefined)) this.countCold(key, object ? 1 : -1);
    }
    for (let i = 0; i < events.length; i++) this.history.append(events[i], rows[i].json?.length ?? 256);
    for (const listener of this.listeners) listener(events);
    return events;
  }

  /**
   * Run `fn`, whose commits reach SQLite together in one transaction at its end (with multi-row statements): the
   * control loop's many small writes cost one transaction, not one each. Readers and listeners see each commit at
   * once, as without batching; nothing leaves the Durable Object before the flush (its output gate holds responses
   * until the writes are durable). If the flush fails, the cache is rebuilt from SQLite and the error rethrown.
   */
  batch<T>(fn: () => T): T {
    if (this.pending) return fn();
    this.pending = [];
    try {
      return fn();
    } finally {
      const rows = this.pending;
      this.pending = undefined;
      try {
        this.flush(rows);
      } finally {
        this.pendingCold.clear();
      }
    }
  }

  private flush(rows: Row[]): void {
    if (!rows.length) return;
    try {
      this.transactionSync(() => this.writeRows(rows));
    } catch (error) {
      this.reset();
      this.load();
      throw error;
    }
  }

  /** The last state of each key, in statements of many rows, and the revision. */
  private writeRows(rows: Row[]): void {
    const last = new Map<string, Row>();
    for (const row of rows) last.set(row.key, row);
    const upserts: unknown[][] = [];
    for (const row of last.values()) {
      if (row.json === undefined) this.sql.exec("DELETE FROM objects WHERE key = ?", row.key);
      else upserts.push([row.key, row.rev, row.json]);
    }
    this.insertMany("INSERT OR REPLACE INTO objects (key, rev, value) VALUES ", "(?, ?, ?)", upserts);
    this.sql.exec("INSERT OR REPLACE INTO meta (k, v) VALUES ('revision', ?)", String(rows[rows.length - 1].rev));
  }

  /** SQLite statements here take at most 100 bound parameters and 100 KB: chunk accordingly. */
  private insertMany(prefix: string, tuple: string, values: unknown[][]): void {
    if (!values.length) return;
    const perRow = values[0].length;
    const maxRows = Math.floor(100 / perRow);
    let chunk: unknown[][] = [];
    let bytes = 0;
    const send = () => {
      if (!chunk.length) return;
      this.sql.exec(prefix + chunk.map(() => tuple).join(", "), ...chunk.flat());
      chunk = [];
      bytes = 0;
    };
    for (const row of values) {
      const size = row.reduce<number>((n, v) => n + (typeof v === "string" ? v.length : 8), 0);
      if (chunk.length >= maxRows || (chunk.length && bytes + size > 90_000)) send();
      chunk.push(row);
      bytes += size;
    }
    send();
  }

  /**
   * Events after `afterRev` whose key starts with `prefix`, oldest first, or "expired" when history before
   * `afterRev` is gone.
   */
  eventsSince(afterRev: number, prefix: string): StoreEvent[] | "expired" {
    return this.history.since(afterRev, prefix);
  }

  /** Keep at most the newest `keep` events of history. Returns the number dropped. */
  compact(keep: number): number {
    return this.history.compact(keep);
  }

  /** Number of events kept in history. */
  historySize(): number {
    return this.history.size;
  }

  private countCold(key: string, delta: 1 | -1): void {
    if (delta > 0) this.cold.add(key);
    else this.cold.remove(key);
    this.objectCount += delta;
  }

  private setCached(key: string, object: KubeObject | undefined): void {
    const bucket = bucketOf(key);
    let objects = this.buckets.get(bucket);
    if (!objects) {
      if (!object) return;
      objects = new Map();
      this.buckets.set(bucket, objects);
    }
    const existed = objects.has(key);
    if (object) objects.set(key, object);
    else objects.delete(key);
    if (existed !== (object !== undefined)) {
      this.sortedKeys.delete(bucket);
      this.objectCount += existed ? -1 : 1;
    }
  }

  private createSchema(): void {
    this.sql.exec(`CREATE TABLE IF NOT EXISTS objects (key TEXT PRIMARY KEY, rev INTEGER NOT NULL, value TEXT NOT NULL)`);
    this.sql.exec(`CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL)`);
    this.migrateEventTable();
  }

  /** Objects stored by versions that kept history in an `events` table: keep its revision, drop the table. */
  private migrateEventTable(): void {
    const table = this.sql.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'events'").toArray();
    if (!table.length) return;
    const newest = this.sql.exec<{ m: number | null }>("SELECT MAX(rev) AS m FROM events").one().m;
    if (newest !== null) this.sql.exec("INSERT OR REPLACE INTO meta (k, v) VALUES ('revision', ?)", String(newest));
    this.sql.exec("DROP TABLE events");
  }

  private load(): void {
    for (const row of this.sql.exec<{ key: string; value: string }>("SELECT key, value FROM objects")) {
      if (this.cold.has(bucketOf(row.key))) this.countCold(row.key, 1);
      else this.setCached(row.key, JSON.parse(row.value));
    }
    const maxObject = this.sql.exec<{ m: number | null }>("SELECT MAX(rev) AS m FROM objects").one().m ?? 0;
    const saved = this.sql.exec<{ v: string }>("SELECT v FROM meta WHERE k IN ('revision', 'compacted')").toArray();
    this.rev = Math.max(maxObject, ...saved.map((row) => Number(row.v)));
  }
}

function withResourceVersion(object: KubeObject, rev: number): KubeObject {
  return { ...object, metadata: { ...object.metadata, resourceVersion: String(rev) } };
}
