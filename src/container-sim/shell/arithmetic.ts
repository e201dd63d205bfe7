// `$(( ... ))` arithmetic: integers, variables by name (unset or non-numeric → 0), + - * / % ** , comparisons,
// ! && ||, parentheses, unary minus, and the assignments `=`, `+=`, `-=`, `++`/`--` on a variable.

export class ArithmeticError extends Error {}

type Vars = { get(name: string): string | undefined; set(name: string, value: string): void };

const TOKEN = /\s*(\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|\+\+|--|[-+*/%]=|==|!=|<=|>=|&&|\|\||[-+*/%()<>!=])/y;

export function evaluateArithmetic(expr: string, vars: Vars): number {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < expr.length) {
    if (/^\s*$/.test(expr.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(expr);
    if (!m) throw new ArithmeticError(`arithmetic syntax error`);
    tokens.push(m[1]);
    pos = TOKEN.lastIndex;
  }
  let i = 0;
  const peek = () => tokens[i];
  const take = () => tokens[i++];
  const valueOf = (name: string) => {
    const raw = vars.get(name);
    const n = raw === undefined ? 0 : Number.parseInt(raw.trim(), 10);
    return Number.isNaN(n) ? 0 : n;
  };

  const primary = (): number => {
    const t = take();
    if (t === undefined) throw new ArithmeticError(`arithmetic syntax error`);
    if (t === "(") {
      const v = assignment();
      if (take() !== ")") throw new ArithmeticError(`arithmetic syntax error`);
      return v;
    }
    if (t === "-") return -primary();
    if (t === "+") return primary();
    if (t === "!") return primary() ? 0 : 1;
    if (t === "++" || t === "--") {
      const name = take();
      const v = valueOf(name) + (t === "++" ? 1 : -1);
      vars.set(name, String(v));
      return v;
    }
    if (/^\d+$/.test(t)) return Number.parseInt(t, 10);
    if (/^[A-Za-z_]/.test(t)) {
      if (peek() === "++" || peek() === "--") {
        const op = take();
        const v = valueOf(t);
        vars.set(t, String(v + (op === "++" ? 1 : -1)));
        return v;
      }
      return valueOf(t);
    }
    throw new ArithmeticError(`arithmetic syntax error`);
  };
  const binary = (ops: string[], next: () => number, apply: (op: string, a: number, b: number) => number) => (): number => {
    let v = next();
    while (ops.includes(peek())) {
      const op = take();
      v = apply(op, v, next());
    }
    return v;
  };
  const power = (): number => {
    const base = primary();
    if (peek() === "**") {
      take();
      return base ** power();
    }
    return base;
  };
  const divide = (a: number, b: number, op: string) => {
    if (b === 0) throw new ArithmeticError(`divide by zero`);
    return op === "/" ? Math.trunc(a / b) : a % b;
  };
  const mul = binary(["*", "/", "%"], power, (op, a, b) => (op === "*" ? a * b : divide(a, b, op)));
  const add = binary(["+", "-"], mul, (op, a, b) => (op === "+" ? a + b : a - b));
  const cmp = binary(["<", ">", "<=", ">="], add, (op, a, b) =>
    Number(op === "<" ? a < b : op === ">" ? a > b : op === "<=" ? a <= b : a >= b));
  const eq = binary(["==", "!="], cmp, (op, a, b) => Number(op === "==" ? a === b : a !== b));
  const and = binary(["&&"], eq, (_op, a, b) => Number(a !== 0 && b !== 0));
  const or = binary(["||"], and, (_op, a, b) => Number(a !== 0 || b !== 0));
  const assignment = (): number => {
    const t = tokens[i];
    const op = tokens[i + 1];
    if (t !== undefined && /^[A-Za-z_]/.test(t) && op !== undefined && ["=", "+=", "-=", "*=", "/=", "%="].includes(op)) {
      i += 2;
      const rhs = assignment();
      const cur = valueOf(t);
      const v = op === "=" ? rhs : op === "+=" ? cur + rhs : op === "-=" ? cur - rhs : op === "*=" ? cur * rhs : divide(cur, rhs, op[0]);
      vars.set(t, String(v));
      return v;
    }
    return or();
  };
  if (tokens.length === 0) return 0;
  const result = assignment();
  if (i !== tokens.length) throw new ArithmeticError(`arithmetic syntax error`);
  return Math.trunc(result);
}
