// A pseudo-terminal's line discipline in canonical mode, as Linux sets a container's pty up (icrnl, echo, echoe,
// echok, echoctl, isig; onlcr on output): bytes a client types come in, lines for the program and the echo for the
// screen come out. kubectl puts the local terminal in raw mode, so every key arrives as its byte: Enter is CR,
// Backspace is DEL, Ctrl-C is ETX, Ctrl-D is EOT, Ctrl-U is NAK, arrows are escape sequences. Pure.

/** What one burst of typed bytes did. */
export interface TypedInput {
  /** What the terminal shows back at once (already in output form: CRLF). */
  echo: string;
  /** Whole lines (each ending in "\n") the program may now read, in order. */
  lines: string[];
  /** Ctrl-C was typed: the foreground program gets SIGINT (the pending line and unread lines are dropped). */
  interrupt: boolean;
  /** Ctrl-D on an empty line: the program reads end of file. */
  endOfFile: boolean;
}

const ETX = 0x03; // Ctrl-C
const EOT = 0x04; // Ctrl-D
const BS = 0x08;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const NAK = 0x15; // Ctrl-U
const ETB = 0x17; // Ctrl-W
const ESC = 0x1b;
const DEL = 0x7f;

/** Output post-processing (onlcr): every "\n" the program writes reaches the screen as "\r\n". */
export function onlcr(text: string): string {
  return text.replace(/\r?\n/g, "\r\n");
}

export class LineDiscipline {
  /** The line being edited (not yet readable by the program). */
  private pending = "";
  /** Inside an escape sequence (ESC, then `[` or `O` and parameters up to a final byte): ignored, not echoed. */
  private escape: "none" | "start" | "sequence" = "none";
  /** The terminal's size as the client last reported it (channel 4). */
  size = { width: 0, height: 0 };

  /** The line typed so far (what Ctrl-U would erase). */
  get line(): string {
    return this.pending;
  }

  type(text: string): TypedInput {
    const out: TypedInput = { echo: "", lines: [], interrupt: false, endOfFile: false };
    for (const ch of text) {
      const code = ch.codePointAt(0)!;
      if (this.escape !== "none") {
        this.skipEscape(ch);
        continue;
      }
      switch (code) {
        case ESC:
          this.escape = "start";
          break;
        case CR:
        case LF:
          out.echo += "\r\n";
          out.lines.push(`${this.pending}\n`);
          this.pending = "";
          break;
        case DEL:
        case BS:
          out.echo += this.erase(1);
          break;
        case NAK:
          out.echo += this.erase([...this.pending].length);
          break;
        case ETB:
          out.echo += this.erase([...(/\S*\s*$/.exec(this.pending)?.[0] ?? "")].length);
          break;
        case ETX:
          out.echo += "^C";
          out.interrupt = true;
          out.lines = [];
          this.pending = "";
          break;
        case EOT:
          // At the start of a line the read returns nothing: end of file. Mid-line it hands over the line so far,
          // which an interactive shell's line editor ignores: so does this terminal.
          if (this.pending === "") out.endOfFile = true;
          break;
        case TAB:
          // No completion: a tab is not inserted (a shell's line editor would try to complete).
          break;
        default:
          if (code < 0x20) break; // other control keys do nothing here
          this.pending += ch;
          out.echo += ch;
      }
      if (out.endOfFile) break;
    }
    return out;
  }

  /** Erase the last `count` characters of the pending line, as the screen shows it (echoe: "\b \b" each). */
  private erase(count: number): string {
    const chars = [...this.pending];
    const n = Math.min(count, chars.length);
    this.pending = chars.slice(0, chars.length - n).join("");
    return "\b \b".repeat(n);
  }

  private skipEscape(ch: string): void {
    if (this.escape === "start") {
      this.escape = ch === "[" || ch === "O" ? "sequence" : "none";
      return;
    }
    // Parameters and intermediates are 0x20–0x3f; the final byte (0x40–0x7e) ends the sequence.
    const code = ch.codePointAt(0)!;
    if (code >= 0x40 && code <= 0x7e) this.escape = "none";
  }
}
