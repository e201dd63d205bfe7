// How many connections each running container answered lately: the rate a server's CPU rises with. In memory only,
// bounded (per-second counts over the last `keepSeconds` of each run's newest connection, for the `runs` runs most
// recently answered); a replayed connection is not counted twice (the caller counts only connections its access log
// has not seen).

export class ConnectionRates {
  /** Per run: connections by wall-clock second. */
  private readonly counts = new Map<string, Map<number, number>>();

  constructor(private readonly keepSeconds = 120, private readonly runs = 2_000) {}

  /** `runId` answered a connection at wall-clock `atMs`. */
  record(runId: string, atMs: number): void {
    let seconds = this.counts.get(runId);
    if (seconds) this.counts.delete(runId);
    else seconds = new Map();
    this.counts.set(runId, seconds);
    const second = Math.floor(atMs / 1000);
    seconds.set(second, (seconds.get(second) ?? 0) + 1);
    if (seconds.size > this.keepSeconds) {
      const newest = Math.max(...seconds.keys());
      for (const s of seconds.keys()) if (s <= newest - this.keepSeconds) seconds.delete(s);
    }
    if (this.counts.size > this.runs) this.counts.delete(this.counts.keys().next().value!);
  }

  /** Connections per second `runId` answered in the whole seconds of the `windowMs` before `nowMs`. */
  perSecond(runId: string, nowMs: number, windowMs: number): number {
    const seconds = this.counts.get(runId);
    if (!seconds) return 0;
    const last = Math.floor(nowMs / 1000);
    const span = Math.max(1, Math.round(windowMs / 1000));
    let n = 0;
    for (const [s, count] of seconds) if (s < last && s >= last - span) n += count;
    return n / span;
  }
}
