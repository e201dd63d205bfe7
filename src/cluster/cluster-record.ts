// The one row that says what this Durable Object is: which cluster, its settled options, its token hashes and when
// it was last used. Absent until the platform API creates the cluster, and gone after it is deleted.
import type { ClusterSpec } from "../api/platform";

export interface ClusterRecord {
  id: string;
  spec: ClusterSpec;
  adminTokenHash: string;
  viewTokenHash: string;
  createdAt: number;
  lastUsedAt: number;
  idleMs: number;
}

export class ClusterRecordTable {
  constructor(private readonly sql: SqlStorage) {
    this.createSchema();
  }

  createSchema(): void {
    this.sql.exec("CREATE TABLE IF NOT EXISTS cluster (id INTEGER PRIMARY KEY CHECK (id = 1), value TEXT NOT NULL)");
    this.sql.exec("CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)");
  }

  /** Alarm runs are counted in storage: an idle, converged cluster should add none (observability, benchmarks). */
  countAlarm(): void {
    this.sql.exec("INSERT INTO counters (name, value) VALUES ('alarms', 1) ON CONFLICT(name) DO UPDATE SET value = value + 1");
  }

  alarmRuns(): number {
    return this.sql.exec<{ value: number }>("SELECT value FROM counters WHERE name = 'alarms'").toArray()[0]?.value ?? 0;
  }

  read(): ClusterRecord | undefined {
    const row = this.sql.exec<{ value: string }>("SELECT value FROM cluster WHERE id = 1").toArray()[0];
    return row ? JSON.parse(row.value) : undefined;
  }

  write(record: ClusterRecord): void {
    this.sql.exec("INSERT OR REPLACE INTO cluster (id, value) VALUES (1, ?)", JSON.stringify(record));
  }
}
