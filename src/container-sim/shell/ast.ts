// The syntax tree of the POSIX-ish shell subset the simulated containers interpret.

export type WordPart =
  | { kind: "lit"; text: string; quoted: boolean }
  | { kind: "param"; name: string; op?: string; arg?: Word; quoted: boolean }
  | { kind: "cmdsub"; script: List; quoted: boolean }
  | { kind: "arith"; expr: string; quoted: boolean };

export type Word = WordPart[];

export interface Redirect {
  /** `>`, `>>`, `<`, or `>&` (duplicate: `2>&1`). */
  op: ">" | ">>" | "<" | ">&";
  fd: number;
  target: Word;
}

export interface Assignment {
  name: string;
  value: Word;
}

export type Command =
  | { kind: "simple"; assigns: Assignment[]; words: Word[]; redirects: Redirect[] }
  | { kind: "if"; clauses: { cond: List; body: List }[]; elseBody?: List; redirects: Redirect[] }
  | { kind: "loop"; until: boolean; cond: List; body: List; redirects: Redirect[] }
  | { kind: "for"; name: string; items: Word[] | undefined; body: List; redirects: Redirect[] }
  | { kind: "group"; body: List; subshell: boolean; redirects: Redirect[] };

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
