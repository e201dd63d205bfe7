// Word expansion: parameters (with :- := :+ :? # and, in bash and ash, the pattern and substring operators; bash's
// array subscripts), command substitution, arithmetic, quote removal and field splitting of unquoted expansions on
// blanks. `"$@"` and `"${a[@]}"` keep their words. No globbing (a `*` stays literal).

import type { List, Word, WordPart } from "./ast";
import { ArithmeticError, evaluateArithmetic } from "./arithmetic";
import { removeAffix, replacePattern, type PatternPiece } from "./pattern";
import { ExitSignal, type Io, type Run, type ShellState } from "./state";

export type ListRunner = (list: List, sh: ShellState, io: Io) => Run<number>;

export class ExpansionError extends Error {}

/** What one part expands to: text, or a list of words (`$@`, `${a[@]}`). */
type Expanded = string | string[];

/** Evaluate an arithmetic expression after expanding the parameters in it ("$i" and "i" both work). */
export function arithmetic(expr: string, sh: ShellState): number {
  const text = expr.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*|[0-9?#$])\}?/g, (_m, n: string) => sh.get(n) ?? "");
  try {
    return evaluateArithmetic(text, { get: (n) => sh.get(n), set: (n, v) => sh.set(n, v) });
  } catch (e) {
    if (e instanceof ArithmeticError) throw new ExpansionError(`arithmetic syntax error`);
    throw e;
  }
}

/** The keys of an array in order (indices numerically). */
export function arrayKeys(sh: ShellState, name: string): string[] {
  const array = sh.arrays.get(name);
  if (!array) return sh.vars.has(name) ? ["0"] : [];
  const keys = [...array.items.keys()];
  return array.assoc ? keys : keys.sort((a, b) => Number(a) - Number(b));
}

/** The key a subscript names: the text for an associative array, else an arithmetic index (negative: from the end). */
export function subscriptKey(sh: ShellState, name: string, subscript: string): string {
  const array = sh.arrays.get(name);
  if (array?.assoc) return subscript;
  const n = arithmetic(subscript, sh);
  if (n >= 0) return String(n);
  const keys = arrayKeys(sh, name);
  const last = keys.length ? Number(keys[keys.length - 1]) : -1;
  return String(last + 1 + n);
}

function* pieces(word: Word, sh: ShellState, io: Io, runList: ListRunner): Run<PatternPiece[]> {
  const out: PatternPiece[] = [];
  for (const part of word) {
    const text = yield* expandPart(part, sh, io, runList);
    out.push({ text: typeof text === "string" ? text : text.join(" "), quoted: part.kind !== "lit" || part.quoted });
  }
  return out;
}

function* paramPart(part: Extract<WordPart, { kind: "param" }>, sh: ShellState, io: Io, runList: ListRunner): Run<Expanded> {
  const subscript = part.index ? yield* expandToString(part.index, sh, io, runList) : undefined;
  const all = subscript === "@" || subscript === "*" || (!part.index && (part.name === "@" || part.name === "*"));
  const joined = part.quoted && (subscript === "*" || (!part.index && part.name === "*"));
  if (part.op === "!") return arrayKeys(sh, part.name);
  let values: string[] | undefined;
  let value: string | undefined;
  if (all) values = part.index ? arrayKeys(sh, part.name).map((k) => sh.arrays.get(part.name)?.items.get(k) ?? sh.vars.get(part.name) ?? "") : [...sh.positional];
  else if (subscript !== undefined) {
    const array = sh.arrays.get(part.name);
    const key = subscriptKey(sh, part.name, subscript);
    value = array ? array.items.get(key) : key === "0" ? sh.vars.get(part.name) : undefined;
  } else value = sh.get(part.name);
  if (part.op === "#" && !part.arg) return String(values ? values.length : [...(value ?? "")].length);
  const result = (list: string[]): Expanded => (joined ? list.join(" ") : list);
  if (!part.op) return values ? result(values) : value ?? "";
  const each = function* (transform: (v: string) => Run<string>): Run<Expanded> {
    if (!values) return yield* transform(value ?? "");
    const out: string[] = [];
    for (const v of values) out.push(yield* transform(v));
    return result(out);
  };
  switch (part.op) {
    case "#": case "##": case "%": case "%%": {
      const pattern = yield* pieces(part.arg ?? [], sh, io, runList);
      return yield* each(function* (v) {
        return removeAffix(v, pattern, part.op as string);
      });
    }
    case "/": case "//": case "/#": case "/%": {
      const pattern = yield* pieces(part.arg ?? [], sh, io, runList);
      const replacement = yield* expandToString(part.arg2 ?? [], sh, io, runList);
      return yield* each(function* (v) {
        return replacePattern(v, pattern, replacement, part.op as string);
      });
    }
    case ":": {
      const offset = arithmetic(yield* expandToString(part.arg ?? [], sh, io, runList), sh);
      const length = part.arg2 ? arithmetic(yield* expandToString(part.arg2, sh, io, runList), sh) : undefined;
      const slice = <T>(list: T[]): T[] => {
        const from = offset < 0 ? Math.max(0, list.length + offset) : offset;
        const to = length === undefined ? list.length : length < 0 ? list.length + length : from + length;
        return list.slice(from, Math.max(from, to));
      };
      if (values) return result(slice(values));
      return slice([...(value ?? "")]).join("");
    }
    case "^^": return yield* each(function* (v) { return v.toUpperCase(); });
    case ",,": return yield* each(function* (v) { return v.toLowerCase(); });
    case "^": return yield* each(function* (v) { return v.charAt(0).toUpperCase() + v.slice(1); });
    case ",": return yield* each(function* (v) { return v.charAt(0).toLowerCase() + v.slice(1); });
  }
  const scalar = values ? values.join(" ") : value;
  const unsetOrNull = part.op.startsWith(":") ? !scalar : values ? values.length === 0 : value === undefined;
  const arg = () => expandToString(part.arg ?? [], sh, io, runList);
  const kept = (): Expanded => (values ? result(values) : (value as string));
  switch (part.op.replace(":", "")) {
    case "-":
      return unsetOrNull ? yield* arg() : kept();
    case "=": {
      if (!unsetOrNull) return kept();
      const v = yield* arg();
      sh.set(part.name, v);
      return v;
    }
    case "+":
      return unsetOrNull ? "" : yield* arg();
    case "?": {
      if (!unsetOrNull) return kept();
      const msg = yield* arg();
      throw new ExpansionError(`${part.name}: ${msg || "parameter not set"}`);
    }
  }
  return scalar ?? "";
}

function* expandPart(part: WordPart, sh: ShellState, io: Io, runList: ListRunner): Run<Expanded> {
  switch (part.kind) {
    case "lit":
      return part.text;
    case "arith":
      return String(arithmetic(part.expr, sh));
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
    case "param":
      return yield* paramPart(part, sh, io, runList);
  }
}

/** Expand a word without field splitting (assignments, redirection targets, `[[ ]]` operands). */
export function* expandToString(word: Word, sh: ShellState, io: Io, runList: ListRunner): Run<string> {
  let out = "";
  for (const part of word) {
    const text = yield* expandPart(part, sh, io, runList);
    out += typeof text === "string" ? text : text.join(" ");
  }
  return out;
}

/** Expand words into fields, splitting unquoted expansions on blanks; `"$@"` gives one field per word. */
export function* expandWords(words: Word[], sh: ShellState, io: Io, runList: ListRunner): Run<string[]> {
  const fields: string[] = [];
  const f: Field = { cur: "", started: false };
  for (const word of words) {
    f.cur = "";
    f.started = false;
    for (const part of word) {
      if (part.kind === "lit") {
        f.cur += part.text;
        f.started = true;
        continue;
      }
      const text = yield* expandPart(part, sh, io, runList);
      if (typeof text !== "string") {
        text.forEach((item, i) => {
          if (i > 0 && (part.quoted || f.started || f.cur)) {
            fields.push(f.cur);
            f.cur = "";
            f.started = false;
          }
          if (part.quoted) {
            f.cur += item;
            f.started = true;
          } else splitInto(item, f, fields);
        });
      } else if (part.quoted) {
        f.cur += text;
        f.started = true;
      } else splitInto(text, f, fields);
    }
    if (f.started || f.cur) fields.push(f.cur);
  }
  return fields;
}

/** The field being built. */
interface Field {
  cur: string;
  started: boolean;
}

/** Split an unquoted expansion's text on blanks into the field being built and the fields after it. */
function splitInto(text: string, f: Field, fields: string[]): void {
  const pieces = text.split(/[ \t\n]+/);
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (i > 0 && (f.started || f.cur)) {
      fields.push(f.cur);
      f.cur = "";
      f.started = false;
    }
    if (piece) {
      f.cur += piece;
      f.started = true;
    }
  }
}
