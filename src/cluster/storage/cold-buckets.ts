// Buckets whose objects stay in SQLite only, out of the memory cache: kinds with many objects that are rarely read
// (Events: five or so per pod). Only their keys are kept in memory, so a lookup of a key that does not exist (every
// create checks one) and the counts for the object limit cost no query. Reads go to the `objects` table, with the
// writes of a batch not yet flushed laid over it.
import type { KubeObject } from "../../api/object";
import { bucketOf } from "./bucket";

/** A write of the current batch not yet in SQLite: the object's JSON, or undefined for a delete. */
export type PendingWrites = ReadonlyMap<string, string | undefined>;

export class ColdBuckets {
  private readonly keys = new Map<string, Set<string>>();

  constructor(
    private readonly sql: SqlStorage,
    private readonly buckets: ReadonlySet<string>,
  ) {}

  has(bucket: string): boolean {
    return this.buckets.has(bucket);
  }

  reset(): void {
    this.keys.clear();
  }

  add(key: string): void {
    const bucket = bucketOf(key);
    let set = this.keys.get(bucket);
    if (!set) this.keys.set(bucket, (set = new Set()));
    set.add(key);
  }

  remove(key: string): void {
    this.keys.get(bucketOf(key))?.delete(key);
  }

  size(bucket: string): number {
    return this.keys.get(bucket)?.size ?? 0;
  }

  *sizes(): Iterable<[string, number]> {
    for (const [bucket, set] of this.keys) if (set.size) yield [bucket, set.size];
  }

  get(key: string, pending: PendingWrites): KubeObject | undefined {
    if (pending.has(key)) {
      const json = pending.get(key);
      return json === undefined ? undefined : JSON.parse(json);
    }
    if (!this.keys.get(bucketOf(key))?.has(key)) return undefined;
    const row = this.sql.exec<{ value: string }>("SELECT value FROM objects WHERE key = ?", key).toArray()[0];
    return row ? JSON.parse(row.value) : undefined;
  }

  /** Objects whose key starts with `prefix`, in key order. */
  list(prefix: string, pending: PendingWrites): KubeObject[] {
    const texts = new Map<string, string>();
    for (const row of this.sql.exec<{ key: string; value: string }>("SELECT key, value FROM objects WHERE key >= ? AND key < ?", prefix, `${prefix}\uffff`)) {
      texts.set(row.key, row.value);
    }
    for (const [key, json] of pending) {
      if (!key.startsWith(prefix)) continue;
      if (json === undefined) texts.delete(key);
      else texts.set(key, json);
    }
    return [...texts.keys()].sort().map((key) => JSON.parse(texts.get(key)!));
  }
}
