// The syntax tree of the POSIX-ish shell subset the simulated containers interpret (with bash's arrays, `[[ ]]`,
// `(( ))` and functions).

/** Which shell parses and runs a script: bash, busybox's ash, or dash (Debian's /bin/sh). */
export type Dialect = "bash" | "ash" | "dash";

export type WordPart =
  | { kind: "lit"; text: string; quoted: boolean }
  /**
   * `$NAME`, `${NAME...}`: `index` is an array subscript (`@`/`*` for all elements); `op` the operator (`:-`, `#`
   * for the length, `!` for the keys, `//`, `%%`, `:` for a substring...), `arg` and `arg2` its operands.
   */
  | { kind: "param"; name: string; index?: Word; op?: string; arg?: Word; arg2?: Word; quoted: boolean }
  | { kind: "cmdsub"; script: List; quoted: boolean }
  | { kind: "arith"; expr: string; quoted: boolean };

export type Word = WordPart[];

export interface Redirect {
  /** `>`, `>>`, `<`, `>&` (duplicate: `2>&1`), or `<<` (a here-document: its body in `heredoc`). */
  op: ">" | ">>" | "<" | ">&" | "<<";
  fd: number;
  target: Word;
  heredoc?: { body: Word };
}

export interface Assignment {
  name: string;
  value: Word;
  /** `a[i]=v`: the subscript. */
  index?: Word;
  /** `a=(x y)`: the elements (`[k]=v` ones carry their key). */
  array?: { key?: Word; value: Word }[];
  /** `+=`: append. */
  append?: boolean;
}

/** The expression of `[[ ]]`; words in it are neither split nor globbed. */
export type CondExpr =
  | { kind: "word"; word: Word }
  | { kind: "unary"; op: string; arg: Word }
  | { kind: "binary"; op: string; left: Word; right: Word }
  | { kind: "not"; expr: CondExpr }
  | { kind: "and" | "or"; left: CondExpr; right: CondExpr };

export type Command =
  | { kind: "simple"; assigns: Assignment[]; words: Word[]; redirects: Redirect[] }
  | { kind: "if"; clauses: { cond: List; body: List }[]; elseBody?: List; redirects: Redirect[] }
  | { kind: "loop"; until: boolean; cond: List; body: List; redirects: Redirect[] }
  | { kind: "for"; name: string; items: Word[] | undefined; body: List; redirects: Redirect[] }
  | { kind: "group"; body: List; subshell: boolean; redirects: Redirect[] }
  | { kind: "case"; word: Word; items: { patterns: Word[]; body: List }[]; redirects: Redirect[] }
  | { kind: "cond"; expr: CondExpr; redirects: Redirect[] }
  | { kind: "arith"; expr: string; redirects: Redirect[] }
  | { kind: "cfor"; init: string; cond: string; update: string; body: List; redirects: Redirect[] }
  | { kind: "function"; name: string; body: Command; redirects: Redirect[] }
  /** bash's declare/typeset/local: their operands may be array assignments. */
  | { kind: "declare"; builtin: string; args: (Word | Assignment)[]; redirects: Redirect[] };

export interface Pipeline {
  negated: boolean;
  commands: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: "&&" | "||"; pipeline: Pipeline }[];
  /** Ended by `&`: the simulation runs it in the foreground (documented limitation). */
  background: boolean;
}

export type List = AndOr[];
