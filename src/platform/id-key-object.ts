// The key cluster ids are MACed with when the `CLUSTER_ID_KEY` secret is not set: made at random on first use and
// kept in this one Durable Object's storage (so it survives restarts of `wrangler dev` and redeploys), never shown.
import { DurableObject } from "cloudflare:workers";
import { randomToken } from "../runtime/random";
import type { Env } from "./env";

export class IdKeyObject extends DurableObject<Env> {
  /** The key (260 random bits as base32), made on the first call. */
  key(): string {
    const sql = this.ctx.storage.sql;
    sql.exec("CREATE TABLE IF NOT EXISTS id_key (id INTEGER PRIMARY KEY CHECK (id = 1), key TEXT NOT NULL)");
    const row = sql.exec<{ key: string }>("SELECT key FROM id_key WHERE id = 1").toArray()[0];
    if (row) return row.key;
    const key = randomToken(52);
    sql.exec("INSERT INTO id_key (id, key) VALUES (1, ?)", key);
    return key;
  }
}
