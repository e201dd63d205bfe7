// bash's `[[ expression ]]` and `(( arithmetic ))` commands, and busybox ash's `[[`, which is `test` with `&&`/`||`
// read as `-a`/`-o` (ash.c's BASH_TEST2).

import type { Command, CondExpr, Word } from "./ast";
import { findArithEnd } from "./expansion-syntax";
import { describe } from "./lexer";
import type { Parser } from "./parser";
import { ShellSyntaxError, unexpected } from "./syntax-error";

const UNARY = new Set(["-a", "-b", "-c", "-d", "-e", "-f", "-g", "-h", "-k", "-n", "-p", "-r", "-s", "-t", "-u", "-v", "-w", "-x", "-z", "-L", "-N", "-O", "-G", "-S"]);
const BINARY = new Set(["==", "=", "!=", "=~", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef"]);
const lit = (text: string): Word => [{ kind: "lit", text, quoted: false }];

/** At `[[` in command position. */
export function parseConditional(p: Parser): Command {
  p.next();
  if (p.dialect !== "bash") return ashConditional(p);
  const expr = orExpr(p);
  const close = p.next();
  if (close.type !== "word" || close.plain !== "]]") throw conditionalError(describe(close));
  return { kind: "cond", expr, redirects: p.parseRedirects() };
}

function conditionalError(token: string): ShellSyntaxError {
  return new ShellSyntaxError(`syntax error in conditional expression: unexpected token \`${token}'`);
}

function peekOp(p: Parser): string | undefined {
  for (;;) {
    const t = p.peek();
    if (t.type === "op" && t.value === "\n") {
      p.next();
      continue;
    }
    if (t.type === "op") return t.value;
    if (t.type === "word") return t.plain;
    return undefined;
  }
}

function orExpr(p: Parser): CondExpr {
  let left = andExpr(p);
  while (peekOp(p) === "||") {
    p.next();
    left = { kind: "or", left, right: andExpr(p) };
  }
  return left;
}

function andExpr(p: Parser): CondExpr {
  let left = notExpr(p);
  while (peekOp(p) === "&&") {
    p.next();
    left = { kind: "and", left, right: notExpr(p) };
  }
  return left;
}

function notExpr(p: Parser): CondExpr {
  if (peekOp(p) === "!") {
    p.next();
    return { kind: "not", expr: notExpr(p) };
  }
  return primary(p);
}

function operand(p: Parser): Word {
  const t = p.next();
  if (t.type !== "word" || t.plain === "]]") throw conditionalError(describe(t));
  return t.word;
}

function primary(p: Parser): CondExpr {
  const t = p.peek();
  if (t.type === "op" && t.value === "(") {
    p.next();
    const expr = orExpr(p);
    const close = p.next();
    if (close.type !== "op" || close.value !== ")") throw conditionalError(describe(close));
    return expr;
  }
  if (t.type === "word" && t.plain !== undefined && UNARY.has(t.plain)) {
    p.next();
    const after = p.peek();
    // `[[ -n ]]`: a lone operator is a non-empty word.
    if (after.type !== "word" || after.plain === "]]") return { kind: "word", word: t.word };
    return { kind: "unary", op: t.plain, arg: operand(p) };
  }
  const left = operand(p);
  const op = p.peek();
  if (op.type === "op" && (op.value === "<" || op.value === ">")) {
    p.next();
    return { kind: "binary", op: op.value, left, right: operand(p) };
  }
  if (op.type === "word" && op.plain !== undefined && BINARY.has(op.plain)) {
    p.next();
    const right = op.plain === "=~" ? p.readRegexWord() : operand(p);
    return { kind: "binary", op: op.plain, left, right };
  }
  return { kind: "word", word: left };
}

/** busybox ash: the words up to `]]` as `test` arguments (`&&` → `-a`, `||` → `-o`), run by the `[[` builtin. */
function ashConditional(p: Parser): Command {
  const words: Word[] = [lit("[[")];
  for (;;) {
    const t = p.next();
    if (t.type === "eof") throw new ShellSyntaxError(`syntax error: unexpected end of file`);
    if (t.type === "word") {
      words.push(t.word);
      if (t.plain === "]]") break;
      continue;
    }
    if (t.value === "\n" || t.value === ";") throw unexpected(describe(t));
    words.push(lit(t.value === "&&" ? "-a" : t.value === "||" ? "-o" : t.value));
  }
  return { kind: "simple", assigns: [], words, redirects: p.parseRedirects() };
}

/** At `((` in command position (bash): an arithmetic command. */
export function parseArithmeticCommand(p: Parser): Command {
  const end = findArithEnd(p.src, p.pos + 2);
  const expr = p.src.slice(p.pos + 2, end);
  p.pos = end + 2;
  return { kind: "arith", expr, redirects: p.parseRedirects() };
}
