// The compound commands' grammar: `if`/`elif`/`else`, `while`/`until`, `for`, and `{ }` groups.

import type { Command, List, Word } from "./ast";
import { NAME } from "./lexer";
import type { Parser } from "./parser";
import { ShellSyntaxError } from "./syntax-error";

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
