// Runs the controllers: store events become keys in a de-duplicating work queue; the alarm drains the queue within
// a CPU budget and re-runs keys that asked to be requeued. Errors are isolated per key and retried with back-off.
import type { RegistryStore } from "../registry/generic-store";
import type { ResourceTable } from "../registry/resource-table";
import type { Store } from "../storage/store";
import { createControllers } from "./registry";
import type { Controller, ControllerContext } from "./types";

export interface ManagerEnvironment {
  now(): number;
  /** Ask for the alarm to fire no later than `at`. */
  wake(at: number): Promise<void>;
}

/** Most reconciles one alarm runs before it yields (and re-arms for now). */
const batchLimit = 2000;
const maxBackoffMs = 5 * 60_000;

export class ControllerManager {
  private readonly queue = new Map<string, { controller: Controller; key: string }>();
  private readonly delayed = new Map<string, { controller: Controller; key: string; at: number }>();
  private readonly failures = new Map<string, number>();
  private resynced = false;

  constructor(
    private readonly registry: RegistryStore,
    private readonly table: ResourceTable,
    store: Store,
    private readonly env: ManagerEnvironment,
    private readonly controllers: Controller[] = createControllers(),
  ) {
    store.subscribe((events) => {
      for (const event of events) {
        for (const controller of this.controllers) {
          for (const key of controller.keysFor(event)) this.enqueue(controller, key);
        }
      }
    });
  }

  /** After a request: make sure queued work gets an alarm. */
  async flush(): Promise<void> {
    if (this.queue.size || !this.resynced) await this.env.wake(this.env.now());
  }

  /** Drain the queue (and due delayed keys). Returns when the alarm should next fire, if at all. */
  run(now: number): number | undefined {
    const ctx: ControllerContext = { registry: this.registry, table: this.table, now };
    if (!this.resynced) {
      this.resynced = true;
      for (const controller of this.controllers) for (const key of controller.resync(ctx)) this.enqueue(controller, key);
    }
    for (const [id, item] of this.delayed) {
      if (item.at <= now) {
        this.delayed.delete(id);
        this.enqueue(item.controller, item.key);
      }
    }
    let done = 0;
    while (this.queue.size && done < batchLimit) {
      const [id, item] = this.queue.entries().next().value!;
      this.queue.delete(id);
      done += 1;
      try {
        const result = item.controller.reconcile(item.key, ctx);
        this.failures.delete(id);
        if (result?.requeueAt !== undefined) this.delay(item.controller, item.key, result.requeueAt);
      } catch (error) {
        const attempts = (this.failures.get(id) ?? 0) + 1;
        this.failures.set(id, attempts);
        console.warn(`controller ${item.controller.name} failed on ${item.key} (attempt ${attempts}):`, error);
        this.delay(item.controller, item.key, now + Math.min(maxBackoffMs, 100 * 2 ** attempts));
      }
    }
    if (this.queue.size) return now;
    let next: number | undefined;
    for (const item of this.delayed.values()) next = next === undefined ? item.at : Math.min(next, item.at);
    return next;
  }

  private enqueue(controller: Controller, key: string): void {
    this.queue.set(`${controller.name}\n${key}`, { controller, key });
  }

  private delay(controller: Controller, key: string, at: number): void {
    const id = `${controller.name}\n${key}`;
    const existing = this.delayed.get(id);
    if (!existing || at < existing.at) this.delayed.set(id, { controller, key, at });
  }
}
