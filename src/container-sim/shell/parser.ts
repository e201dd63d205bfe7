// A recursive-descent parser for the shell subset: simple commands with assignments and redirections, pipelines,
// `&&`/`||`, `;`/`&`/newlines, if/elif/else, while/until, for, `{ }` and `( )`, quoting, `$VAR`, `${VAR:-x}`,
// `$(...)`, backticks and `$((...))`. Unsupported syntax (case, functions, here-documents) is a syntax error.

import type { AndOr, Assignment, Command, List, Pipeline, Redirect, Word, WordPart } from "./ast";

export class ShellSyntaxError extends Error {}

type Token =
  | { type: "op"; value: string; fd?: number }
  | { type: "word"; word: Word; plain: string | undefined }
  | { type: "eof" };

const OPERATORS = ["&&", "||", ";;", ">>", ">&", "&>", "<<", ";", "&", "|", "(", ")", "\n", ">", "<"];
const META = new Set([" ", "\t", "\n", ";", "&", "|", "(", ")", "<", ">"]);
const SPECIAL_PARAMS = new Set(["?", "$", "#", "@", "*", "!", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "-"]);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Parse a script (the argument of `sh -c`, or a script file) into a list of commands. */
export function parseScript(source: string): List {
  const parser = new Parser(source);
  const list = parser.parseList(new Set());
  const next = parser.peek();
  if (next.type !== "eof") throw new ShellSyntaxError(`syntax error: unexpected "${describe(next)}"`);
  return list;
}

function describe(token: Token): string {
  if (token.type === "eof") return "end of file";
  if (token.type === "op") return token.value === "\n" ? "newline" : token.value;
  return token.plain ?? "word";
}

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  peek(): Token {
    const saved = this.pos;
    const token = this.next();
    this.pos = saved;
    return token;
  }

  private isReserved(token: Token, words: Iterable<string>): boolean {
    if (token.type !== "word" || token.plain === undefined) return false;
    for (const w of words) if (token.plain === w) return true;
    return false;
  }

  /** Parse and-or lists until EOF, `)` or one of `stop` (reserved words) in command position. */
  parseList(stop: Set<string>): List {
    const list: List = [];
    for (;;) {
      this.skipNewlines();
      const token = this.peek();
      if (token.type === "eof" || (token.type === "op" && token.value === ")") || this.isReserved(token, stop)) break;
      const andOr = this.parseAndOr();
      list.push(andOr);
      const sep = this.peek();
      if (sep.type === "op" && (sep.value === ";" || sep.value === "&" || sep.value === "\n")) {
        this.next();
        if (sep.value === "&") andOr.background = true;
        continue;
      }
      break;
    }
    return list;
  }

  private skipNewlines(): void {
    for (;;) {
      const t = this.peek();
      if (t.type === "op" && t.value === "\n") this.next();
      else return;
    }
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: AndOr["rest"] = [];
    for (;;) {
      const t = this.peek();
      if (t.type === "op" && (t.value === "&&" || t.value === "||")) {
        this.next();
        this.skipNewlines();
        rest.push({ op: t.value, pipeline: this.parsePipeline() });
      } else break;
    }
    return { first, rest, background: false };
  }

  private parsePipeline(): Pipeline {
    let negated = false;
    if (this.isReserved(this.peek(), ["!"])) {
      this.next();
      negated = true;
    }
    const commands: Command[] = [this.parseCommand()];
    for (;;) {
      const t = this.peek();
      if (t.type === "op" && t.value === "|") {
        this.next();
        this.skipNewlines();
        commands.push(this.parseCommand());
      } else break;
    }
    return { negated, commands };
  }

  private expectWord(word: string): void {
    this.skipNewlines();
    const t = this.next();
    if (t.type !== "word" || t.plain !== word) {
      throw new ShellSyntaxError(`syntax error: unexpected ${t.type === "eof" ? "end of file" : `"${describe(t)}"`} (expecting "${word}")`);
    }
  }

  private parseCommand(): Command {
    const t = this.peek();
    if (t.type === "op" && t.value === "(") {
      this.next();
      const body = this.parseList(new Set());
      const close = this.next();
      if (close.type !== "op" || close.value !== ")") throw new ShellSyntaxError(`syntax error: unexpected end of file (expecting ")")`);
      return { kind: "group", body, subshell: true, redirects: this.parseRedirects() };
    }
    if (t.type === "word" && t.plain !== undefined) {
      switch (t.plain) {
        case "{": {
          this.next();
          const body = this.parseList(new Set(["}"]));
          this.expectWord("}");
          return { kind: "group", body, subshell: false, redirects: this.parseRedirects() };
        }
        case "if":
          return this.parseIf();
        case "while":
        case "until": {
          this.next();
          const cond = this.parseList(new Set(["do"]));
          this.expectWord("do");
          const body = this.parseList(new Set(["done"]));
          this.expectWord("done");
          return { kind: "loop", until: t.plain === "until", cond, body, redirects: this.parseRedirects() };
        }
        case "for":
          return this.parseFor();
        case "then": case "else": case "elif": case "fi": case "do": case "done": case "}": case "case": case "esac":
          throw new ShellSyntaxError(`syntax error: unexpected "${t.plain}"`);
      }
    }
    return this.parseSimple();
  }

  private parseIf(): Command {
    this.next();
    const clauses: { cond: List; body: List }[] = [];
    let elseBody: List | undefined;
    for (;;) {
      const cond = this.parseList(new Set(["then"]));
      this.expectWord("then");
      const body = this.parseList(new Set(["elif", "else", "fi"]));
      clauses.push({ cond, body });
      this.skipNewlines();
      const t = this.next();
      if (t.type === "word" && t.plain === "elif") continue;
      if (t.type === "word" && t.plain === "else") {
        elseBody = this.parseList(new Set(["fi"]));
        this.expectWord("fi");
        break;
      }
      if (t.type === "word" && t.plain === "fi") break;
      throw new ShellSyntaxError(`syntax error: unexpected end of file (expecting "fi")`);
    }
    return { kind: "if", clauses, elseBody, redirects: this.parseRedirects() };
  }

  private parseFor(): Command {
    this.next();
    const nameToken = this.next();
    if (nameToken.type !== "word" || nameToken.plain === undefined || !NAME.test(nameToken.plain)) {
      throw new ShellSyntaxError(`syntax error: bad for loop variable`);
    }
    let items: Word[] | undefined;
    this.skipNewlines();
    if (this.isReserved(this.peek(), ["in"])) {
      this.next();
      items = [];
      for (;;) {
        const t = this.peek();
        if (t.type !== "word") break;
        this.next();
        items.push(t.word);
      }
    }
    const sep = this.peek();
    if (sep.type === "op" && (sep.value === ";" || sep.value === "\n")) this.next();
    this.expectWord("do");
    const body = this.parseList(new Set(["done"]));
    this.expectWord("done");
    return { kind: "for", name: nameToken.plain, items, body, redirects: this.parseRedirects() };
  }

  private parseRedirects(): Redirect[] {
    const redirects: Redirect[] = [];
    for (;;) {
      const r = this.tryRedirect();
      if (!r) return redirects;
      redirects.push(...r);
    }
  }

  private tryRedirect(): Redirect[] | undefined {
    const t = this.peek();
    if (t.type !== "op" || ![">", ">>", "<", ">&", "&>", "<<"].includes(t.value)) return undefined;
    if (t.value === "<<") throw new ShellSyntaxError("here-documents are not supported");
    this.next();
    const target = this.next();
    if (target.type !== "word") throw new ShellSyntaxError(`syntax error: unexpected "${describe(target)}"`);
    if (t.value === "&>") {
      return [
        { op: ">", fd: 1, target: target.word },
        { op: ">&", fd: 2, target: [{ kind: "lit", text: "1", quoted: false }] },
      ];
    }
    const op = t.value as Redirect["op"];
    return [{ op, fd: t.fd ?? (op === "<" ? 0 : 1), target: target.word }];
  }

  private parseSimple(): Command {
    const assigns: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      const r = this.tryRedirect();
      if (r) {
        redirects.push(...r);
        continue;
      }
      const t = this.peek();
      if (t.type !== "word") break;
      this.next();
      const assignment = words.length === 0 ? asAssignment(t.word) : undefined;
      if (assignment) assigns.push(assignment);
      else words.push(t.word);
    }
    if (assigns.length === 0 && words.length === 0 && redirects.length === 0) {
      throw new ShellSyntaxError(`syntax error: unexpected ${describe(this.peek())}`);
    }
    return { kind: "simple", assigns, words, redirects };
  }

  // ---- lexer ----

  private next(): Token {
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
            parts.push(this.readDollarOrBacktick(true) ?? { kind: "lit", text: d, quoted: true });
          } else {
            lit(d, true);
            this.pos++;
          }
        }
        if (this.pos >= src.length) throw new ShellSyntaxError(`syntax error: unterminated quoted string`);
        if (empty) parts.push({ kind: "lit", text: "", quoted: true });
        this.pos++;
      } else if (c === "$" || c === "`") {
        const part = this.readDollarOrBacktick(false);
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

  /** At `$` or a backtick: read one expansion, or return undefined (and advance past a lone `$`). */
  private readDollarOrBacktick(quoted: boolean): WordPart | undefined {
    const src = this.src;
    if (src[this.pos] === "`") {
      let end = this.pos + 1;
      let body = "";
      while (end < src.length && src[end] !== "`") {
        if (src[end] === "\\" && "`$\\".includes(src[end + 1] ?? "")) {
          body += src[end + 1];
          end += 2;
        } else body += src[end++];
      }
      if (end >= src.length) throw new ShellSyntaxError(`syntax error: unterminated backquote`);
      this.pos = end + 1;
      return { kind: "cmdsub", script: parseScript(body), quoted };
    }
    const next = src[this.pos + 1];
    if (src.startsWith("$((", this.pos)) {
      const end = findArithEnd(src, this.pos + 3);
      const expr = src.slice(this.pos + 3, end);
      this.pos = end + 2;
      return { kind: "arith", expr, quoted };
    }
    if (next === "(") {
      this.pos += 2;
      const script = this.parseList(new Set());
      const close = this.next();
      if (close.type !== "op" || close.value !== ")") throw new ShellSyntaxError(`syntax error: unexpected end of file (expecting ")")`);
      return { kind: "cmdsub", script, quoted };
    }
    if (next === "{") {
      const end = src.indexOf("}", this.pos + 2);
      if (end < 0) throw new ShellSyntaxError(`syntax error: bad substitution`);
      const inner = src.slice(this.pos + 2, end);
      this.pos = end + 1;
      if (inner.startsWith("#") && NAME.test(inner.slice(1))) return { kind: "param", name: inner.slice(1), op: "#", quoted };
      const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?$#@*!])(?:(:?[-=+?])(.*))?$/s.exec(inner);
      if (!m) throw new ShellSyntaxError(`syntax error: bad substitution`);
      const arg = m[2] !== undefined ? new Parser(m[3]).readArgWord() : undefined;
      return { kind: "param", name: m[1], op: m[2], arg, quoted };
    }
    if (next !== undefined && SPECIAL_PARAMS.has(next)) {
      this.pos += 2;
      return { kind: "param", name: next, quoted };
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(this.pos + 1));
    if (m) {
      this.pos += 1 + m[0].length;
      return { kind: "param", name: m[0], quoted };
    }
    this.pos++;
    return undefined;
  }

  /** The operand of `${VAR:-operand}`: the whole text is one word (spaces included). */
  private readArgWord(): Word {
    const parts: WordPart[] = [];
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === "$" || c === "`") {
        const part = this.readDollarOrBacktick(true);
        parts.push(part ?? { kind: "lit", text: "$", quoted: true });
      } else if (c === "'" || c === '"') {
        const end = this.src.indexOf(c, this.pos + 1);
        const stop = end < 0 ? this.src.length : end;
        parts.push({ kind: "lit", text: this.src.slice(this.pos + 1, stop), quoted: true });
        this.pos = stop + 1;
      } else {
        parts.push({ kind: "lit", text: c, quoted: true });
        this.pos++;
      }
    }
    return parts;
  }
}

function findArithEnd(src: string, from: number): number {
  let depth = 0;
  for (let i = from; i < src.length; i++) {
    if (src[i] === "(") depth++;
    else if (src[i] === ")") {
      if (depth === 0 && src[i + 1] === ")") return i;
      depth--;
    }
  }
  throw new ShellSyntaxError(`syntax error: unterminated arithmetic expression`);
}

function asAssignment(word: Word): Assignment | undefined {
  const first = word[0];
  if (!first || first.kind !== "lit" || first.quoted) return undefined;
  const eq = first.text.indexOf("=");
  if (eq <= 0 || !NAME.test(first.text.slice(0, eq))) return undefined;
  const rest = first.text.slice(eq + 1);
  const value: Word = rest ? [{ kind: "lit", text: rest, quoted: false }, ...word.slice(1)] : word.slice(1);
  return { name: first.text.slice(0, eq), value };
}
