// The manager's bound on a spinning key, on a real Durable Object's SQLite: a controller that asks to run again at
// once without writing is let through a few passes, then pushed back with a doubling delay and logged once; one that
// writes each pass, or asks for a later time, is left alone.
import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ControllerManager, type ManagerDependencies } from "../../../src/cluster/control-loop/manager";
import { toleratedPasses } from "../../../src/cluster/control-loop/spin-guard";
import type { Controller } from "../../../src/cluster/control-loop/types";
import { Store } from "../../../src/cluster/storage/store";

afterEach(() => {
  vi.restoreAllMocks();
});

/** A manager over a fresh object's SQLite with one controller that has one key, "k". */
type Reconciler = Pick<Controller, "name" | "reconcile">;

function withManager<T>(controller: Reconciler | ((store: Store) => Reconciler), fn: (manager: ControllerManager) => T): Promise<T> {
  return runInDurableObject(env.CLUSTER.getByName(`spin-guard-${crypto.randomUUID()}`), (_instance, state) => {
    const store = new Store(state.storage.sql, (f) => state.storage.transactionSync(f));
    const deps = { store, sql: state.storage.sql, cluster: () => undefined, now: () => 0, wake: async () => {} } as unknown as ManagerDependencies;
    const reconciler = typeof controller === "function" ? controller(store) : controller;
    const manager = new ControllerManager(deps, [{ resync: () => ["k"], ...reconciler }]);
    return fn(manager);
  });
}

/** Run the loop as the alarm would: each pass at the time the previous one asked for. */
function follow(manager: ControllerManager, start: number, passes: number): number[] {
  const times: number[] = [];
  let now = start;
  for (let i = 0; i < passes; i++) {
    const next = manager.run(now);
    if (next === undefined) break;
    times.push(next - now);
    now = Math.max(now, next);
  }
  return times;
}

describe("the manager's spin guard", () => {
  it("pushes back a key that asks to run at once without writing, with a doubling delay, and logs it once", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const delays = await withManager({ name: "spinner", reconcile: (_key, ctx) => ({ requeueAt: ctx.now - 1000 }) }, (manager) =>
      follow(manager, 1_000_000, toleratedPasses + 5),
    );
    expect(delays.slice(0, toleratedPasses)).toEqual(Array(toleratedPasses).fill(-1000));
    expect(delays.slice(toleratedPasses)).toEqual([100, 200, 400, 800, 1600]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toContain("spinner k asked to run again at once");
  });

  it("leaves alone a key that writes on every pass, and one that asks for a later time", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    let n = 0;
    const configMap = () => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", namespace: "default" }, data: { n: String(n++) } });
    const writer = await withManager(
      (store) => ({
        name: "writer",
        reconcile: (_key, ctx) => {
          store.commit([{ key: "/core/configmaps/default/c", object: configMap() }]);
          return { requeueAt: ctx.now };
        },
      }),
      (manager) => follow(manager, 1_000_000, toleratedPasses + 5),
    );
    expect(writer).toEqual(Array(toleratedPasses + 5).fill(0));
    const later = await withManager({ name: "ticker", reconcile: (_key, ctx) => ({ requeueAt: ctx.now + 10 }) }, (manager) =>
      follow(manager, 1_000_000, toleratedPasses + 5),
    );
    expect(later).toEqual(Array(toleratedPasses + 5).fill(10));
    expect(warn).not.toHaveBeenCalled();
  });

  it("ends a streak when the key asks for a later time", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    let pass = 0;
    const delays = await withManager(
      { name: "flaky", reconcile: (_key, ctx) => ({ requeueAt: ++pass === toleratedPasses ? ctx.now + 50 : ctx.now }) },
      (manager) => follow(manager, 1_000_000, 2 * toleratedPasses),
    );
    expect(delays).toEqual([...Array(toleratedPasses - 1).fill(0), 50, ...Array(toleratedPasses).fill(0)]);
  });
});
