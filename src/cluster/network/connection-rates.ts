// How many connections each running container answered lately: the rate a server's CPU rises with. In memory only,
// bounded (the last `perRun` moments of each run, the `runs` runs most recently answered); a replayed connection is
// not counted twice (the caller counts only connections its access log has not seen).

export class ConnectionRates {
  private readonly moments = new Map<string, number[]>();

  constructor(private readonly perRun = 1_000, private readonly runs = 2_000) {}

  /** `runId` answered a connection at wall-clock `atMs`. */
  record(runId: string, atMs: number): void {
    let list = this.moments.get(runId);
    if (list) this.moments.delete(runId);
    else list = [];
    this.moments.set(runId, list);
    let at = list.length;
    while (at > 0 && list[at - 1]! > atMs) at--;
    list.splice(at, 0, atMs);
    if (list.length > this.perRun) list.shift();
    if (this.moments.size > this.runs) this.moments.delete(this.moments.keys().next().value!);
  }

  /** Connections per second `runId` answered in the `windowMs` before `nowMs`. */
  perSecond(runId: string, nowMs: number, windowMs: number): number {
    const list = this.moments.get(runId);
    if (!list) return 0;
    let n = 0;
    for (let i = list.length - 1; i >= 0 && list[i]! > nowMs - windowMs; i--) if (list[i]! <= nowMs) n++;
    return n / (windowMs / 1000);
  }
}
