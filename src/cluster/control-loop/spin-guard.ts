// The bound on a control loop that spins. A reconcile that asks to run again at once (in the past or within a few
// milliseconds) without writing anything has nothing new to look at the next time, so it will ask again: its key
// keeps the alarm due forever (issue 9: 135 alarms/s for a stuck rollout). A short chain of quick passes is allowed
// (a pod's steps in the fast pace); beyond it the key is pushed back with a doubling delay and logged once, until it
// writes or asks for a later time. Such a key is a controller bug; tests catch it (test/helpers/control-loop.ts).

/** A requeue at most this far ahead of the pass counts as "at once". */
export const spinWindowMs = 5;
/** Passes at once, without writing, that a key may take before it is pushed back. */
export const toleratedPasses = 5;
const firstDelayMs = 100;
const maxDelayMs = 60_000;

export class SpinGuard {
  /** Consecutive passes at once without a write, per queue id; only keys on such a streak are here. */
  private readonly streaks = new Map<string, number>();

  constructor(private readonly log: (message: string) => void = (message) => console.warn(message)) {}

  /** When `id` should really run again, given what its reconcile asked for and whether it wrote anything. */
  next(id: string, requeueAt: number, now: number, wrote: boolean): number {
    if (wrote || requeueAt > now + spinWindowMs) {
      this.streaks.delete(id);
      return requeueAt;
    }
    const streak = (this.streaks.get(id) ?? 0) + 1;
    this.streaks.set(id, streak);
    if (streak <= toleratedPasses) return requeueAt;
    const delay = Math.min(maxDelayMs, firstDelayMs * 2 ** Math.min(30, streak - toleratedPasses - 1));
    if (streak === toleratedPasses + 1) {
      this.log(
        `control loop: ${id.replace("\n", " ")} asked to run again at once ${streak} times without writing anything; ` +
          `pushing it back (${delay} ms, doubling up to ${maxDelayMs} ms) until it writes or asks for a later time`,
      );
    }
    return now + delay;
  }

  /** The key finished (no requeue) or failed: its streak ends. */
  forget(id: string): void {
    this.streaks.delete(id);
  }

  reset(): void {
    this.streaks.clear();
  }
}
