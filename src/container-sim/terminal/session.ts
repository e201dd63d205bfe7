// A program run on a pseudo-terminal (`kubectl exec -it`, `attach -it`): the line discipline between the keys typed
// and the program's stdin, and the program driven over virtual time as far as the caller's clock has come. What it
// writes (stdout and stderr are the one terminal) is kept with the moment it was written, so the caller can pace it.
// Deterministic: the same keys at the same moments give the same screen.

import { InterruptSignal } from "../shell/interactive";
import { ExitSignal, LoopSignal, OomKillSignal, type Io, type Run, type Stdin } from "../shell/state";
import { LineDiscipline, onlcr } from "./line-discipline";

/** Commands a program may run at one virtual moment before it counts as spinning (a busy loop): Ctrl-C stops it. */
const SPIN_STEPS = 20_000;

/** A program on a terminal, as its caller drives it: keys in, screen bytes out, both at virtual ms of the container. */
export interface Terminal {
  /** Keys typed at `atMs` (not before the last call's moment). */
  type(keys: string, atMs: number): void;
  /** The client's terminal size (a resize message). */
  resize(width: number, height: number): void;
  /** What the screen got by `atMs` that was not read yet (CRLF line ends). */
  read(atMs: number): string;
  /** When the program next writes or ends by itself (a sleep's end); undefined when it only waits for keys. */
  readonly nextAtMs: number | undefined;
  /** Its end: the exit code and the moment. */
  readonly exit: { atMs: number; code: number } | undefined;
}

type Suspension = { kind: "input" } | { kind: "sleep"; untilMs: number };

export class TerminalSession implements Terminal {
  private readonly discipline = new LineDiscipline();
  private readonly screen: { atMs: number; text: string }[] = [];
  private readonly gen: Run<number>;
  private suspended: Suspension | undefined;
  private typed = "";
  /** Ctrl-D was typed: the next read that finds nothing returns end of file (once, as a terminal's read does). */
  private endOfFile = false;
  /** The program asked for more input just before it yielded (its sleep is a wait for keys). */
  private askedForInput = false;
  exit: { atMs: number; code: number } | undefined;

  /**
   * `start` builds the program on the terminal's Io; `clock` is its virtual time (ms since the container started),
   * `work` the counter its shell steps on, `atMs` the moment it starts.
   */
  constructor(
    start: (io: Io) => Run<number>,
    private readonly clock: { nowMs: number },
    private readonly work: { steps: number },
    atMs: number,
  ) {
    this.clock.nowMs = atMs;
    const sink = { write: (text: string) => this.write(text) };
    this.gen = start({ stdin: this.stdin(), stdout: sink, stderr: sink });
    this.advance(atMs);
  }

  private stdin(): Stdin {
    const self = this;
    return {
      get data() {
        return self.typed;
      },
      set data(rest: string) {
        self.typed = rest;
      },
      more() {
        if (self.endOfFile && self.typed === "") {
          self.endOfFile = false;
          return undefined;
        }
        if (self.endOfFile) return undefined;
        self.askedForInput = true;
        return Number.POSITIVE_INFINITY;
      },
    };
  }

  private write(text: string): void {
    if (text) this.screen.push({ atMs: this.clock.nowMs, text: onlcr(text) });
  }

  get size(): { width: number; height: number } {
    return this.discipline.size;
  }

  resize(width: number, height: number): void {
    this.discipline.size = { width, height };
  }

  get nextAtMs(): number | undefined {
    if (this.exit || this.suspended?.kind !== "sleep" || this.suspended.untilMs === Number.POSITIVE_INFINITY) return undefined;
    return this.suspended.untilMs;
  }

  type(keys: string, atMs: number): void {
    this.advance(atMs);
    if (this.exit) return;
    this.clock.nowMs = Math.max(this.clock.nowMs, atMs);
    const typed = this.discipline.type(keys);
    if (typed.echo) this.screen.push({ atMs: this.clock.nowMs, text: typed.echo });
    if (typed.interrupt) {
      this.typed = "";
      this.resume((gen) => gen.throw(new InterruptSignal()));
    }
    this.typed += typed.lines.join("");
    if (typed.endOfFile) this.endOfFile = true;
    if (this.suspended?.kind === "input" && (this.typed.length > 0 || this.endOfFile)) this.suspended = undefined;
    this.advance(atMs);
  }

  read(atMs: number): string {
    return this.readTimed(atMs)
      .map((w) => w.text)
      .join("");
  }

  /** What the screen got by `atMs` that was not read yet, write by write with its moment. */
  readTimed(atMs: number): { atMs: number; text: string }[] {
    this.advance(atMs);
    let n = 0;
    while (n < this.screen.length && this.screen[n]!.atMs <= atMs) n++;
    return this.screen.splice(0, n);
  }

  /** Run the program until it waits past `toMs` (a sleep), waits for keys, or ends. */
  private advance(toMs: number): void {
    // The shell's step counter only bounds this call's work (a session may run any number of commands).
    this.work.steps = 0;
    const budget = SPIN_STEPS;
    while (!this.exit) {
      const s = this.suspended;
      if (s?.kind === "input") {
        if (Number.isFinite(toMs)) this.clock.nowMs = Math.max(this.clock.nowMs, toMs);
        return;
      }
      if (s?.kind === "sleep") {
        if (s.untilMs > toMs) return;
        this.clock.nowMs = s.untilMs;
        this.suspended = undefined;
      }
      if (this.work.steps >= budget) {
        // Spinning without ever sleeping: it runs on (printing nothing more) until Ctrl-C.
        this.suspended = { kind: "sleep", untilMs: Number.POSITIVE_INFINITY };
        return;
      }
      this.resume((gen) => gen.next());
    }
  }

  /** One step of the program (`next`, or a signal thrown in where it waits), and what it then waits for. */
  private resume(step: (gen: Run<number>) => IteratorResult<unknown, number>): void {
    if (this.exit) return;
    this.suspended = undefined;
    this.askedForInput = false;
    let result: IteratorResult<unknown, number>;
    try {
      result = step(this.gen);
    } catch (error) {
      if (error instanceof ExitSignal) this.finish(error.code);
      else if (error instanceof InterruptSignal) this.finish(130);
      else if (error instanceof OomKillSignal) this.finish(137);
      else if (error instanceof LoopSignal) this.finish(0);
      else throw error;
      return;
    }
    if (result.done) {
      this.finish(result.value);
      return;
    }
    const effect = result.value as { type: string; ms?: number };
    if (effect.type !== "sleep" || !effect.ms) return;
    if (effect.ms === Number.POSITIVE_INFINITY && this.askedForInput) this.suspended = { kind: "input" };
    else this.suspended = { kind: "sleep", untilMs: this.clock.nowMs + effect.ms };
  }

  private finish(code: number): void {
    this.exit = { atMs: this.clock.nowMs, code };
  }
}
