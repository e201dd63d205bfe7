// The compound commands' grammar: `if`/`elif`/`else`, `while`/`until`, `for`, `case`, `{ }` and `( )` groups, and
// function definitions.

import type { Command, List, Word } from "./ast";
import { findArithEnd } from "./expansion-syntax";
import { describe, NAME } from "./lexer";
import type { Parser } from "./parser";
import { ShellSyntaxError, unexpected } from "./syntax-error";

export function parseIf(p: Parser): Command {
  p.next();
  const clauses: { cond: List; body: List }[] = [];
  let elseBody: List | undefined;
  for (;;) {
    const cond = p.parseList(new Set(["then"]));
    p.expectWord("then");
    const body = p.parseList(new Set(["elif", "else", "fi"]));
    clauses.push({ cond, body });
    p.skipNewlines();
    const t = p.next();
    if (t.type === "word" && t.plain === "elif") continue;
    if (t.type === "word" && t.plain === "else") {
      elseBody = p.parseList(new Set(["fi"]));
      p.expectWord("fi");
      break;
    }
    if (t.type === "word" && t.plain === "fi") break;
    throw new ShellSyntaxError(`syntax error: unexpected end of file (expecting "fi")`);
  }
  return { kind: "if", clauses, elseBody, redirects: p.parseRedirects() };
}

/** `case WORD in [(]PATTERN[|PATTERN]...) LIST ;; ... esac`. */
export function parseCase(p: Parser): Command {
  p.next();
  const subject = p.next();
  if (subject.type !== "word") throw unexpected(describe(subject));
  p.expectWord("in");
  const items: { patterns: Word[]; body: List }[] = [];
  for (;;) {
    p.skipNewlines();
    let t = p.next();
    if (t.type === "word" && t.plain === "esac") break;
    if (t.type === "op" && t.value === "(") t = p.next();
    const patterns: Word[] = [];
    for (;;) {
      if (t.type !== "word") throw unexpected(describe(t));
      patterns.push(t.word);
      t = p.next();
      if (t.type === "op" && t.value === "|") {
        t = p.next();
        continue;
      }
      if (t.type === "op" && t.value === ")") break;
      throw unexpected(describe(t));
    }
    const body = p.parseList(new Set(["esac"]));
    items.push({ patterns, body });
    p.skipNewlines();
    const end = p.peek();
    if (end.type === "op" && end.value === ";;") p.next();
    else if (!(end.type === "word" && end.plain === "esac")) throw unexpected(describe(end));
  }
  return { kind: "case", word: subject.word, items, redirects: p.parseRedirects() };
}

export function parseLoop(p: Parser, until: boolean): Command {
  p.next();
  const cond = p.parseList(new Set(["do"]));
  p.expectWord("do");
  const body = p.parseList(new Set(["done"]));
  p.expectWord("done");
  return { kind: "loop", until, cond, body, redirects: p.parseRedirects() };
}

export function parseFor(p: Parser): Command {
  p.next();
  if (p.dialect === "bash" && p.atRaw("((")) return parseArithmeticFor(p);
  const nameToken = p.next();
  if (nameToken.type !== "word" || nameToken.plain === undefined || !NAME.test(nameToken.plain)) {
    throw new ShellSyntaxError(`syntax error: bad for loop variable`);
  }
  let items: Word[] | undefined;
  p.skipNewlines();
  if (p.isReserved(p.peek(), ["in"])) {
    p.next();
    items = [];
    for (;;) {
      const t = p.peek();
      if (t.type !== "word") break;
      p.next();
      items.push(t.word);
    }
  }
  const sep = p.peek();
  if (sep.type === "op" && (sep.value === ";" || sep.value === "\n")) p.next();
  p.expectWord("do");
  const body = p.parseList(new Set(["done"]));
  p.expectWord("done");
  return { kind: "for", name: nameToken.plain, items, body, redirects: p.parseRedirects() };
}

/** bash's `for ((init; condition; step)); do ...; done`. */
function parseArithmeticFor(p: Parser): Command {
  const end = findArithEnd(p.src, p.pos + 2);
  const clauses = p.src.slice(p.pos + 2, end).split(";");
  if (clauses.length !== 3) throw new ShellSyntaxError(`syntax error: arithmetic expression required`);
  p.pos = end + 2;
  const sep = p.peek();
  if (sep.type === "op" && (sep.value === ";" || sep.value === "\n")) p.next();
  p.expectWord("do");
  const body = p.parseList(new Set(["done"]));
  p.expectWord("done");
  const [init, cond, update] = clauses.map((c) => c.trim());
  return { kind: "cfor", init, cond, update, body, redirects: p.parseRedirects() };
}

/** `name() body` or (`keyword`) `function name [()] body`. */
export function parseFunction(p: Parser, keyword: boolean): Command {
  if (keyword) p.next();
  const name = p.next();
  if (name.type !== "word" || name.plain === undefined || !NAME.test(name.plain)) throw new ShellSyntaxError(`syntax error: bad function name`);
  const open = p.peek();
  if (open.type === "op" && open.value === "(") {
    p.next();
    const close = p.next();
    if (close.type !== "op" || close.value !== ")") throw unexpected(describe(close));
  }
  p.skipNewlines();
  const body = p.parseCommand();
  return { kind: "function", name: name.plain, body, redirects: [] };
}

export function parseBraceGroup(p: Parser): Command {
  p.next();
  const body = p.parseList(new Set(["}"]));
  p.expectWord("}");
  return { kind: "group", body, subshell: false, redirects: p.parseRedirects() };
}

export function parseSubshell(p: Parser): Command {
  p.next();
  const body = p.parseList(new Set());
  const close = p.next();
  if (close.type !== "op" || close.value !== ")") throw new ShellSyntaxError(`syntax error: unexpected end of file (expecting ")")`);
  return { kind: "group", body, subshell: true, redirects: p.parseRedirects() };
}
