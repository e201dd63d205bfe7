// A recursive-descent parser for the shell subset: simple commands with assignments and redirections, pipelines,
// `&&`/`||`, `;`/`&`/newlines, the compound commands of compound-syntax.ts, and words as lexer.ts reads them.
// Here-documents' bodies are read by the lexer at the end of their line.

import type { AndOr, Assignment, Command, Dialect, List, Pipeline, Redirect, Word } from "./ast";
import { arrayElement, asAssignment } from "./assignment-word";
import { parseBraceGroup, parseCase, parseFor, parseFunction, parseIf, parseLoop, parseSubshell } from "./compound-syntax";
import { parseArithmeticCommand, parseConditional } from "./conditional-syntax";
import { describe, Lexer, NAME, type Token } from "./lexer";
import { ShellSyntaxError, unexpected } from "./syntax-error";

/** bash's declaration commands: their operands are assignments (arrays included). */
const DECLARATIONS = new Set(["declare", "typeset", "local"]);

export { ShellSyntaxError };

/** Parse a script (the argument of `sh -c`, or a script file) into a list of commands, as `dialect` reads it. */
export function parseScript(source: string, dialect: Dialect = "bash"): List {
  const parser = new Parser(source, dialect);
  const list = parser.parseList(new Set());
  const next = parser.peek();
  if (next.type !== "eof") throw unexpected(describe(next));
  return list;
}

export class Parser extends Lexer {
  parseCommandSubstitution(): List {
    const script = this.parseList(new Set());
    const close = this.next();
    if (close.type !== "op" || close.value !== ")") throw new ShellSyntaxError(`syntax error: unexpected end of file (expecting ")")`);
    return script;
  }

  parseNested(text: string): List {
    return parseScript(text, this.dialect);
  }

  sub(text: string): Lexer {
    return new Parser(text, this.dialect);
  }

  isReserved(token: Token, words: Iterable<string>): boolean {
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
      if (token.type === "eof" || (token.type === "op" && (token.value === ")" || token.value === ";;")) || this.isReserved(token, stop)) break;
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

  skipNewlines(): void {
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

  expectWord(word: string): void {
    this.skipNewlines();
    const t = this.next();
    if (t.type !== "word" || t.plain !== word) {
      throw new ShellSyntaxError(`syntax error: unexpected ${t.type === "eof" ? "end of file" : `"${describe(t)}"`} (expecting "${word}")`);
    }
  }

  parseCommand(): Command {
    const t = this.peek();
    if (t.type === "op" && t.value === "(") {
      const back = this.mark();
      if (this.dialect === "bash" && this.atRaw("((")) return parseArithmeticCommand(this);
      back();
      return parseSubshell(this);
    }
    if (t.type === "word" && t.plain !== undefined) {
      if (NAME.test(t.plain) && this.followedByParens()) return parseFunction(this, false);
      switch (t.plain) {
        case "[[":
          if (this.dialect !== "dash") return parseConditional(this);
          break;
        case "function":
          if (this.dialect !== "dash") return parseFunction(this, true);
          break;
        case "{":
          return parseBraceGroup(this);
        case "if":
          return parseIf(this);
        case "while":
        case "until":
          return parseLoop(this, t.plain === "until");
        case "for":
          return parseFor(this);
        case "case":
          return parseCase(this);
        case "then": case "else": case "elif": case "fi": case "do": case "done": case "}": case "esac":
          throw unexpected(t.plain);
      }
    }
    return this.parseSimple();
  }

  /** The next word is followed by `()`: a function definition. */
  private followedByParens(): boolean {
    const back = this.mark();
    this.next();
    const open = this.next();
    const close = open.type === "op" && open.value === "(" ? this.next() : undefined;
    back();
    return close?.type === "op" && close.value === ")";
  }

  parseRedirects(): Redirect[] {
    const redirects: Redirect[] = [];
    for (;;) {
      const r = this.tryRedirect();
      if (!r) return redirects;
      redirects.push(...r);
    }
  }

  private tryRedirect(): Redirect[] | undefined {
    const t = this.peek();
    if (t.type !== "op" || ![">", ">>", "<", ">&", "&>", "<<", "<<-"].includes(t.value)) return undefined;
    this.next();
    const target = this.next();
    if (target.type !== "word") throw new ShellSyntaxError(`syntax error: unexpected "${describe(target)}"`);
    if (t.value === "<<" || t.value === "<<-") {
      // The delimiter is the word with quotes removed; any quoting turns expansion in the body off.
      const delimiter = target.word.map((p) => (p.kind === "lit" ? p.text : "")).join("");
      const doc = this.heredoc(delimiter, t.value === "<<-", target.plain !== undefined);
      return [{ op: "<<", fd: t.fd ?? 0, target: [], heredoc: doc }];
    }
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
      if (words.length === 0 && assigns.length === 0 && this.dialect === "bash" && t.plain !== undefined && DECLARATIONS.has(t.plain)) {
        return this.parseDeclaration(t.plain, redirects);
      }
      const assignment = words.length === 0 ? this.assignment(t.word) : undefined;
      if (assignment) assigns.push(assignment);
      else words.push(t.word);
    }
    if (assigns.length === 0 && words.length === 0 && redirects.length === 0) {
      throw new ShellSyntaxError(`syntax error: unexpected ${describe(this.peek())}`);
    }
    return { kind: "simple", assigns, words, redirects };
  }

  /** An assignment word just read, with bash's `(elements)` when one follows at once. */
  private assignment(word: Word): Assignment | undefined {
    const assignment = asAssignment(word, this.dialect);
    if (!assignment || this.dialect !== "bash" || assignment.value.length > 0 || this.src[this.pos] !== "(") return assignment;
    this.pos++;
    const array: NonNullable<Assignment["array"]> = [];
    for (;;) {
      this.skipNewlines();
      const t = this.next();
      if (t.type === "op" && t.value === ")") break;
      if (t.type !== "word") throw unexpected(describe(t));
      array.push(arrayElement(t.word));
    }
    return { ...assignment, array };
  }

  /** bash's `declare`/`typeset`/`local` and their operands (options, names, assignments). */
  private parseDeclaration(builtin: string, redirects: Redirect[]): Command {
    const args: (Word | Assignment)[] = [];
    for (;;) {
      const r = this.tryRedirect();
      if (r) {
        redirects.push(...r);
        continue;
      }
      const t = this.peek();
      if (t.type !== "word") break;
      this.next();
      args.push(this.assignment(t.word) ?? t.word);
    }
    return { kind: "declare", builtin, args, redirects };
  }
}
