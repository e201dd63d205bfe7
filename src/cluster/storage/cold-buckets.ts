// Buckets whose objects stay in SQLite only, out of the memory cache: kinds with many objects that are rarely read
// (Events: five or so per pod). Reads go to the `objects` table, with the writes of a batch not yet flushed laid over
// it; the number of objects per bucket is kept in memory for the object limit and the summaries.
import type { KubeObject } from "../../api/object";

/** A write of the current batch not yet in SQLite: the object's JSON, or undefined for a delete. */
export type PendingWrites = ReadonlyMap<string, string | undefined>;

export class ColdBuckets {
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly sql: SqlStorage,
    private readonly buckets: ReadonlySet<string>,
  ) {}

  has(bucket: string): boolean {
    return this.buckets.has(bucket);
  }

  reset(): void {
    this.counts.clear();
  }

  /** One object more (`delta` 1) or fewer (-1) in `bucket`. */
  count(bucket: string, delta: number): void {
    const n = (this.counts.get(bucket) ?? 0) + delta;
    if (n) this.counts.set(bucket, n);
    else this.counts.delete(bucket);
  }

  size(bucket: string): number {
    return this.counts.get(bucket) ?? 0;
  }

  sizes(): Iterable<[string, number]> {
    return this.counts;
  }

  get(key: string, pending: PendingWrites): KubeObject | undefined {
    if (pending.has(key)) {
      const json = pending.get(key);
      return json === undefined ? undefined : JSON.parse(json);
    }
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
