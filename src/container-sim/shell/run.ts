// Drives a program generator over virtual time, lazily: the simulation only advances as far as someone asks
// (logs up to now, a probe at some moment), and it never does more than a bounded amount of work.

import type { OutputLine } from "../types";
import { ExitSignal, LoopSignal, OomKillSignal, type Io, type Run, type Sink, type Stdin } from "./state";

/** Total work (commands run) one process may do before it is considered to spin silently forever. */
export const MAX_STEPS = 200_000;

export interface RunExit {
  atMs: number;
  code: number;
  oomKilled: boolean;
}

export class VirtualRun {
  readonly lines: OutputLine[] = [];
  exit: RunExit | undefined;
  /** True once the work budget ran out (an infinite busy loop): the process spins, printing nothing more. */
  stalled = false;
  readonly work = { steps: 0 };
  private readonly gen: Run<number>;
  private readonly partial = { stdout: "", stderr: "" };

  /**
   * `stdin`: the program's standard input (empty when absent). `beforeStep`: called before each step of the program
   * (the process makes there what happened beside it by the program's moment). `oomKillAtMs`: when the kernel's OOM
   * killer ends it.
   */
  constructor(
    readonly clock: { nowMs: number },
    start: (io: Io, work: { steps: number }) => Run<number>,
    stdin: Stdin = { data: "" },
    private readonly beforeStep?: () => void,
    private readonly oomKillAtMs = Infinity,
  ) {
    this.gen = start({ stdin, stdout: this.sink("stdout"), stderr: this.sink("stderr") }, this.work);
  }

  private sink(stream: "stdout" | "stderr"): Sink {
    return {
      write: (text) => {
        const parts = (this.partial[stream] + text).split("\n");
        this.partial[stream] = parts.pop() as string;
        for (const line of parts) this.lines.push({ atMs: this.clock.nowMs, stream, text: line });
      },
    };
  }

  get finished(): boolean {
    return this.exit !== undefined || this.stalled || this.clock.nowMs === Infinity;
  }

  /**
   * Run until virtual time passes `toMs` (or reaches it, when not `inclusive`), the program ends, or `budget`
   * more steps were taken.
   */
  advance(toMs: number, inclusive: boolean, budget = MAX_STEPS): void {
    const limit = this.work.steps + budget;
    while (!this.finished) {
      const now = this.clock.nowMs;
      if (now >= this.oomKillAtMs) {
        this.finish(137, true);
        return;
      }
      if (now > toMs || (!inclusive && now >= toMs)) return;
      if (this.work.steps >= limit) return;
      if (this.work.steps >= MAX_STEPS) {
        this.stalled = true;
        return;
      }
      this.beforeStep?.();
      let result: IteratorResult<unknown, number>;
      try {
        result = this.gen.next();
      } catch (e) {
        if (e instanceof ExitSignal) this.finish(e.code, false);
        else if (e instanceof OomKillSignal) this.finish(137, true);
        else if (e instanceof LoopSignal) this.finish(0, false);
        else throw e;
        return;
      }
      if (result.done) this.finish(result.value, false);
      else {
        const effect = result.value as { type: string; ms?: number };
        if (effect.type === "sleep") this.clock.nowMs = Math.min(this.clock.nowMs + (effect.ms ?? 0), this.oomKillAtMs);
      }
    }
  }

  private finish(code: number, oomKilled: boolean): void {
    for (const stream of ["stdout", "stderr"] as const) {
      if (this.partial[stream]) this.lines.push({ atMs: this.clock.nowMs, stream, text: this.partial[stream], unterminated: true });
      this.partial[stream] = "";
    }
    this.exit = { atMs: this.clock.nowMs, code, oomKilled };
  }
}
