// Runs the controllers: store events become keys in a de-duplicating work queue; the alarm drains the queue within
// a budget and re-runs keys at the times they asked for. Those times are rows of a persisted `timers` table, so a
// restarted object still wakes when a container should start or a CronJob should fire. Errors are isolated per key
// and retried with exponential back-off.
import type { ClusterSpec } from "../../api/platform";
import type { RegistryStore } from "../registry/generic-store";
import type { ResourceTable } from "../registry/resource-table";
import type { Store } from "../storage/store";
import { paces } from "../timing";
import type { EventRecorder } from "./event-recorder";
import type { Indexes } from "./indexes";
import { createControllers } from "./registry";
import type { Controller, ControllerContext } from "./types";

export interface ManagerDependencies {
  registry: RegistryStore;
  table: ResourceTable;
  store: Store;
  sql: SqlStorage;
  events: EventRecorder;
  indexes: Indexes;
  /** The cluster's options; undefined before the cluster is created. */
  cluster: () => ClusterSpec | undefined;
  now(): number;
  /** Ask for the alarm to fire no later than `at`. */
  wake(at: number): Promise<void>;
}

/** Most reconciles one alarm runs before it yields (and re-arms for now). */
const batchLimit = 5000;
const maxBackoffMs = 5 * 60_000;

const defaultSpec: ClusterSpec = { name: "sandbox", workers: 0, nodeResources: { cpu: "2", memory: "4Gi", pods: 110 }, pace: "realistic" };

export class ControllerManager {
  private readonly queue = new Map<string, { controller: Controller; key: string }>();
  private readonly failures = new Map<string, number>();
  private readonly byName: Map<string, Controller>;
  /** Ids (controller + key) that have a row in the timers table. */
  private readonly timed = new Set<string>();
  private resynced = false;

  constructor(
    private readonly deps: ManagerDependencies,
    private readonly controllers: Controller[] = createControllers(),
  ) {
    this.byName = new Map(controllers.map((c) => [c.name, c]));
    deps.sql.exec("CREATE TABLE IF NOT EXISTS timers (id TEXT PRIMARY KEY, controller TEXT NOT NULL, key TEXT NOT NULL, at INTEGER NOT NULL)");
    deps.sql.exec("CREATE INDEX IF NOT EXISTS timers_at ON timers (at)");
    for (const row of deps.sql.exec<{ id: string }>("SELECT id FROM timers")) this.timed.add(row.id);
    deps.store.subscribe((events) => {
      for (const event of events) {
        for (const controller of this.controllers) {
          for (const key of controller.keysFor(event)) this.enqueue(controller, key);
        }
      }
    });
  }

  /** After a request: make sure queued work gets an alarm. */
  async flush(): Promise<void> {
    if (this.queue.size || !this.resynced) await this.deps.wake(this.deps.now());
  }

  /** The table was dropped (cluster deleted): start over. */
  reset(): void {
    this.queue.clear();
    this.failures.clear();
    this.timed.clear();
    this.resynced = false;
    this.deps.sql.exec("CREATE TABLE IF NOT EXISTS timers (id TEXT PRIMARY KEY, controller TEXT NOT NULL, key TEXT NOT NULL, at INTEGER NOT NULL)");
  }

  context(now: number): ControllerContext {
    const cluster = this.deps.cluster() ?? defaultSpec;
    return {
      registry: this.deps.registry,
      table: this.deps.table,
      now,
      timing: paces[cluster.pace],
      events: this.deps.events,
      indexes: this.deps.indexes,
      cluster,
    };
  }

  /** Drain the queue and the due timers. Returns when the alarm should next fire, if at all. */
  run(now: number): number | undefined {
    return this.deps.store.batch(() => this.drain(now));
  }

  private drain(now: number): number | undefined {
    const ctx = this.context(now);
    if (!this.resynced) {
      this.resynced = true;
      for (const controller of this.controllers) for (const key of controller.resync(ctx)) this.enqueue(controller, key);
    }
    this.takeDueTimers(now);
    let done = 0;
    while (this.queue.size && done < batchLimit) {
      const [id, item] = this.queue.entries().next().value!;
      this.queue.delete(id);
      done += 1;
      try {
        const result = item.controller.reconcile(item.key, ctx);
        this.failures.delete(id);
        // The reconcile that just ran knows best when the key is next due: its answer replaces any earlier timer.
        if (result?.requeueAt !== undefined) this.schedule(item.controller, item.key, result.requeueAt, true);
        else this.unschedule(id);
      } catch (error) {
        const attempts = (this.failures.get(id) ?? 0) + 1;
        this.failures.set(id, attempts);
        console.warn(`controller ${item.controller.name} failed on ${item.key} (attempt ${attempts}):`, error);
        this.schedule(item.controller, item.key, now + Math.min(maxBackoffMs, 100 * 2 ** attempts));
      }
    }
    if (this.queue.size) return now;
    return this.nextTimer();
  }

  /** Whether any work is queued right now (for tests and the idle check). */
  get pending(): number {
    return this.queue.size;
  }

  private enqueue(controller: Controller, key: string): void {
    this.queue.set(`${controller.name}\n${key}`, { controller, key });
  }

  /** Run `key` at `at`: replacing its timer, or (for retries) keeping the earlier of the two. */
  private schedule(controller: Controller, key: string, at: number, replace = false): void {
    const id = `${controller.name}\n${key}`;
    this.timed.add(id);
    this.deps.sql.exec(
      `INSERT INTO timers (id, controller, key, at) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET at = ${replace ? "excluded.at" : "MIN(at, excluded.at)"}`,
      id,
      controller.name,
      key,
      at,
    );
  }

  private unschedule(id: string): void {
    if (!this.timed.delete(id)) return;
    this.deps.sql.exec("DELETE FROM timers WHERE id = ?", id);
  }

  private takeDueTimers(now: number): void {
    const due = this.deps.sql.exec<{ id: string; controller: string; key: string }>("SELECT id, controller, key FROM timers WHERE at <= ?", now).toArray();
    if (!due.length) return;
    this.deps.sql.exec("DELETE FROM timers WHERE at <= ?", now);
    for (const row of due) {
      this.timed.delete(row.id);
      const controller = this.byName.get(row.controller);
      if (controller) this.enqueue(controller, row.key);
    }
  }

  private nextTimer(): number | undefined {
    const row = this.deps.sql.exec<{ at: number | null }>("SELECT MIN(at) AS at FROM timers").one();
    return row.at ?? undefined;
  }
}
