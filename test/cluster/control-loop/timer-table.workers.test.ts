// The control loop's timers on a real Durable Object's SQLite: in-memory reads, batched writes, reload.
import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { TimerTable } from "../../../src/cluster/control-loop/timer-table";

function withSql<T>(fn: (sql: SqlStorage) => T): Promise<T> {
  return runInDurableObject(env.CLUSTER.getByName(`timers-test-${crypto.randomUUID()}`), (_i, state) => fn(state.storage.sql));
}

const rows = (sql: SqlStorage) => sql.exec("SELECT id, at FROM timers ORDER BY id").toArray();

describe("TimerTable", () => {
  it("answers the earliest timer and takes the due ones out", () =>
    withSql((sql) => {
      const timers = new TimerTable(sql);
      timers.reset();
      expect(timers.earliest()).toBeUndefined();
      timers.set("a", { controller: "kubelet", key: "ns/a", at: 300 });
      timers.set("b", { controller: "kubelet", key: "ns/b", at: 100 });
      timers.set("c", { controller: "cronjob", key: "ns/c", at: 200 });
      expect(timers.earliest()).toBe(100);
      expect(timers.takeDue(200).map((t) => t.key).sort()).toEqual(["ns/b", "ns/c"]);
      expect(timers.earliest()).toBe(300);
      expect(timers.takeDue(200)).toEqual([]);
    }));

  it("writes nothing until flush, then every change in a few statements; a new table reads them back", () =>
    withSql((sql) => {
      const timers = new TimerTable(sql);
      timers.reset();
      for (let i = 0; i < 60; i++) timers.set(`t${String(i).padStart(2, "0")}`, { controller: "kubelet", key: `ns/p${i}`, at: 1000 + i });
      expect(rows(sql)).toEqual([]);
      timers.flush();
      expect(rows(sql)).toHaveLength(60);
      for (let i = 0; i < 50; i++) timers.delete(`t${String(i).padStart(2, "0")}`);
      timers.set("t55", { controller: "kubelet", key: "ns/p55", at: 5 });
      timers.flush();
      const reloaded = new TimerTable(sql);
      expect(rows(sql).map((r) => r.id)).toEqual(["t50", "t51", "t52", "t53", "t54", "t55", "t56", "t57", "t58", "t59"]);
      expect(reloaded.earliest()).toBe(5);
      expect(reloaded.get("t55")).toEqual({ controller: "kubelet", key: "ns/p55", at: 5 });
    }));

  it("forgets a timer that was set and deleted before a flush", () =>
    withSql((sql) => {
      const timers = new TimerTable(sql);
      timers.reset();
      timers.set("x", { controller: "kubelet", key: "ns/x", at: 1 });
      timers.flush();
      timers.set("x", { controller: "kubelet", key: "ns/x", at: 2 });
      timers.delete("x");
      timers.flush();
      expect(rows(sql)).toEqual([]);
      expect(new TimerTable(sql).earliest()).toBeUndefined();
    }));
});
