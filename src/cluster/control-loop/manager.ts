// Runs the controllers: store events become keys (routed by kind to the controllers watching it, watch-routes.ts) in a de-duplicating work queue; the alarm drains the queue within
// a budget and re-runs keys at the times they asked for (a persisted TimerTable). Errors are isolated per key and
// retried with exponential back-off; a key that asks to run again at once without writing is pushed back (SpinGuard).
import type { ClusterSpec } from "../../api/platform";
import type { RegistryStore } from "../registry/generic-store";
import type { ResourceTable } from "../registry/resource-table";
import type { Store } from "../storage/store";
import { paces } from "../timing";
import type { EventRecorder } from "./event-recorder";
import type { Indexes } from "./indexes";
import { SpinGuard } from "./spin-guard";
import { TimerTable } from "./timer-table";
import type { Controller, ControllerContext } from "./types";
import { WatchRoutes } from "./watch-routes";

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

/**
 * Most reconciles one alarm runs before it yields (and re-arms for now). Requests wait while a pass runs, so this
 * bounds their delay during a big rollout (~0.2–0.4 s for 2,000 pod steps) at a few percent of throughput.
 */
const batchLimit = 2000;
const maxBackoffMs = 5 * 60_000;

const defaultSpec: ClusterSpec = { name: "sandbox", workers: 0, nodeResources: { cpu: "2", memory: "4Gi", pods: 110 }, pace: "realistic" };

export class ControllerManager {
  private readonly queue = new Map<string, { controller: Controller; key: string }>();
  private readonly failures = new Map<string, number>();
  private readonly byName: Map<string, Controller>;
  private readonly timers: TimerTable;
  private readonly spins = new SpinGuard();
  private resynced = false;

  /** @param controllers in the order a pass visits them (the cluster's list: cluster/controller-list.ts). */
  constructor(
    private readonly deps: ManagerDependencies,
    private readonly controllers: Controller[],
  ) {
    this.byName = new Map(controllers.map((c) => [c.name, c]));
    this.timers = new TimerTable(deps.sql);
    const routes = new WatchRoutes(controllers);
    deps.store.subscribe((events) => {
      for (const event of events) {
        for (const route of routes.routes(event.key)) {
          for (const key of route.keys(event)) this.enqueue(route.controller, key);
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
    this.timers.reset();
    this.spins.reset();
    this.resynced = false;
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
    return this.deps.store.batch(() => {
      const next = this.drain(now);
      this.timers.flush();
      return next;
    });
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
      const revision = this.deps.store.revision;
      try {
        const result = item.controller.reconcile(item.key, ctx);
        this.failures.delete(id);
        // The reconcile that just ran knows best when the key is next due: its answer replaces any earlier timer.
        if (result?.requeueAt !== undefined) {
          const at = this.spins.next(id, result.requeueAt, now, this.deps.store.revision !== revision);
          this.schedule(item.controller, item.key, at, true);
        } else {
          this.spins.forget(id);
          this.unschedule(id);
        }
      } catch (error) {
        this.spins.forget(id);
        const attempts = (this.failures.get(id) ?? 0) + 1;
        this.failures.set(id, attempts);
        console.warn(`controller ${item.controller.name} failed on ${item.key} (attempt ${attempts}):`, error);
        this.schedule(item.controller, item.key, now + Math.min(maxBackoffMs, 100 * 2 ** attempts));
      }
    }
    if (this.queue.size) return now;
    return this.timers.earliest();
  }

  /** Queue `key` of the controller named `name`: a change no store event shows (a machine booting, issue 11). */
  wakeKey(name: string, key: string): void {
    const controller = this.byName.get(name);
    if (controller) this.enqueue(controller, key);
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
    const existing = this.timers.get(id);
    this.timers.set(id, { controller: controller.name, key, at: replace || !existing ? at : Math.min(existing.at, at) });
  }

  private unschedule(id: string): void {
    this.timers.delete(id);
  }

  private takeDueTimers(now: number): void {
    for (const timer of this.timers.takeDue(now)) {
      const controller = this.byName.get(timer.controller);
      if (controller) this.enqueue(controller, timer.key);
    }
  }
}
