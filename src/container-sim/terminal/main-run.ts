// A container's main process on its terminal (`tty: true` and `stdin: true`, as `kubectl run -it` makes it): the
// keys recorded on its stdin (kubectl attach) are typed at their moments, and what the terminal shows becomes the
// container's output: log lines, and the screen as written (prompts included) for an attach. Lazy, as VirtualRun is.

import type { InputStream } from "../streams";
import type { OutputLine } from "../types";
import type { Io, Run } from "../shell/state";
import type { RunExit } from "../shell/run";
import { TerminalSession } from "./session";

export class TerminalRun {
  readonly lines: OutputLine[] = [];
  /** Every write to the screen with its moment (ms since the start), CRLF line ends. */
  readonly screen: { atMs: number; text: string }[] = [];
  exit: RunExit | undefined;
  private readonly session: TerminalSession;
  private fed = 0;
  private closedFed = false;
  private partial = "";

  constructor(
    start: (io: Io) => Run<number>,
    clock: { nowMs: number },
    work: { steps: number },
    private readonly input: InputStream,
    private readonly startedAtWallMs: number,
  ) {
    this.session = new TerminalSession(start, clock, work, 0);
  }

  get finished(): boolean {
    return this.exit !== undefined;
  }

  advance(toMs: number): void {
    const chunks = this.input.chunks;
    while (this.fed < chunks.length && !this.exit) {
      const chunk = chunks[this.fed]!;
      const at = Math.max(0, chunk.atWallMs - this.startedAtWallMs);
      if (at > toMs) break;
      this.collect(at);
      this.session.type(chunk.text, at);
      this.fed++;
    }
    const closed = this.input.closedAtWallMs;
    if (closed !== undefined && !this.closedFed && this.fed >= chunks.length) {
      const at = Math.max(0, closed - this.startedAtWallMs);
      if (at <= toMs) {
        // The writer went (stdinOnce): the terminal hangs up, which an interactive shell reads as end of file.
        this.collect(at);
        this.session.type("\x15\x04", at);
        this.closedFed = true;
      }
    }
    this.collect(toMs);
    const exit = this.session.exit;
    if (exit && !this.exit) {
      if (this.partial) this.lines.push({ atMs: exit.atMs, stream: "stdout", text: this.partial });
      this.partial = "";
      this.exit = { atMs: exit.atMs, code: exit.code, oomKilled: false };
    }
  }

  private collect(toMs: number): void {
    for (const write of this.session.readTimed(toMs)) {
      this.screen.push(write);
      const parts = (this.partial + write.text).split("\r\n");
      this.partial = parts.pop()!;
      for (const text of parts) this.lines.push({ atMs: write.atMs, stream: "stdout", text });
    }
  }
}
