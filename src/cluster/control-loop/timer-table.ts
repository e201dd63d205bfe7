// The control loop's timers: when each (controller, key) should next be reconciled. Kept in memory for the loop's
// many reads and changes, and persisted in the `timers` table so a restarted object still wakes when a container
// should start or a CronJob should fire. Changes reach SQLite together, in multi-row statements, at `flush()`.

export interface Timer {
  controller: string;
  key: string;
  at: number;
}

/** SQLite statements here take at most 100 bound parameters. */
const maxParameters = 100;

export class TimerTable {
  private readonly timers = new Map<string, Timer>();
  /** Ids changed since the last flush (set or removed). */
  private readonly dirty = new Set<string>();

  constructor(private readonly sql: SqlStorage) {
    this.createSchema();
    for (const row of sql.exec<{ id: string; controller: string; key: string; at: number }>("SELECT id, controller, key, at FROM timers")) {
      this.timers.set(row.id, { controller: row.controller, key: row.key, at: row.at });
    }
  }

  /** The tables were dropped (cluster deleted): start empty. */
  reset(): void {
    this.timers.clear();
    this.dirty.clear();
    this.createSchema();
  }

  get(id: string): Timer | undefined {
    return this.timers.get(id);
  }

  set(id: string, timer: Timer): void {
    this.timers.set(id, timer);
    this.dirty.add(id);
  }

  delete(id: string): void {
    if (this.timers.delete(id)) this.dirty.add(id);
  }

  /** Remove and return the timers due at `now`. */
  takeDue(now: number): Timer[] {
    const due: Timer[] = [];
    for (const [id, timer] of this.timers) {
      if (timer.at > now) continue;
      due.push(timer);
      this.delete(id);
    }
    return due;
  }

  /** The earliest timer, if any. */
  earliest(): number | undefined {
    let min: number | undefined;
    for (const timer of this.timers.values()) if (min === undefined || timer.at < min) min = timer.at;
    return min;
  }

  /** Write every change since the last flush. */
  flush(): void {
    if (!this.dirty.size) return;
    const upserts: unknown[][] = [];
    const deletes: string[] = [];
    for (const id of this.dirty) {
      const timer = this.timers.get(id);
      if (timer) upserts.push([id, timer.controller, timer.key, timer.at]);
      else deletes.push(id);
    }
    this.dirty.clear();
    for (let i = 0; i < upserts.length; i += maxParameters / 4) {
      const chunk = upserts.slice(i, i + maxParameters / 4);
      this.sql.exec(`INSERT OR REPLACE INTO timers (id, controller, key, at) VALUES ${chunk.map(() => "(?, ?, ?, ?)").join(", ")}`, ...chunk.flat());
    }
    for (let i = 0; i < deletes.length; i += maxParameters) {
      const chunk = deletes.slice(i, i + maxParameters);
      this.sql.exec(`DELETE FROM timers WHERE id IN (${chunk.map(() => "?").join(", ")})`, ...chunk);
    }
  }

  private createSchema(): void {
    this.sql.exec("CREATE TABLE IF NOT EXISTS timers (id TEXT PRIMARY KEY, controller TEXT NOT NULL, key TEXT NOT NULL, at INTEGER NOT NULL)");
    this.sql.exec("CREATE INDEX IF NOT EXISTS timers_at ON timers (at)");
  }
}
