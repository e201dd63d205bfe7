// The one row that says what this Durable Object is: which cluster, its settled options, its token hashes and when
// it was last used. Absent until the platform API creates the cluster, and gone after it is deleted. Its table is
// made by `createSchema()` at creation, never when the object is merely woken: an object nobody created (or whose
// cluster was deleted, storage and all) stays without storage.
import type { ClusterSpec } from "../api/platform";

export interface ClusterRecord {
  id: string;
  spec: ClusterSpec;
  adminTokenHash: string;
  viewTokenHash: string;
  /** The key this cluster signs its ServiceAccount tokens with (absent in records made before there were any). */
  tokenKey?: string;
  createdAt: number;
  lastUsedAt: number;
  idleMs: number;
}

export class ClusterRecordTable {
  /** Whether the tables exist (known after `read()`, `createSchema()` or `dropped()`). */
  private exists = false;

  constructor(private readonly sql: SqlStorage) {}

  createSchema(): void {
    this.sql.exec("CREATE TABLE IF NOT EXISTS cluster (id INTEGER PRIMARY KEY CHECK (id = 1), value TEXT NOT NULL)");
    this.sql.exec("CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)");
    this.exists = true;
  }

  /** All storage was deleted (`deleteAll()`): the tables are gone. */
  dropped(): void {
    this.exists = false;
  }

  /** Alarm runs are counted in storage: an idle, converged cluster should add none (observability, benchmarks). */
  countAlarm(): void {
    if (!this.exists) return;
    this.sql.exec("INSERT INTO counters (name, value) VALUES ('alarms', 1) ON CONFLICT(name) DO UPDATE SET value = value + 1");
  }

  alarmRuns(): number {
    if (!this.exists) return 0;
    return this.sql.exec<{ value: number }>("SELECT value FROM counters WHERE name = 'alarms'").toArray()[0]?.value ?? 0;
  }

  /** The record, or undefined when there is none; reads without creating anything. */
  read(): ClusterRecord | undefined {
    this.exists = this.sql.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'cluster'").toArray().length > 0;
    if (!this.exists) return undefined;
    const row = this.sql.exec<{ value: string }>("SELECT value FROM cluster WHERE id = 1").toArray()[0];
    return row ? JSON.parse(row.value) : undefined;
  }

  write(record: ClusterRecord): void {
    this.sql.exec("INSERT OR REPLACE INTO cluster (id, value) VALUES (1, ?)", JSON.stringify(record));
  }
}
