// `test` / `[ ]`: file tests (-e -f -d -s -r -w -x), string tests (-z -n = != ==), integer comparisons
// (-eq -ne -lt -le -gt -ge), `!`, and `-a` / `-o`.

import type { Io, ShellState } from "./state";
import { normalizePath } from "./vfs";

export function evaluateTest(args: string[], io: Io, sh: ShellState, name: string): number {
  try {
    return evaluate(args, sh) ? 0 : 1;
  } catch (e) {
    io.stderr.write(`${sh.host.shellName}: ${name}: ${(e as Error).message}\n`);
    return 2;
  }
}

function evaluate(args: string[], sh: ShellState): boolean {
  const or = args.indexOf("-o");
  if (or > 0) return evaluate(args.slice(0, or), sh) || evaluate(args.slice(or + 1), sh);
  const and = args.indexOf("-a", 1);
  if (and > 0 && args.length > 3) return evaluate(args.slice(0, and), sh) && evaluate(args.slice(and + 1), sh);
  if (args[0] === "!") return !evaluate(args.slice(1), sh);
  if (args.length === 0) return false;
  if (args.length === 1) return args[0] !== "";
  if (args.length === 2) return unaryTest(args[0], args[1], sh);
  if (args.length === 3) return binary(args[0], args[1], args[2]);
  throw new Error("too many arguments");
}

/** A unary file or string test (`-f`, `-z`...); throws for an unknown operator. */
export function unaryTest(op: string, arg: string, sh: ShellState): boolean {
  const kind = () => sh.host.fs.kind(normalizePath(arg, sh.cwd));
  switch (op) {
    case "-z": return arg === "";
    case "-n": return arg !== "";
    case "-e": case "-r": return kind() !== undefined;
    case "-w": return kind() !== undefined && !sh.host.fs.refusal(normalizePath(arg, sh.cwd), false);
    case "-f": return kind() === "file";
    case "-d": return kind() === "dir";
    case "-x": return kind() === "dir";
    case "-s": return (sh.host.fs.read(normalizePath(arg, sh.cwd)) ?? "").length > 0;
    case "-L": case "-h": return false;
  }
  throw new Error(`${op}: unary operator expected`);
}

function integer(s: string): number {
  if (!/^\s*-?\d+\s*$/.test(s)) throw new Error(`${s}: integer expression expected`);
  return Number.parseInt(s, 10);
}

function binary(a: string, op: string, b: string): boolean {
  switch (op) {
    case "=": case "==": return a === b;
    case "!=": return a !== b;
    case "-eq": return integer(a) === integer(b);
    case "-ne": return integer(a) !== integer(b);
    case "-lt": return integer(a) < integer(b);
    case "-le": return integer(a) <= integer(b);
    case "-gt": return integer(a) > integer(b);
    case "-ge": return integer(a) >= integer(b);
    case "<": return a < b;
    case ">": return a > b;
  }
  throw new Error(`${op}: binary operator expected`);
}
