// The access logs of the cluster's programs: the lines a server printed for the connections it accepted, kept in
// memory by the run (container ID) that printed them, with the wall-clock time of each connection. A program's own
// output is a function of its spec and start; what it printed for a connection depends on who connected, so it is
// kept here, bounded, and never stored. A replayed connection (the same client run, moment and number) adds nothing.

export interface AccessLine {
  /** Wall-clock ms of the connection. */
  atMs: number;
  stream: "stdout" | "stderr";
  text: string;
}

export interface AccessLogLimits {
  /** Most lines kept per run (the oldest go first). */
  perRun: number;
  /** Most lines kept in all (the runs appended to least recently lose theirs first). */
  total: number;
}

/** Connections remembered per run that printed nothing (so that their replays stay silent too). */
const silentKeysPerRun = 500;

export const defaultAccessLogLimits: AccessLogLimits = { perRun: 2_000, total: 20_000 };

interface RunLog {
  lines: AccessLine[];
  /** The connection key of each line (parallel to `lines`). */
  keys: string[];
  /** Lines kept per connection key: a key is known while any of its lines is. */
  linesOf: Map<string, number>;
  /** Keys of connections that printed nothing, oldest first (bounded like the lines). */
  silent: Set<string>;
}

export class AccessLogStore {
  private readonly runs = new Map<string, RunLog>();
  private count = 0;

  constructor(private readonly limits: AccessLogLimits = defaultAccessLogLimits) {}

  /** Lines kept in all. */
  get size(): number {
    return this.count;
  }

  /** Has the connection `key` already been logged in `runId`'s log? */
  has(runId: string, key: string): boolean {
    const run = this.runs.get(runId);
    return !!run && (run.linesOf.has(key) || run.silent.has(key));
  }

  /** Add the lines a run printed for the connection `key` at `atMs`; nothing when that connection was logged already. */
  append(runId: string, key: string, atMs: number, lines: readonly { stream: "stdout" | "stderr"; text: string }[]): void {
    let run = this.runs.get(runId);
    if (run && (run.linesOf.has(key) || run.silent.has(key))) return;
    if (!run) run = { lines: [], keys: [], linesOf: new Map(), silent: new Set() };
    // Most recently appended last: the eviction order of `total`.
    this.runs.delete(runId);
    this.runs.set(runId, run);
    if (!lines.length) {
      run.silent.add(key);
      if (run.silent.size > silentKeysPerRun) run.silent.delete(run.silent.values().next().value!);
      return;
    }
    // Connections arrive roughly in time order; insert after every line at or before `atMs`.
    let at = run.lines.length;
    while (at > 0 && run.lines[at - 1]!.atMs > atMs) at--;
    run.lines.splice(at, 0, ...lines.map((l) => ({ atMs, stream: l.stream, text: l.text })));
    run.keys.splice(at, 0, ...lines.map(() => key));
    run.linesOf.set(key, lines.length);
    this.count += lines.length;
    this.trim(run, this.limits.perRun);
    for (const [id, other] of this.runs) {
      if (this.count <= this.limits.total) break;
      this.trim(other, Math.max(0, other.lines.length - (this.count - this.limits.total)));
      if (!other.lines.length && id !== runId) this.runs.delete(id);
    }
  }

  private trim(run: RunLog, keep: number): void {
    const drop = run.lines.length - keep;
    if (drop <= 0) return;
    run.lines.splice(0, drop);
    for (const key of run.keys.splice(0, drop)) {
      const left = (run.linesOf.get(key) ?? 1) - 1;
      if (left > 0) run.linesOf.set(key, left);
      else run.linesOf.delete(key);
    }
    this.count -= drop;
  }

  /** The lines of `runId` printed in [fromMs, untilMs), oldest first. */
  lines(runId: string, fromMs: number, untilMs: number): AccessLine[] {
    const run = this.runs.get(runId);
    if (!run) return [];
    return run.lines.filter((l) => l.atMs >= fromMs && l.atMs < untilMs);
  }

  /** Forget a run's lines (its container was removed). */
  forget(runId: string): void {
    const run = this.runs.get(runId);
    if (!run) return;
    this.count -= run.lines.length;
    this.runs.delete(runId);
  }
}
