// Reading one expansion inside a word: `$NAME`, `$1`, `${...}`, `$(...)`, backquotes and `$((...))`.

import type { WordPart, Word } from "./ast";
import type { Lexer } from "./lexer";
import { ShellSyntaxError } from "./syntax-error";

const SPECIAL_PARAMS = new Set(["?", "$", "#", "@", "*", "!", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "-"]);

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
    const end = closingBrace(src, lx.pos + 2);
    const inner = src.slice(lx.pos + 2, end);
    lx.pos = end + 1;
    return parseBraced(lx, inner, quoted);
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

/** The `}` closing a `${` whose text starts at `from` (nested `${...}` included). */
function closingBrace(src: string, from: number): number {
  let depth = 1;
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (c === "\\") i++;
    else if (c === "'") {
      const end = src.indexOf("'", i + 1);
      if (end > 0) i = end;
    } else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
  }
  throw new ShellSyntaxError(`syntax error: bad substitution`, { badSubstitution: true });
}

const BASH_ONLY_OPS = new Set(["^^", ",,", "^", ","]);

/** The text inside `${...}`: a name (with a subscript in bash), then an operator and its operands. */
function parseBraced(lx: Lexer, inner: string, quoted: boolean): WordPart {
  const bad = () => new ShellSyntaxError(`syntax error: bad substitution`, { badSubstitution: true });
  const arrays = lx.dialect === "bash";
  const m = /^([#!]?)([A-Za-z_][A-Za-z0-9_]*|[0-9?$#@*!-])(?:\[([^\]]*)\])?(.*)$/s.exec(inner);
  if (!m) throw bad();
  const [, prefix, name, subscript, rest] = m;
  if (subscript !== undefined && !arrays) throw bad();
  const index = subscript !== undefined ? readArgWord(lx.sub(subscript)) : undefined;
  if (prefix === "#" && name !== "#" && rest === "") return { kind: "param", name, index, op: "#", quoted };
  if (prefix === "!") {
    if (!arrays || (subscript !== "@" && subscript !== "*") || rest !== "") throw bad();
    return { kind: "param", name, index, op: "!", quoted };
  }
  if (prefix === "#") {
    // `${##}`: rare; read as `${#}`.
    if (name !== "#" || rest !== "") throw bad();
  }
  if (rest === "") return { kind: "param", name, index, quoted };
  const arg = (text: string, pattern = false) => readArgWord(lx.sub(text), pattern);
  let op: RegExpExecArray | null;
  if ((op = /^(:?[-=+?])(.*)$/s.exec(rest))) return { kind: "param", name, index, op: op[1], arg: arg(op[2]), quoted };
  if ((op = /^(##?|%%?)(.*)$/s.exec(rest))) return { kind: "param", name, index, op: op[1], arg: arg(op[2], true), quoted };
  if (lx.dialect === "dash") throw bad();
  if ((op = /^(\/[/#%]?)((?:\\.|[^/])*)(?:\/(.*))?$/s.exec(rest))) {
    return { kind: "param", name, index, op: op[1], arg: arg(op[2], true), arg2: arg(op[3] ?? ""), quoted };
  }
  if ((op = /^:([^:]*)(?::(.*))?$/s.exec(rest))) {
    return { kind: "param", name, index, op: ":", arg: arg(op[1]), arg2: op[2] !== undefined ? arg(op[2]) : undefined, quoted };
  }
  if (arrays && BASH_ONLY_OPS.has(rest)) return { kind: "param", name, index, op: rest, quoted };
  throw bad();
}

/**
 * The operand of `${VAR:-operand}`: the whole text is one word (spaces included). In a `pattern` (of `#`, `%`, `/`)
 * unquoted characters stay unquoted: they are glob syntax; quoted ones match literally.
 */
function readArgWord(lx: Lexer, pattern = false): Word {
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
      if (pattern && c === "\\") {
        parts.push({ kind: "lit", text: src[lx.pos + 1] ?? "", quoted: true });
        lx.pos += 2;
        continue;
      }
      parts.push({ kind: "lit", text: c, quoted: !pattern });
      lx.pos++;
    }
  }
  return parts;
}

/** The index of the `))` closing an arithmetic expression whose text starts at `from`. */
export function findArithEnd(src: string, from: number): number {
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
