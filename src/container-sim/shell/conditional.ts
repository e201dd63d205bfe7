// Evaluating bash's `[[ ]]`: words are expanded without splitting or globbing; `==`/`!=` match a glob (quoted parts
// literally), `=~` an extended regular expression (setting BASH_REMATCH), `<`/`>` compare strings, `-eq` and the like
// compare arithmetic values, and the file and string tests are `test`'s.

import type { CondExpr, Word } from "./ast";
import { arithmetic, expandToString, type ListRunner } from "./expand";
import { globMatches, posixClasses, type PatternPiece } from "./pattern";
import type { Io, Run, ShellState } from "./state";
import { unaryTest } from "./test-command";

/** The exit status of `[[ expr ]]`: 0 true, 1 false, 2 for an invalid regular expression. */
export function* evaluateConditional(expr: CondExpr, sh: ShellState, io: Io, runList: ListRunner): Run<number> {
  const text = (word: Word) => expandToString(word, sh, io, runList);
  switch (expr.kind) {
    case "word":
      return (yield* text(expr.word)) !== "" ? 0 : 1;
    case "not": {
      const status = yield* evaluateConditional(expr.expr, sh, io, runList);
      return status === 2 ? 2 : 1 - status;
    }
    case "and": {
      const left = yield* evaluateConditional(expr.left, sh, io, runList);
      return left !== 0 ? left : yield* evaluateConditional(expr.right, sh, io, runList);
    }
    case "or": {
      const left = yield* evaluateConditional(expr.left, sh, io, runList);
      return left === 0 ? 0 : yield* evaluateConditional(expr.right, sh, io, runList);
    }
    case "unary": {
      const arg = yield* text(expr.arg);
      if (expr.op === "-v") return sh.get(arg) !== undefined || sh.arrays.has(arg) ? 0 : 1;
      return unaryTest(expr.op, arg, sh) ? 0 : 1;
    }
    case "binary": {
      const left = yield* text(expr.left);
      switch (expr.op) {
        case "==": case "=": case "!=": {
          const matched = globMatches(left, yield* pieces(expr.right, sh, io, runList));
          return matched === (expr.op !== "!=") ? 0 : 1;
        }
        case "=~":
          return yield* regexMatch(left, expr.right, sh, io, runList);
        case "<": return left < (yield* text(expr.right)) ? 0 : 1;
        case ">": return left > (yield* text(expr.right)) ? 0 : 1;
      }
      const a = arithmetic(left, sh);
      const b = arithmetic(yield* text(expr.right), sh);
      const result = { "-eq": a === b, "-ne": a !== b, "-lt": a < b, "-le": a <= b, "-gt": a > b, "-ge": a >= b }[expr.op];
      return result ? 0 : 1;
    }
  }
}

function* pieces(word: Word, sh: ShellState, io: Io, runList: ListRunner): Run<PatternPiece[]> {
  const out: PatternPiece[] = [];
  for (const part of word) out.push({ text: yield* expandToString([part], sh, io, runList), quoted: part.quoted });
  return out;
}

function* regexMatch(left: string, right: Word, sh: ShellState, io: Io, runList: ListRunner): Run<number> {
  let source = "";
  for (const piece of yield* pieces(right, sh, io, runList)) {
    source += piece.quoted ? piece.text.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&") : posixClasses(piece.text);
  }
  let re: RegExp;
  try {
    re = new RegExp(source);
  } catch {
    return 2;
  }
  const m = re.exec(left);
  const rematch = sh.array("BASH_REMATCH");
  rematch.items.clear();
  if (!m) return 1;
  m.forEach((group, i) => rematch.items.set(String(i), group ?? ""));
  return 0;
}
