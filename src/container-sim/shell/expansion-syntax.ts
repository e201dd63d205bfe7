// Reading one expansion inside a word: `$NAME`, `$1`, `${...}`, `$(...)`, backquotes and `$((...))`.

import type { WordPart, Word } from "./ast";
import type { Lexer } from "./lexer";
import { ShellSyntaxError } from "./syntax-error";

const SPECIAL_PARAMS = new Set(["?", "$", "#", "@", "*", "!", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "-"]);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** At `$` or a backtick: read one expansion, or return undefined (and advance past a lone `$`). */
export function readExpansion(lx: Lexer, quoted: boolean): WordPart | undefined {
  const src = lx.src;
  if (src[lx.pos] === "`") {
    let end = lx.pos + 1;
    let body = "";
    while (end < src.length && src[end] !== "`") {
      if (src[end] === "\\" && "`$\\".includes(src[end + 1] ?? "")) {
        body += src[end + 1];
        end += 2;
      } else body += src[end++];
    }
    if (end >= src.length) throw new ShellSyntaxError(`syntax error: unterminated backquote`);
    lx.pos = end + 1;
    return { kind: "cmdsub", script: lx.parseNested(body), quoted };
  }
  const next = src[lx.pos + 1];
  if (src.startsWith("$((", lx.pos)) {
    const end = findArithEnd(src, lx.pos + 3);
    const expr = src.slice(lx.pos + 3, end);
    lx.pos = end + 2;
    return { kind: "arith", expr, quoted };
  }
  if (next === "(") {
    lx.pos += 2;
    return { kind: "cmdsub", script: lx.parseCommandSubstitution(), quoted };
  }
  if (next === "{") {
    const end = src.indexOf("}", lx.pos + 2);
    if (end < 0) throw new ShellSyntaxError(`syntax error: bad substitution`);
    const inner = src.slice(lx.pos + 2, end);
    lx.pos = end + 1;
    if (inner.startsWith("#") && NAME.test(inner.slice(1))) return { kind: "param", name: inner.slice(1), op: "#", quoted };
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?$#@*!])(?:(:?[-=+?])(.*))?$/s.exec(inner);
    if (!m) throw new ShellSyntaxError(`syntax error: bad substitution`);
    const arg = m[2] !== undefined ? readArgWord(lx.sub(m[3])) : undefined;
    return { kind: "param", name: m[1], op: m[2], arg, quoted };
  }
  if (next !== undefined && SPECIAL_PARAMS.has(next)) {
    lx.pos += 2;
    return { kind: "param", name: next, quoted };
  }
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(lx.pos + 1));
  if (m) {
    lx.pos += 1 + m[0].length;
    return { kind: "param", name: m[0], quoted };
  }
  lx.pos++;
  return undefined;
}

/** The operand of `${VAR:-operand}`: the whole text is one word (spaces included). */
function readArgWord(lx: Lexer): Word {
  const parts: WordPart[] = [];
  const src = lx.src;
  while (lx.pos < src.length) {
    const c = src[lx.pos];
    if (c === "$" || c === "`") {
      const part = readExpansion(lx, true);
      parts.push(part ?? { kind: "lit", text: "$", quoted: true });
    } else if (c === "'" || c === '"') {
      const end = src.indexOf(c, lx.pos + 1);
      const stop = end < 0 ? src.length : end;
      parts.push({ kind: "lit", text: src.slice(lx.pos + 1, stop), quoted: true });
      lx.pos = stop + 1;
    } else {
      parts.push({ kind: "lit", text: c, quoted: true });
      lx.pos++;
    }
  }
  return parts;
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
