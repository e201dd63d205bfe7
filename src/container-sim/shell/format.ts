// Text formatting shared by commands: `date` output and formats, `printf`, and `echo -e` escapes.

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number, width = 2, fill = "0") => String(n).padStart(width, fill);

/** `date` in UTC: the default format (`Mon Jan  1 00:00:00 UTC 2024`) or a `+FORMAT`. */
export function formatDate(wallMs: number, format?: string): string {
  const d = new Date(wallMs);
  const fields: Record<string, string> = {
    Y: String(d.getUTCFullYear()),
    y: pad(d.getUTCFullYear() % 100),
    m: pad(d.getUTCMonth() + 1),
    d: pad(d.getUTCDate()),
    e: pad(d.getUTCDate(), 2, " "),
    H: pad(d.getUTCHours()),
    M: pad(d.getUTCMinutes()),
    S: pad(d.getUTCSeconds()),
    N: pad(d.getUTCMilliseconds() * 1_000_000, 9),
    s: String(Math.floor(wallMs / 1000)),
    a: DAYS[d.getUTCDay()],
    b: MONTHS[d.getUTCMonth()],
    Z: "UTC",
    z: "+0000",
    n: "\n",
    t: "\t",
    "%": "%",
  };
  fields.T = `${fields.H}:${fields.M}:${fields.S}`;
  fields.F = `${fields.Y}-${fields.m}-${fields.d}`;
  fields.D = `${fields.m}/${fields.d}/${fields.y}`;
  fields.R = `${fields.H}:${fields.M}`;
  const fmt = format ?? "%a %b %e %H:%M:%S %Z %Y";
  return fmt.replace(/%(.)/g, (m, c: string) => fields[c] ?? m);
}

/** Backslash escapes as `echo -e` and `printf` interpret them. Returns the text and whether `\c` stopped output. */
export function interpretEscapes(text: string): { text: string; stop: boolean } {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== "\\" || i === text.length - 1) {
      out += c;
      continue;
    }
    const n = text[++i];
    const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", a: "\x07", b: "\b", f: "\f", v: "\v", e: "\x1b" };
    if (n in simple) out += simple[n];
    else if (n === "c") return { text: out, stop: true };
    else if (n === "0") {
      const digits = /^[0-7]{0,3}/.exec(text.slice(i + 1))?.[0] ?? "";
      out += String.fromCharCode(Number.parseInt(digits || "0", 8));
      i += digits.length;
    } else out += `\\${n}`;
  }
  return { text: out, stop: false };
}

/** `printf FORMAT ARGS...`: %s %d %i %f %x %o %c %b %%, widths and precision; the format repeats for extra args. */
export function formatPrintf(format: string, args: string[]): { text: string; error?: string } {
  let out = "";
  let error: string | undefined;
  let argIndex = 0;
  const spec = /%([-+ 0#]*)(\d+|\*)?(?:\.(\d+))?([sdifxXocb%])/g;
  do {
    const startIndex = argIndex;
    const body = format.replace(spec, (_m, flags: string, width: string | undefined, precision: string | undefined, conv: string) => {
      if (conv === "%") return "%";
      const arg = args[argIndex++] ?? "";
      let text: string;
      switch (conv) {
        case "d":
        case "i": {
          const n = arg === "" ? 0 : Number.parseInt(arg, 10);
          if (Number.isNaN(n)) {
            error = `printf: invalid number '${arg}'`;
            text = "0";
          } else text = String(n);
          if (flags.includes("+") && n >= 0) text = `+${text}`;
          break;
        }
        case "f":
          text = (Number.parseFloat(arg) || 0).toFixed(precision === undefined ? 6 : Number(precision));
          break;
        case "x":
        case "X":
        case "o": {
          const s = (Number.parseInt(arg, 10) || 0).toString(conv === "o" ? 8 : 16);
          text = conv === "X" ? s.toUpperCase() : s;
          break;
        }
        case "c":
          text = arg.slice(0, 1);
          break;
        case "b":
          text = interpretEscapes(arg).text;
          break;
        default:
          text = precision === undefined ? arg : arg.slice(0, Number(precision));
      }
      const w = width === undefined || width === "*" ? 0 : Number(width);
      if (text.length < w) text = flags.includes("-") ? text.padEnd(w) : text.padStart(w, flags.includes("0") && conv !== "s" ? "0" : " ");
      return text;
    });
    out += interpretEscapes(body).text;
    if (argIndex === startIndex) break;
  } while (argIndex < args.length);
  return { text: out, error };
}
