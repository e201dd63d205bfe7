// A process's stdin read from an InputStream over virtual time: what arrived by the process's clock, less what was
// read; `more()` says how long until the next chunk or the end of file.

import type { InputStream } from "../streams";
import type { Stdin } from "./state";

export class StreamStdin implements Stdin {
  private consumed = 0;

  /** `wallOffsetMs`: the wall-clock ms of the process's virtual time 0. */
  constructor(
    private readonly stream: InputStream,
    private readonly clock: { nowMs: number },
    private readonly wallOffsetMs: number,
  ) {}

  private get now(): number {
    return this.wallOffsetMs + this.clock.nowMs;
  }

  private arrived(): string {
    let text = "";
    for (const chunk of this.stream.chunks) {
      if (chunk.atWallMs > this.now) break;
      text += chunk.text;
    }
    return text;
  }

  get data(): string {
    return this.arrived().slice(this.consumed);
  }

  set data(rest: string) {
    this.consumed = Math.max(this.consumed, this.arrived().length - rest.length);
  }

  more(): number | undefined {
    const closed = this.stream.closedAtWallMs;
    if (closed !== undefined && closed <= this.now) return undefined;
    const next = this.stream.chunks.find((c) => c.atWallMs > this.now)?.atWallMs ?? Number.POSITIVE_INFINITY;
    return Math.min(next, closed ?? Number.POSITIVE_INFINITY) - this.now;
  }
}
