// Word expansion: parameters (with :- := :+ :? and #), command substitution, arithmetic, quote removal and field
// splitting of unquoted expansions on blanks. No globbing (a `*` stays literal).

import type { List, Word, WordPart } from "./ast";
import { ArithmeticError, evaluateArithmetic } from "./arithmetic";
import { ExitSignal, type Io, type Run, type ShellState } from "./state";

export type ListRunner = (list: List, sh: ShellState, io: Io) => Run<number>;

export class ExpansionError extends Error {}

function* expandPart(part: WordPart, sh: ShellState, io: Io, runList: ListRunner): Run<string> {
  switch (part.kind) {
    case "lit":
      return part.text;
    case "arith": {
      // Parameters inside $(( )) are expanded first ("$i" and "i" both work).
      const text = part.expr.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*|[0-9?#$])\}?/g, (_m, n: string) => sh.get(n) ?? "");
      try {
        return String(evaluateArithmetic(text, { get: (n) => sh.get(n), set: (n, v) => sh.set(n, v) }));
      } catch (e) {
        if (e instanceof ArithmeticError) throw new ExpansionError(`arithmetic syntax error`);
        throw e;
      }
    }
    case "cmdsub": {
      let out = "";
      const capture: Io = { stdin: { data: "" }, stdout: { write: (t) => (out += t) }, stderr: io.stderr };
      try {
        sh.status = yield* runList(part.script, sh, capture);
      } catch (e) {
        if (!(e instanceof ExitSignal)) throw e;
        sh.status = e.code;
      }
      return out.replace(/\n+$/, "");
    }
    case "param": {
      const value = sh.get(part.name);
      if (part.op === "#") return String((value ?? "").length);
      if (!part.op) return value ?? "";
      const unsetOrNull = part.op.startsWith(":") ? !value : value === undefined;
      const arg = () => expandToString(part.arg ?? [], sh, io, runList);
      switch (part.op.replace(":", "")) {
        case "-":
          return unsetOrNull ? yield* arg() : (value as string);
        case "=": {
          if (!unsetOrNull) return value as string;
          const v = yield* arg();
          sh.set(part.name, v);
          return v;
        }
        case "+":
          return unsetOrNull ? "" : yield* arg();
        case "?": {
          if (!unsetOrNull) return value as string;
          const msg = yield* arg();
          throw new ExpansionError(`${part.name}: ${msg || "parameter not set"}`);
        }
      }
      return value ?? "";
    }
  }
}

/** Expand a word without field splitting (assignments, redirection targets, `case`-like contexts). */
export function* expandToString(word: Word, sh: ShellState, io: Io, runList: ListRunner): Run<string> {
  let out = "";
  for (const part of word) out += yield* expandPart(part, sh, io, runList);
  return out;
}

/** Expand words into fields, splitting unquoted expansions on blanks. */
export function* expandWords(words: Word[], sh: ShellState, io: Io, runList: ListRunner): Run<string[]> {
  const fields: string[] = [];
  for (const word of words) {
    let cur = "";
    let started = false;
    for (const part of word) {
      const text = yield* expandPart(part, sh, io, runList);
      if (part.kind === "lit" || part.quoted) {
        cur += text;
        started = true;
        continue;
      }
      const pieces = text.split(/[ \t\n]+/);
      pieces.forEach((piece, i) => {
        if (i > 0 && (started || cur)) {
          fields.push(cur);
          cur = "";
          started = false;
        }
        if (piece) {
          cur += piece;
          started = true;
        }
      });
    }
    if (started || cur) fields.push(cur);
  }
  return fields;
}
