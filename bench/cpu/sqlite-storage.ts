// The Durable Object storage calls a cluster uses (`sql.exec`, `transactionSync`), over node:sqlite: for the CPU
// bench and the Node-side test harness (test/helpers/node-cluster.ts).
import { DatabaseSync } from "node:sqlite";

export interface NodeStorage {
  sql: SqlStorage;
  transactionSync<T>(fn: () => T): T;
}

/** A fresh in-memory database. */
export function nodeStorage(): NodeStorage {
  const db = new DatabaseSync(":memory:");
  const exec = (query: string, ...bindings: unknown[]) => {
    const statement = db.prepare(query);
    const rows = /^\s*(SELECT|WITH)/i.test(query) ? (statement.all(...(bindings as never[])) as Record<string, unknown>[]) : (statement.run(...(bindings as never[])), []);
    return { toArray: () => rows, one: () => rows[0], [Symbol.iterator]: () => rows[Symbol.iterator]() };
  };
  return {
    sql: { exec } as unknown as SqlStorage,
    transactionSync<T>(fn: () => T): T {
      db.exec("BEGIN");
      try {
        const out = fn();
        db.exec("COMMIT");
        return out;
      } catch (error) {
        db.exec("ROLLBACK");
        throw error;
      }
    },
  };
}
