// Builtins about the shell's own state: `return`, `local` (ash and dash; bash parses it as a declaration), `unset`
// (variables, array elements, functions) and busybox ash's `[[` (test with `]]`; dash has no `[[`).

import { subscriptKey } from "./expand";
import { ReturnSignal, type Io, type ShellState } from "./state";
import { evaluateTest } from "./test-command";

function returnBuiltin(argv: string[], _io: Io, sh: ShellState): number {
  const code = argv[1] === undefined ? sh.status : Number.parseInt(argv[1], 10);
  throw new ReturnSignal(Number.isNaN(code) ? 2 : ((code % 256) + 256) % 256);
}

function local(argv: string[], io: Io, sh: ShellState): number {
  if (sh.localFrames.length === 0) {
    io.stderr.write(sh.dialect === "dash" ? "sh: 1: local: not in a function\n" : "sh: local: not in a function\n");
    return 2;
  }
  for (const arg of argv.slice(1)) {
    const eq = arg.indexOf("=");
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    sh.makeLocal(name);
    if (eq >= 0) sh.set(name, arg.slice(eq + 1));
  }
  return 0;
}

function unset(argv: string[], _io: Io, sh: ShellState): number {
  let functions = false;
  for (const arg of argv.slice(1)) {
    if (arg === "-f") functions = true;
    else if (arg === "-v") functions = false;
    else if (functions) sh.functions.delete(arg);
    else {
      const element = /^([A-Za-z_][A-Za-z0-9_]*)\[(.*)\]$/s.exec(arg);
      if (element && sh.dialect === "bash") {
        if (element[2] === "@" || element[2] === "*") sh.unsetVariable(element[1]);
        else sh.arrays.get(element[1])?.items.delete(subscriptKey(sh, element[1], element[2]));
      } else {
        const wasVariable = sh.vars.has(arg) || sh.arrays.has(arg);
        sh.unsetVariable(arg);
        if (!wasVariable && sh.dialect === "bash") sh.functions.delete(arg);
      }
    }
  }
  return 0;
}

function doubleBracket(argv: string[], io: Io, sh: ShellState): number {
  if (sh.dialect === "dash") {
    io.stderr.write("sh: 1: [[: not found\n");
    return 127;
  }
  if (argv[argv.length - 1] !== "]]") {
    io.stderr.write(`sh: [[: missing ]]\n`);
    return 2;
  }
  return evaluateTest(argv.slice(1, -1), io, sh, "[[");
}

export const SHELL_BUILTINS = { return: returnBuiltin, local, unset, "[[": doubleBracket };
