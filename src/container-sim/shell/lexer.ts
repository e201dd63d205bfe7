// The shell's tokens: operators (with an optional file descriptor: `2>`), words (their parts, and their text when
// no quoting or expansion is in them), and the end of the script. Blanks, comments and line continuations are skipped.

import type { Dialect, List, Word, WordPart } from "./ast";
import { readExpansion } from "./expansion-syntax";
import { ShellSyntaxError } from "./syntax-error";

export type Token =
  | { type: "op"; value: string; fd?: number }
  | { type: "word"; word: Word; plain: string | undefined }
  | { type: "eof" };

const OPERATORS = ["&&", "||", ";;", ">>", ">&", "&>", "<<-", "<<", ";", "&", "|", "(", ")", "\n", ">", "<"];

/** A here-document whose body the lexer reads after the end of the line that names it. */
export interface PendingHeredoc {
  delimiter: string;
  stripTabs: boolean;
  expand: boolean;
  /** Filled in at the end of the line. */
  body: Word;
}
const META = new Set([" ", "\t", "\n", ";", "&", "|", "(", ")", "<", ">"]);

export const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** How a token reads in a syntax error message. */
export function describe(token: Token): string {
  if (token.type === "eof") return "end of file";
  if (token.type === "op") return token.value === "\n" ? "newline" : token.value;
  return token.plain ?? "word";
}

/** Reads tokens from `src` at `pos`; the parser built on it parses the commands a `$(...)` holds. */
export abstract class Lexer {
  pos = 0;
  private pending: PendingHeredoc[] = [];
  constructor(readonly src: string, readonly dialect: Dialect) {}

  /** Remember the position (and the here-documents waiting for their line's end); the function returns there. */
  mark(): () => void {
    const pos = this.pos;
    const pending = [...this.pending];
    return () => {
      this.pos = pos;
      this.pending = pending;
    };
  }

  /** A here-document named on this line: its body follows the line. */
  heredoc(delimiter: string, stripTabs: boolean, expand: boolean): PendingHeredoc {
    const doc: PendingHeredoc = { delimiter, stripTabs, expand, body: [] };
    this.pending.push(doc);
    return doc;
  }

  /** After a newline: read the bodies of the line's here-documents. */
  private readHeredocs(): void {
    for (const doc of this.pending) {
      const lines: string[] = [];
      while (this.pos < this.src.length) {
        const nl = this.src.indexOf("\n", this.pos);
        const end = nl < 0 ? this.src.length : nl;
        let line = this.src.slice(this.pos, end);
        this.pos = nl < 0 ? end : end + 1;
        if (doc.stripTabs) line = line.replace(/^\t+/, "");
        if (line === doc.delimiter) break;
        lines.push(line);
      }
      const text = lines.map((l) => `${l}\n`).join("");
      doc.body = doc.expand ? heredocWord(this.sub(text)) : [{ kind: "lit", text, quoted: true }];
    }
    this.pending = [];
  }

  /** Parse the commands of `$(...)` from `pos` (just after its `(`), through its `)`. */
  abstract parseCommandSubstitution(): List;
  /** Parse a whole script (a backquoted command). */
  abstract parseNested(text: string): List;
  /** A reader of another text (the operand of `${VAR:-operand}`). */
  abstract sub(text: string): Lexer;

  /** Skip blanks (not newlines); true when the source then continues with `text`. */
  atRaw(text: string): boolean {
    while (this.pos < this.src.length && (this.src[this.pos] === " " || this.src[this.pos] === "\t")) this.pos++;
    return this.src.startsWith(text, this.pos);
  }

  /**
   * The operand of `=~` in `[[ ]]`: read up to a blank outside parentheses; unquoted text (regular expression
   * syntax) is kept unquoted, quoted text quoted (matched literally).
   */
  readRegexWord(): Word {
    const src = this.src;
    const parts: WordPart[] = [];
    const lit = (text: string, quoted: boolean) => {
      const last = parts[parts.length - 1];
      if (last && last.kind === "lit" && last.quoted === quoted) last.text += text;
      else parts.push({ kind: "lit", text, quoted });
    };
    this.atRaw("");
    let depth = 0;
    while (this.pos < src.length) {
      const c = src[this.pos];
      if (depth === 0 && (c === " " || c === "\t" || c === "\n")) break;
      if (c === "(") depth++;
      if (c === ")") depth--;
      if (c === "\\") {
        lit(src[this.pos + 1] ?? "", true);
        this.pos += 2;
      } else if (c === "'" || c === '"') {
        const end = src.indexOf(c, this.pos + 1);
        if (end < 0) throw new ShellSyntaxError(`syntax error: unterminated quoted string`);
        lit(src.slice(this.pos + 1, end), true);
        this.pos = end + 1;
      } else if (c === "$") {
        const part = readExpansion(this, true);
        if (part) parts.push(part);
        else lit("$", false);
      } else {
        lit(c, false);
        this.pos++;
      }
    }
    return parts;
  }

  peek(): Token {
    const back = this.mark();
    const token = this.next();
    back();
    return token;
  }

  next(): Token {
    const src = this.src;
    for (;;) {
      while (this.pos < src.length && (src[this.pos] === " " || src[this.pos] === "\t")) this.pos++;
      if (src.startsWith("\\\n", this.pos)) {
        this.pos += 2;
        continue;
      }
      if (src[this.pos] === "#") {
        while (this.pos < src.length && src[this.pos] !== "\n") this.pos++;
        continue;
      }
      break;
    }
    if (this.pos >= src.length) return { type: "eof" };
    const fdMatch = /^(\d)(>>|>&|>|<)/.exec(src.slice(this.pos, this.pos + 4));
    if (fdMatch) {
      this.pos += fdMatch[0].length;
      return { type: "op", value: fdMatch[2], fd: Number(fdMatch[1]) };
    }
    for (const op of OPERATORS) {
      if (src.startsWith(op, this.pos)) {
        this.pos += op.length;
        if (op === "\n" && this.pending.length) this.readHeredocs();
        return { type: "op", value: op };
      }
    }
    return this.readWord();
  }

  private readWord(): Token {
    const src = this.src;
    const parts: WordPart[] = [];
    const start = this.pos;
    let allPlain = true;
    const lit = (text: string, quoted: boolean) => {
      const last = parts[parts.length - 1];
      if (last && last.kind === "lit" && last.quoted === quoted) last.text += text;
      else parts.push({ kind: "lit", text, quoted });
    };
    while (this.pos < src.length && !META.has(src[this.pos])) {
      const c = src[this.pos];
      if (c === "\\") {
        allPlain = false;
        if (this.pos + 1 < src.length) lit(src[this.pos + 1], true);
        this.pos += 2;
      } else if (c === "'") {
        allPlain = false;
        const end = src.indexOf("'", this.pos + 1);
        if (end < 0) throw new ShellSyntaxError(`syntax error: unterminated quoted string`);
        lit(src.slice(this.pos + 1, end), true);
        // An empty '' must still produce a (quoted, empty) field.
        if (end === this.pos + 1) parts.push({ kind: "lit", text: "", quoted: true });
        this.pos = end + 1;
      } else if (c === '"') {
        allPlain = false;
        this.pos++;
        let empty = true;
        while (this.pos < src.length && src[this.pos] !== '"') {
          empty = false;
          const d = src[this.pos];
          if (d === "\\" && '$`"\\\n'.includes(src[this.pos + 1] ?? "")) {
            if (src[this.pos + 1] !== "\n") lit(src[this.pos + 1], true);
            this.pos += 2;
          } else if (d === "$" || d === "`") {
            parts.push(readExpansion(this, true) ?? { kind: "lit", text: d, quoted: true });
          } else {
            lit(d, true);
            this.pos++;
          }
        }
        if (this.pos >= src.length) throw new ShellSyntaxError(`syntax error: unterminated quoted string`);
        if (empty) parts.push({ kind: "lit", text: "", quoted: true });
        this.pos++;
      } else if (c === "$" || c === "`") {
        const part = readExpansion(this, false);
        if (part) {
          allPlain = false;
          parts.push(part);
        } else lit(c, false);
      } else {
        lit(c, false);
        this.pos++;
      }
    }
    const plain = allPlain ? src.slice(start, this.pos) : undefined;
    return { type: "word", word: parts, plain };
  }
}

/** An expanding here-document's text: parameters, command substitutions and `\\$` escapes, no quote removal. */
function heredocWord(lx: Lexer): Word {
  const src = lx.src;
  const parts: WordPart[] = [];
  const lit = (text: string) => {
    const last = parts[parts.length - 1];
    if (last && last.kind === "lit") last.text += text;
    else parts.push({ kind: "lit", text, quoted: true });
  };
  while (lx.pos < src.length) {
    const c = src[lx.pos];
    if (c === "\\" && "$`\\".includes(src[lx.pos + 1] ?? "")) {
      lit(src[lx.pos + 1]);
      lx.pos += 2;
    } else if (c === "\\" && src[lx.pos + 1] === "\n") lx.pos += 2;
    else if (c === "$" || c === "`") {
      const part = readExpansion(lx, true);
      if (part) parts.push(part);
      else lit(c);
    } else {
      lit(c);
      lx.pos++;
    }
  }
  return parts;
}
