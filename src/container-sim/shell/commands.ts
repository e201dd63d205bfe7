// Shell builtins and the core utilities an image's userland provides, with busybox or GNU wording for errors.

import { USER_COMMANDS } from "./user-commands";
import { FILE_COMMANDS } from "./file-commands";
import { runProgram } from "./interpreter";
import { formatDate, formatPrintf, interpretEscapes } from "./format";
import { NET_COMMANDS } from "./net-commands";
import { SHELL_BUILTINS } from "./shell-builtins";
import { SYSTEM_COMMANDS } from "./system-commands";
import { ExitSignal, LoopSignal, type Io, type Run, type ShellState } from "./state";
import { evaluateTest } from "./test-command";
import { tar } from "./tar";
import { TEXT_COMMANDS } from "./text-commands";
import { normalizePath } from "./vfs";

export type Builtin = (argv: string[], io: Io, sh: ShellState) => number | Run<number>;

export function notFoundMessage(sh: ShellState, name: string): string {
  if (sh.host.shellName === "bash") return `bash: line 1: ${name}: command not found\n`;
  return `sh: ${name}: not found\n`;
}

/** Parse a `sleep` operand: seconds with an optional s/m/h/d suffix, or `infinity`. NaN when invalid. */
export function parseDuration(arg: string): number {
  if (arg === "infinity" || arg === "inf") return Infinity;
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
  if (!m) return Number.NaN;
  const unit = { "": 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2]] as number;
  return Number(m[1]) * unit * 1000;
}

function* sleep(argv: string[], io: Io, sh: ShellState): Run<number> {
  if (argv.length < 2) {
    io.stderr.write(sh.host.flavor === "busybox" ? "sleep: missing operand\n" : "sleep: missing operand\nTry 'sleep --help' for more information.\n");
    return 1;
  }
  let total = 0;
  for (const arg of argv.slice(1)) {
    const ms = parseDuration(arg);
    if (Number.isNaN(ms)) {
      io.stderr.write(sh.host.flavor === "busybox" ? `sleep: invalid number '${arg}'\n` : `sleep: invalid time interval '${arg}'\nTry 'sleep --help' for more information.\n`);
      return 1;
    }
    total += ms;
  }
  yield { type: "sleep", ms: total === Infinity ? Infinity : Math.round(total) };
  return 0;
}

function echo(argv: string[], io: Io): number {
  let args = argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args.length && /^-[neE]+$/.test(args[0])) {
    if (args[0].includes("n")) newline = false;
    if (args[0].includes("e")) escapes = true;
    if (args[0].includes("E")) escapes = false;
    args = args.slice(1);
  }
  let text = args.join(" ");
  if (escapes) {
    const r = interpretEscapes(text);
    text = r.text;
    if (r.stop) newline = false;
  }
  io.stdout.write(newline ? `${text}\n` : text);
  return 0;
}

function printf(argv: string[], io: Io): number {
  if (argv.length < 2) {
    io.stderr.write("printf: usage: printf format [arguments]\n");
    return 2;
  }
  const r = formatPrintf(argv[1], argv.slice(2));
  io.stdout.write(r.text);
  if (r.error) {
    io.stderr.write(`${r.error}\n`);
    return 1;
  }
  return 0;
}

function exit(argv: string[], _io: Io, sh: ShellState): number {
  const code = argv[1] === undefined ? sh.status : Number.parseInt(argv[1], 10);
  throw new ExitSignal(Number.isNaN(code) ? 2 : ((code % 256) + 256) % 256);
}

function seq(argv: string[], io: Io): number {
  const nums = argv.slice(1).map(Number);
  if (nums.length === 0 || nums.some(Number.isNaN)) {
    io.stderr.write(`seq: invalid argument\n`);
    return 1;
  }
  const [first, step, last] = nums.length === 1 ? [1, 1, nums[0]] : nums.length === 2 ? [nums[0], 1, nums[1]] : nums;
  const out: string[] = [];
  for (let i = first; step > 0 ? i <= last : i >= last; i += step) {
    out.push(String(i));
    if (out.length > 100_000 || step === 0) break;
  }
  if (out.length) io.stdout.write(`${out.join("\n")}\n`);
  return 0;
}

function env(_argv: string[], io: Io, sh: ShellState): number {
  io.stdout.write(sh.environment().map(([k, v]) => `${k}=${v}\n`).join(""));
  return 0;
}

function printenv(argv: string[], io: Io, sh: ShellState): number {
  if (argv.length < 2) return env(argv, io, sh);
  let status = 0;
  for (const name of argv.slice(1)) {
    const v = sh.exported.has(name) ? sh.vars.get(name) : undefined;
    if (v === undefined) status = 1;
    else io.stdout.write(`${v}\n`);
  }
  return status;
}

function exportCmd(argv: string[], _io: Io, sh: ShellState): number {
  for (const arg of argv.slice(1)) {
    const eq = arg.indexOf("=");
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    if (eq >= 0) sh.set(name, arg.slice(eq + 1));
    sh.exported.add(name);
  }
  return 0;
}

function trap(argv: string[], _io: Io, sh: ShellState): number {
  if (argv.length < 3) return 0;
  for (const sig of argv.slice(2)) sh.traps.set(sig.replace(/^SIG/, "").toUpperCase(), argv[1]);
  return 0;
}

function set(argv: string[], _io: Io, sh: ShellState): number {
  for (const arg of argv.slice(1)) {
    if (/^-[a-z]*e/.test(arg)) sh.errexit = true;
    if (/^\+[a-z]*e/.test(arg)) sh.errexit = false;
  }
  if (argv[1] === "--") sh.positional = argv.slice(2);
  return 0;
}

function cd(argv: string[], io: Io, sh: ShellState): number {
  const target = normalizePath(argv[1] ?? "/root", sh.cwd);
  if (sh.host.fs.kind(target) !== "dir") {
    io.stderr.write(`${sh.host.shellName}: cd: can't cd to ${argv[1]}: No such file or directory\n`);
    return 2;
  }
  sh.cwd = target;
  sh.set("PWD", target);
  return 0;
}

/** Wait until stdin holds a whole line or reaches its end (an attached stdin fills over time). */
function* awaitLine(io: Io): Run<void> {
  for (let wait = io.stdin.more?.(); wait !== undefined && !io.stdin.data.includes("\n"); wait = io.stdin.more?.()) {
    yield { type: "sleep", ms: wait };
  }
}

function* read(argv: string[], io: Io, sh: ShellState): Run<number> {
  const names: string[] = [];
  let arrayName: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-a" && sh.dialect === "bash") arrayName = argv[++i];
    else if (a === "-p" || a === "-t" || a === "-n" || a === "-d" || a === "-u") i++;
    else if (!a.startsWith("-")) names.push(a);
  }
  yield* awaitLine(io);
  if (io.stdin.data === "") return 1;
  const nl = io.stdin.data.indexOf("\n");
  const line = nl >= 0 ? io.stdin.data.slice(0, nl) : io.stdin.data;
  io.stdin.data = nl >= 0 ? io.stdin.data.slice(nl + 1) : "";
  const fields = line.trim().split(/[ \t]+/);
  if (arrayName !== undefined) {
    sh.unsetVariable(arrayName);
    const array = sh.array(arrayName);
    fields.filter((f) => f !== "").forEach((f, i) => array.items.set(String(i), f));
    return 0;
  }
  const targets = names.length ? names : ["REPLY"];
  targets.forEach((name, i) => sh.set(name, i === targets.length - 1 ? fields.slice(i).join(" ") : fields[i] ?? ""));
  return 0;
}

function expr(argv: string[], io: Io): number {
  const [a, op, b] = argv.slice(1);
  const x = Number(a);
  const y = Number(b);
  let result: number | string;
  switch (op) {
    case "+": result = x + y; break;
    case "-": result = x - y; break;
    case "*": result = x * y; break;
    case "/": result = Math.trunc(x / y); break;
    case "%": result = x % y; break;
    case "=": result = Number(a === b); break;
    case "!=": result = Number(a !== b); break;
    case "<": result = Number(x < y); break;
    case ">": result = Number(x > y); break;
    default: result = argv.length === 2 ? a : Number.NaN;
  }
  if (typeof result === "number" && Number.isNaN(result)) {
    io.stderr.write("expr: syntax error\n");
    return 2;
  }
  io.stdout.write(`${result}\n`);
  return result === 0 || result === "" ? 1 : 0;
}

function uname(argv: string[], io: Io, sh: ShellState): number {
  const all = argv.includes("-a");
  io.stdout.write(all ? `Linux ${sh.host.hostname} 6.1.0-sandbox #1 SMP x86_64 GNU/Linux\n` : argv.includes("-r") ? "6.1.0-sandbox\n" : argv.includes("-m") ? "x86_64\n" : "Linux\n");
  return 0;
}

const loop = (kind: "break" | "continue") => (argv: string[]) => {
  throw new LoopSignal(kind, Math.max(1, Number.parseInt(argv[1] ?? "1", 10) || 1));
};

export const BUILTINS: Record<string, Builtin> = {
  echo,
  printf,
  sleep,
  exit,
  seq,
  env,
  printenv,
  export: exportCmd,
  trap,
  set,
  cd,
  read,
  expr,
  uname,
  break: loop("break"),
  continue: loop("continue"),
  true: () => 0,
  false: () => 1,
  ":": () => 0,
  wait: () => 0,
  kill: () => 0,
  shift: (argv, _io, sh) => {
    sh.positional = sh.positional.slice(Number(argv[1] ?? 1));
    return 0;
  },
  date: (argv, io, sh) => {
    const format = argv.slice(1).find((a) => a.startsWith("+"));
    io.stdout.write(`${formatDate(sh.host.startedAtWallMs + sh.host.clock.nowMs, format?.slice(1))}\n`);
    return 0;
  },
  pwd: (_argv, io, sh) => (io.stdout.write(`${sh.cwd}\n`), 0),
  test: (argv, io, sh) => evaluateTest(argv.slice(1), io, sh, "test"),
  "[": (argv, io, sh) => {
    if (argv[argv.length - 1] !== "]") {
      io.stderr.write(`${sh.host.shellName}: [: missing ]\n`);
      return 2;
    }
    return evaluateTest(argv.slice(1, -1), io, sh, "[");
  },
  exec: function* (argv, io, sh) {
    if (argv.length < 2) return 0;
    throw new ExitSignal(yield* runProgram(argv.slice(1), sh, io));
  },
  ...FILE_COMMANDS,
  ...USER_COMMANDS,
  ...TEXT_COMMANDS,
  ...NET_COMMANDS,
  ...SYSTEM_COMMANDS,
  tar,
  ...SHELL_BUILTINS,
};

