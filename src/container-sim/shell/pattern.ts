// Shell patterns (globs) as regular expressions: `*`, `?`, bracket expressions with `!`/`^` and POSIX classes;
// quoted text matches literally. Also the POSIX classes inside `=~` regular expressions.

/** A piece of an expanded pattern: quoted pieces match literally. */
export interface PatternPiece {
  text: string;
  quoted: boolean;
}

const escape = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");

const CLASSES: Record<string, string> = {
  alpha: "a-zA-Z", digit: "0-9", alnum: "a-zA-Z0-9", upper: "A-Z", lower: "a-z", space: " \\t\\n\\r\\f\\v",
  blank: " \\t", punct: "!-\\/:-@\\[-`{-~", xdigit: "0-9A-Fa-f", word: "\\w", print: " -~", graph: "!-~", cntrl: "\\x00-\\x1f",
};

/** `[:digit:]` and the like inside a bracket expression, as JavaScript class ranges. */
export function posixClasses(text: string): string {
  return text.replace(/\[:([a-z]+):\]/g, (m, name: string) => CLASSES[name] ?? m);
}

/** The regular expression source (unanchored) of a glob made of `pieces`. */
export function globSource(pieces: PatternPiece[]): string {
  let out = "";
  for (const { text, quoted } of pieces) {
    if (quoted) {
      out += escape(text);
      continue;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === "*") out += "[\\s\\S]*";
      else if (c === "?") out += "[\\s\\S]";
      else if (c === "\\" && i + 1 < text.length) out += escape(text[++i]);
      else if (c === "[") {
        const close = closingBracket(text, i);
        if (close < 0) out += "\\[";
        else {
          let body = text.slice(i + 1, close);
          if (body.startsWith("!") || body.startsWith("^")) body = `^${body.slice(1)}`;
          out += `[${posixClasses(body)}]`;
          i = close;
        }
      } else out += escape(c);
    }
  }
  return out;
}

function closingBracket(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text.startsWith("[:", i)) {
      const end = text.indexOf(":]", i + 2);
      if (end > 0) {
        i = end + 1;
        continue;
      }
    }
    if (text[i] === "]" && i > open + 1) return i;
  }
  return -1;
}

/** Does `text` match the whole glob? */
export function globMatches(text: string, pieces: PatternPiece[]): boolean {
  return new RegExp(`^(?:${globSource(pieces)})$`).test(text);
}

/** `${v#p}` (shortest prefix), `##` (longest), `%` (shortest suffix), `%%` (longest): `text` without the match. */
export function removeAffix(text: string, pieces: PatternPiece[], op: string): string {
  const re = new RegExp(`^(?:${globSource(pieces)})$`);
  const n = text.length;
  if (op === "#") for (let i = 0; i <= n; i++) if (re.test(text.slice(0, i))) return text.slice(i);
  if (op === "##") for (let i = n; i >= 0; i--) if (re.test(text.slice(0, i))) return text.slice(i);
  if (op === "%") for (let i = n; i >= 0; i--) if (re.test(text.slice(i))) return text.slice(0, i);
  if (op === "%%") for (let i = 0; i <= n; i++) if (re.test(text.slice(i))) return text.slice(0, i);
  return text;
}

/** `${v/p/r}` (first), `//` (all), `/#` (at the start), `/%` (at the end): the longest match replaced. */
export function replacePattern(text: string, pieces: PatternPiece[], replacement: string, op: string): string {
  const source = globSource(pieces);
  if (source === "") return text;
  const re = new RegExp(op === "/#" ? `^(?:${source})` : op === "/%" ? `(?:${source})$` : source, op === "//" ? "g" : "");
  return text.replace(re, () => replacement);
}
