// The language runtimes' one-liners (`python -c`, `perl -e`, `node -e`): a small evaluator for what learners and the
// docs write in them — printing literals and simple arithmetic, exiting with a code, sleeping, raising — and the
// docs' pi Job (`perl -Mbignum=bpi -wle 'print bpi(2000)'`), whose digits are computed here (Machin's formula over
// BigInt). Statements it does not understand are skipped.

import type { Io, Run } from "../shell/state";

/** π to `digits` significant digits (rounded half to even on the digit after, as Math::BigFloat does), as text. */
export function piDigits(digits: number): string {
  const guard = 12n;
  const scale = 10n ** (BigInt(digits) + guard);
  const arctanInv = (x: bigint): bigint => {
    let term = scale / x;
    let sum = term;
    const x2 = x * x;
    for (let n = 3n, sign = -1n; term !== 0n; n += 2n, sign = -sign) {
      term /= x2;
      sum += (sign * term) / n;
    }
    return sum;
  };
  const pi = 4n * (4n * arctanInv(5n) - arctanInv(239n));
  // pi is scaled by 10^(digits-1+1+guard); keep `digits` significant digits.
  const drop = 10n ** (guard + 1n);
  let kept = pi / drop;
  const rest = pi % drop;
  const half = drop / 2n;
  if (rest > half || (rest === half && kept % 2n === 1n)) kept += 1n;
  const text = kept.toString();
  return `${text[0]}.${text.slice(1)}`;
}

type Value = number | string | boolean | null;

/** Split at `sep` outside quotes and brackets. */
function splitTop(code: string, sep: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = "";
  let start = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
    else if (depth === 0 && sep.test(c)) {
      parts.push(code.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(code.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

const unescape = (s: string) => s.replace(/\\(n|t|\\|'|")/g, (_m, c: string) => ({ n: "\n", t: "\t" })[c] ?? c);

/** Evaluate a literal or arithmetic expression; undefined when it is beyond this evaluator. */
export function evaluate(expr: string, lang: "python" | "js" | "perl"): Value | undefined {
  const tokens = expr.match(/\d+\.?\d*(?:e[+-]?\d+)?|"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|`[^`]*`|\*\*|\/\/|[-+*/%().]|[A-Za-z_]\w*|\S/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const fail = (): never => {
    throw new Error("unsupported");
  };
  const primary = (): Value => {
    const t = tokens[i++] ?? fail();
    if (t === "(") {
      const v = additive();
      if (tokens[i++] !== ")") fail();
      return v;
    }
    if (t === "-") return -(primary() as number);
    if (/^\d/.test(t)) return Number(t);
    if (/^["'`]/.test(t)) return unescape(t.slice(1, -1));
    if (t === "True" || t === "true") return true;
    if (t === "False" || t === "false") return false;
    if (t === "None" || t === "null") return null;
    return fail();
  };
  const power = (): Value => {
    const base = primary();
    if (peek() === "**") {
      i++;
      return (base as number) ** (power() as number);
    }
    return base;
  };
  const term = (): Value => {
    let v = power();
    while (["*", "/", "//", "%"].includes(peek())) {
      const op = tokens[i++];
      const r = power();
      if (typeof v === "string" && op === "*") v = v.repeat(r as number);
      else if (op === "*") v = (v as number) * (r as number);
      else if (op === "/") v = lang === "python" || lang === "js" || lang === "perl" ? (v as number) / (r as number) : 0;
      else if (op === "//") v = Math.floor((v as number) / (r as number));
      else v = (((v as number) % (r as number)) + (r as number)) % (r as number);
    }
    return v;
  };
  const additive = (): Value => {
    let v = term();
    while (peek() === "+" || peek() === "-" || (lang === "perl" && peek() === ".")) {
      const op = tokens[i++];
      const r = term();
      if (op === ".") v = `${show(v, lang)}${show(r, lang)}`;
      else if (op === "+") v = typeof v === "string" || typeof r === "string" ? `${v}${r}` : (v as number) + (r as number);
      else v = (v as number) - (r as number);
    }
    return v;
  };
  try {
    const v = additive();
    return i === tokens.length ? v : undefined;
  } catch {
    return undefined;
  }
}

/** How a value prints: Python's `print`, JavaScript's `console.log`, Perl's `print`. */
export function show(v: Value, lang: "python" | "js" | "perl"): string {
  if (typeof v === "number") {
    if (lang === "python" && !Number.isInteger(v)) return String(v);
    if (lang === "python" && Number.isInteger(v) && /\.|e/.test(String(v))) return String(v);
    return String(v);
  }
  if (typeof v === "boolean") return lang === "python" ? (v ? "True" : "False") : lang === "perl" ? (v ? "1" : "") : String(v);
  if (v === null) return lang === "python" ? "None" : lang === "perl" ? "" : "null";
  return v;
}

/** Python's float division results print with a decimal point (`7/2` → 3.5, `4/2` → 2.0). */
function pythonShow(expr: string, v: Value): string {
  if (typeof v === "number" && Number.isInteger(v) && /(^|[^/])\/([^/]|$)|\d\.\d*/.test(expr) && !/\/\//.test(expr)) return `${v}.0`;
  return show(v, "python");
}

const pause = function* (ms: number): Run<void> {
  if (ms > 0) yield { type: "sleep", ms };
};

/** A traceback for an uncaught exception, as CPython prints it for `-c`. */
function pythonTraceback(io: Io, line: number, statement: string, kind: string, message: string): void {
  io.stderr.write(`Traceback (most recent call last):\n  File "<string>", line ${line}, in <module>\n${statement.includes("\n") ? "" : `    ${statement}\n`}${message ? `${kind}: ${message}` : kind}\n`);
}

/** Run `python -c CODE`; the exit status. */
export function* pythonCommand(code: string, io: Io): Run<number> {
  const lines = code.split("\n");
  for (let ln = 0; ln < lines.length; ln++) {
    for (const statement of splitTop(lines[ln], /;/)) {
      let m: RegExpExecArray | null;
      if (/^(import|from)\s/.test(statement) || statement === "pass") continue;
      if ((m = /^print\((.*)\)$/s.exec(statement))) {
        const args = splitTop(m[1], /,/).filter((a) => !/^(end|sep|file|flush)=/.test(a));
        const end = /(?:^|,)\s*end=(['"])(.*?)\1/.exec(m[1]);
        const values = args.map((a) => {
          const v = evaluate(a, "python");
          return v === undefined ? a : pythonShow(a, v);
        });
        io.stdout.write(`${values.join(" ")}${end ? unescape(end[2]) : "\n"}`);
      } else if ((m = /^(?:sys\.exit|exit|quit|os\._exit)\((.*)\)$/.exec(statement))) {
        const v = m[1] === "" ? 0 : evaluate(m[1], "python");
        if (typeof v === "string") {
          io.stderr.write(`${v}\n`);
          return 1;
        }
        return v === null || v === undefined ? 0 : Number(v) & 255;
      } else if ((m = /^time\.sleep\((.*)\)$/.exec(statement))) {
        const v = evaluate(m[1], "python");
        yield* pause(typeof v === "number" ? Math.round(v * 1000) : 0);
      } else if ((m = /^raise\s+(\w+)(?:\((.*)\))?$/.exec(statement))) {
        const message = m[2] ? show(evaluate(m[2], "python") ?? m[2], "python") : "";
        pythonTraceback(io, ln + 1, statement, m[1], message);
        return 1;
      } else if ((m = /^assert\s+(.*)$/.exec(statement))) {
        const v = evaluate(m[1], "python");
        if (v === false || v === 0 || v === null || v === "") {
          pythonTraceback(io, ln + 1, statement, "AssertionError", "");
          return 1;
        }
      }
    }
  }
  return 0;
}

/** Run `node -e CODE` (`-p` prints the value of the last expression); the exit status. */
export function* nodeCommand(code: string, io: Io, printResult: boolean): Run<number> {
  const statements = splitTop(code, /[;\n]/);
  for (const statement of statements) {
    let m: RegExpExecArray | null;
    if ((m = /^console\.(log|info|error|warn)\((.*)\)$/s.exec(statement))) {
      const values = splitTop(m[2], /,/).map((a) => {
        const v = evaluate(a, "js");
        return v === undefined ? a : show(v, "js");
      });
      (m[1] === "error" || m[1] === "warn" ? io.stderr : io.stdout).write(`${values.join(" ")}\n`);
    } else if ((m = /^process\.exit\((.*)\)$/.exec(statement))) {
      const v = m[1] === "" ? 0 : evaluate(m[1], "js");
      return typeof v === "number" ? v & 255 : 0;
    } else if ((m = /^process\.exitCode\s*=\s*(.*)$/.exec(statement))) {
      const v = evaluate(m[1], "js");
      if (typeof v === "number") return v & 255;
    } else if ((m = /^throw\s+new\s+(\w+)\((.*)\)$/.exec(statement))) {
      const message = show(evaluate(m[2], "js") ?? "", "js");
      io.stderr.write(`[eval]:1\n${code}\n^\n\n${m[1]}: ${message}\n    at [eval]:1:7\n\nNode.js v22.11.0\n`);
      return 1;
    } else if (printResult && statement === statements[statements.length - 1]) {
      const v = evaluate(statement, "js");
      io.stdout.write(`${v === undefined ? statement : show(v, "js")}\n`);
    }
  }
  return 0;
}

/** Run `perl [-w] [-l] [-Mmod] -e CODE`; the exit status. The pi Job's `bpi(N)` takes its real time to compute. */
export function* perlCommand(argv: string[], io: Io): Run<number> {
  let code: string | undefined;
  let newline = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (/^-[a-zA-Z]*e$/.test(a)) {
      if (a.includes("l")) newline = true;
      code = argv[++i];
    } else if (/^-[wlnpa]+$/.test(a)) {
      if (a.includes("l")) newline = true;
    } else if (a.startsWith("-")) continue;
    else break;
  }
  if (code === undefined) return 0;
  const end = newline ? "\n" : "";
  for (const statement of splitTop(code, /;/)) {
    let m: RegExpExecArray | null;
    if ((m = /^print\s*\(?\s*bpi\((\d+)\)\s*\)?$/.exec(statement))) {
      const n = Math.min(Number(m[1]), 20_000);
      // Math::BigFloat's bpi is slow: about 5 s for 2000 digits on the docs' machines.
      yield* pause(Math.round(1000 + n * 2));
      io.stdout.write(`${piDigits(n)}${end}`);
    } else if ((m = /^print\s*\(?(.*?)\)?$/s.exec(statement))) {
      const values = splitTop(m[1], /,/).map((a) => {
        const v = evaluate(a.replace(/^"(.*)"$/s, (_x, s: string) => `"${s}"`), "perl");
        return v === undefined ? a : show(v, "perl");
      });
      io.stdout.write(`${values.join("")}${end}`);
    } else if ((m = /^exit\s*\(?\s*(\d*)\s*\)?$/.exec(statement))) return Number(m[1] || 0) & 255;
    else if ((m = /^sleep\s*\(?\s*(\d+)\s*\)?$/.exec(statement))) yield* pause(Number(m[1]) * 1000);
    else if ((m = /^die\s*\(?\s*(.*?)\)?$/s.exec(statement))) {
      const v = evaluate(m[1], "perl");
      const text = v === undefined ? "Died" : show(v, "perl");
      io.stderr.write(text.endsWith("\n") ? text : `${text} at -e line 1.\n`);
      return 255;
    }
  }
  return 0;
}
