// The recent past of the store, kept in memory like the apiserver's watch cache: every commit's events, in revision
// order, so a watch can resume from a resourceVersion it saw. It holds at most `maxEvents` events and about
// `maxBytes` of their JSON; older ones fall off and a watch from before the oldest kept revision gets 410 Expired.
// A restarted object starts with an empty history (every older starting point is expired).
import type { StoreEvent } from "./store";

export interface HistoryLimits {
  maxEvents: number;
  /** Budget for the JSON size of the events kept (their objects are mostly shared with the cache). */
  maxBytes: number;
}

export const defaultHistoryLimits: HistoryLimits = { maxEvents: 20_000, maxBytes: 16 * 1024 * 1024 };

export class History {
  /** events[i] has revision first + i: revisions are consecutive, each write spends exactly one. */
  private events: StoreEvent[] = [];
  private sizes: number[] = [];
  private head = 0;
  private bytes = 0;
  /** Revisions up to this one are gone. */
  private horizon: number;

  constructor(
    private readonly limits: HistoryLimits,
    revision: number,
  ) {
    this.horizon = revision;
  }

  /** The newest revision that is no longer replayable (a watch must start after it). */
  get compactedRevision(): number {
    return this.horizon;
  }

  get size(): number {
    return this.events.length - this.head;
  }

  /** Start over at `revision`, with nothing to replay. */
  reset(revision: number): void {
    this.events = [];
    this.sizes = [];
    this.head = 0;
    this.bytes = 0;
    this.horizon = revision;
  }

  /** Append an event whose JSON is `bytes` long; its revision must follow the previous one. */
  append(event: StoreEvent, bytes: number): void {
    this.events.push(event);
    this.sizes.push(bytes);
    this.bytes += bytes;
    this.trim(this.limits.maxEvents, this.limits.maxBytes);
  }

  /** Keep at most the newest `keep` events. Returns how many were dropped. */
  compact(keep: number): number {
    const before = this.size;
    this.trim(Math.max(0, keep), Infinity);
    return before - this.size;
  }

  /** Events after `afterRev` whose key starts with `prefix`, oldest first; "expired" when some were dropped. */
  since(afterRev: number, prefix: string): StoreEvent[] | "expired" {
    if (afterRev < this.horizon) return "expired";
    const out: StoreEvent[] = [];
    const first = this.horizon + 1;
    for (let i = this.head + Math.max(0, afterRev + 1 - first); i < this.events.length; i++) {
      const event = this.events[i];
      if (event.key.startsWith(prefix)) out.push(event);
    }
    return out;
  }

  private trim(maxEvents: number, maxBytes: number): void {
    while (this.size > maxEvents || (this.size > 1 && this.bytes > maxBytes)) {
      this.bytes -= this.sizes[this.head];
      this.horizon = this.events[this.head].rev;
      this.head += 1;
    }
    // Drop the consumed prefix now and then, so the arrays do not grow without bound.
    if (this.head > 1024 && this.head * 2 > this.events.length) {
      this.events = this.events.slice(this.head);
      this.sizes = this.sizes.slice(this.head);
      this.head = 0;
    }
  }
}
