// Runs a parsed script as a generator over virtual time: every simple command yields a `step` (so the driver can
// bound the work of infinite loops) and `sleep` yields the time it waits. Output goes to the Io sinks immediately,
// at the current virtual time.

import type { AndOr, Command, List, Pipeline, Redirect } from "./ast";
import { assign, expandAssignment, runDeclaration } from "./assignments";
import { BUILTINS, notFoundMessage } from "./commands";
import { evaluateConditional } from "./conditional";
import { arithmetic, ExpansionError, expandToString, expandWords } from "./expand";
import { parseScript } from "./parser";
import { globMatches } from "./pattern";
import { ExitSignal, LoopSignal, ReturnSignal, type Io, type Run, type ShellState, type Sink } from "./state";
import { ShellSyntaxError, syntaxErrorText } from "./syntax-error";
import { fsErrorText } from "../filesystem";
import { normalizePath } from "./vfs";

export function* runList(list: List, sh: ShellState, io: Io): Run<number> {
  for (const andOr of list) yield* runAndOr(andOr, sh, io);
  return sh.status;
}

function* runCondition(list: List, sh: ShellState, io: Io): Run<number> {
  sh.conditionDepth++;
  try {
    return yield* runList(list, sh, io);
  } finally {
    sh.conditionDepth--;
  }
}

function* runAndOr(andOr: AndOr, sh: ShellState, io: Io): Run<number> {
  const pipelines = [andOr.first, ...andOr.rest.map((r) => r.pipeline)];
  let status = 0;
  for (let i = 0; i < pipelines.length; i++) {
    if (i > 0) {
      const op = andOr.rest[i - 1].op;
      if ((op === "&&" && status !== 0) || (op === "||" && status === 0)) continue;
    }
    const guarded = i < pipelines.length - 1;
    if (guarded) sh.conditionDepth++;
    try {
      status = yield* runPipeline(pipelines[i], sh, io);
    } finally {
      if (guarded) sh.conditionDepth--;
    }
    sh.status = status;
  }
  if (status !== 0 && sh.errexit && sh.conditionDepth === 0) throw new ExitSignal(status);
  return status;
}

function* runPipeline(pipeline: Pipeline, sh: ShellState, io: Io): Run<number> {
  let status = 0;
  let input = io.stdin;
  for (let i = 0; i < pipeline.commands.length; i++) {
    const last = i === pipeline.commands.length - 1;
    let captured = "";
    const stdout: Sink = last ? io.stdout : { write: (t) => (captured += t) };
    status = yield* runCommand(pipeline.commands[i], sh, { stdin: input, stdout, stderr: io.stderr });
    input = { data: captured };
  }
  if (pipeline.negated) status = status === 0 ? 1 : 0;
  sh.status = status;
  return status;
}

/** A sink that writes through to a file, at the virtual time of each write; a full volume's refusal goes to `stderr`. */
function fileSink(sh: ShellState, path: string, stderr: Sink): Sink {
  return {
    write: (t) => {
      if (sh.host.fs.tryWrite(path, t, sh.host.clock.nowMs, true) === "ENOSPC") stderr.write(`${sh.host.shellName}: write error: ${fsErrorText.ENOSPC}\n`);
    },
  };
}

function* applyRedirects(redirects: Redirect[], sh: ShellState, io: Io): Run<Io | number> {
  let out = { ...io };
  for (const r of redirects) {
    if (r.heredoc) {
      out = { ...out, stdin: { data: yield* expandToString(r.heredoc.body, sh, io, runList) } };
      continue;
    }
    const target = yield* expandToString(r.target, sh, io, runList);
    if (r.op === ">&") {
      const to = target === "1" ? out.stdout : target === "2" ? out.stderr : undefined;
      if (!to) continue;
      out = r.fd === 2 ? { ...out, stderr: to } : { ...out, stdout: to };
      continue;
    }
    const path = normalizePath(target, sh.cwd);
    if (r.op === "<") {
      const content = sh.host.fs.read(path);
      if (content === undefined) {
        io.stderr.write(`${sh.host.shellName}: can't open ${target}: no such file\n`);
        return 1;
      }
      out = { ...out, stdin: { data: content } };
      continue;
    }
    if (path !== "/dev/null") {
      const failed = sh.host.fs.tryWrite(path, "", sh.host.clock.nowMs, r.op === ">>");
      if (failed) {
        const why = failed === "EROFS" || failed === "ENOSPC" || failed === "EACCES" ? fsErrorText[failed] : "nonexistent directory";
        io.stderr.write(sh.host.flavor === "busybox" || why === "nonexistent directory" ? `${sh.host.shellName}: can't create ${target}: ${why}\n` : `${sh.host.shellName}: ${target}: ${why}\n`);
        return 1;
      }
    }
    const sink: Sink = path === "/dev/null" ? { write: () => undefined } : fileSink(sh, path, io.stderr);
    out = r.fd === 2 ? { ...out, stderr: sink } : { ...out, stdout: sink };
  }
  return out;
}

function* runCommand(cmd: Command, sh: ShellState, parentIo: Io): Run<number> {
  const redirected = yield* applyRedirects(cmd.redirects, sh, parentIo);
  if (typeof redirected === "number") return (sh.status = redirected);
  const io = redirected;
  switch (cmd.kind) {
    case "simple":
      return yield* runSimple(cmd, sh, io);
    case "group":
      if (!cmd.subshell) return yield* runList(cmd.body, sh, io);
      return yield* runSubshell(cmd.body, sh, io);
    case "if": {
      for (const clause of cmd.clauses) {
        if ((yield* runCondition(clause.cond, sh, io)) === 0) return yield* runList(clause.body, sh, io);
      }
      if (cmd.elseBody) return yield* runList(cmd.elseBody, sh, io);
      return (sh.status = 0);
    }
    case "loop":
    case "for":
    case "cfor":
      return yield* runLoop(cmd, sh, io);
    case "case":
      return yield* runCase(cmd, sh, io);
    case "cond":
      yield* step(sh);
      return (sh.status = yield* expanding(sh, io, function* () {
        try {
          return yield* evaluateConditional(cmd.expr, sh, io, runList);
        } catch (e) {
          if (e instanceof ExpansionError) throw e;
          io.stderr.write(`${sh.host.shellName}: ${(e as Error).message}\n`);
          return 2;
        }
      }));
    case "arith":
      yield* step(sh);
      return (sh.status = yield* expanding(sh, io, function* () {
        return arithmetic(cmd.expr, sh) !== 0 ? 0 : 1;
      }));
    case "function":
      sh.functions.set(cmd.name, cmd.body);
      return (sh.status = 0);
    case "declare":
      yield* step(sh);
      return (sh.status = yield* expanding(sh, io, () => runDeclaration(cmd, sh, io, runList)));
  }
}

function* runCase(cmd: Extract<Command, { kind: "case" }>, sh: ShellState, io: Io): Run<number> {
  yield* step(sh);
  const subject = yield* expandToString(cmd.word, sh, io, runList);
  for (const item of cmd.items) {
    for (const pattern of item.patterns) {
      const pieces = [];
      for (const part of pattern) pieces.push({ text: yield* expandToString([part], sh, io, runList), quoted: part.quoted });
      if (globMatches(subject, pieces)) return yield* runList(item.body, sh, io);
    }
  }
  return (sh.status = 0);
}

/** Run an expansion; its error (`${x:?}`, bad arithmetic) is printed and ends the shell, as a non-interactive shell does. */
function* expanding<T>(sh: ShellState, io: Io, body: () => Run<T>): Run<T> {
  try {
    return yield* body();
  } catch (e) {
    if (!(e instanceof ExpansionError)) throw e;
    io.stderr.write(`${sh.host.shellName}: ${e.message}\n`);
    throw new ExitSignal(e.message.includes("arithmetic") ? 2 : 1);
  }
}

/** Call a shell function: its arguments are the positional parameters, `local` variables live until it returns. */
function* callFunction(body: Command, argv: string[], sh: ShellState, io: Io): Run<number> {
  const savedPositional = sh.positional;
  sh.positional = argv.slice(1);
  sh.localFrames.push(new Map());
  try {
    return yield* runCommand(body, sh, io);
  } catch (e) {
    if (e instanceof ReturnSignal) return (sh.status = e.code);
    throw e;
  } finally {
    sh.popLocals();
    sh.positional = savedPositional;
  }
}

function* runSubshell(body: List, sh: ShellState, io: Io): Run<number> {
  const restore = sh.snapshot();
  const cwd = sh.cwd;
  try {
    return yield* runList(body, sh, io);
  } catch (e) {
    if (e instanceof ExitSignal) return (sh.status = e.code);
    throw e;
  } finally {
    restore();
    sh.cwd = cwd;
  }
}

function* runLoop(cmd: Extract<Command, { kind: "loop" | "for" | "cfor" }>, sh: ShellState, io: Io): Run<number> {
  let status = 0;
  const items = cmd.kind === "for" ? (cmd.items ? yield* expandWords(cmd.items, sh, io, runList) : sh.positional) : [];
  const arith = (expr: string) => expanding(sh, io, function* () {
    return expr === "" ? 1 : arithmetic(expr, sh);
  });
  if (cmd.kind === "cfor") yield* arith(cmd.init);
  for (let i = 0; ; i++) {
    yield* step(sh);
    if (cmd.kind === "for") {
      if (i >= items.length) break;
      sh.set(cmd.name, items[i]);
    } else if (cmd.kind === "cfor") {
      if (i > 0) yield* arith(cmd.update);
      if ((yield* arith(cmd.cond)) === 0) break;
    } else {
      const cond = yield* runCondition(cmd.cond, sh, io);
      if ((cond === 0) === cmd.until) break;
    }
    try {
      status = yield* runList(cmd.body, sh, io);
    } catch (e) {
      if (!(e instanceof LoopSignal)) throw e;
      if (e.levels > 1) throw new LoopSignal(e.kind, e.levels - 1);
      if (e.kind === "break") break;
    }
  }
  return (sh.status = status);
}

/**
 * Count one unit of work. Only every 64th is yielded to the driver (which then checks its budget): yielding
 * through the whole generator chain for each command would dominate the cost of running a script.
 */
function* step(sh: ShellState): Run<void> {
  if (++sh.host.work.steps % 64 === 0) yield { type: "step" };
}

function* runSimple(cmd: Extract<Command, { kind: "simple" }>, sh: ShellState, io: Io): Run<number> {
  yield* step(sh);
  let argv: string[];
  const assignments = [];
  try {
    for (const a of cmd.assigns) assignments.push(yield* expandAssignment(a, sh, io, runList));
    argv = yield* expandWords(cmd.words, sh, io, runList);
  } catch (e) {
    if (!(e instanceof ExpansionError)) throw e;
    io.stderr.write(`${sh.host.shellName}: ${e.message}\n`);
    throw new ExitSignal(e.message.includes("arithmetic") ? 2 : 1);
  }
  if (argv.length === 0) {
    for (const a of assignments) assign(sh, a);
    return sh.status;
  }
  const assigned: [string, string][] = assignments.map(({ a, value }) => [a.name, "text" in value ? value.text : ""]);
  // Prefix assignments (`FOO=1 cmd`) apply to that command only.
  const saved = assigned.map(([k]) => [k, sh.vars.get(k), sh.exported.has(k)] as const);
  for (const [k, v] of assigned) {
    sh.set(k, v);
    sh.exported.add(k);
  }
  try {
    return (sh.status = yield* runProgram(argv, sh, io));
  } finally {
    for (const [k, v, wasExported] of saved) {
      if (v === undefined) sh.vars.delete(k);
      else sh.vars.set(k, v);
      if (!wasExported) sh.exported.delete(k);
    }
  }
}

const BIN_DIRS = new Set(["/bin", "/usr/bin", "/sbin", "/usr/sbin", "/usr/local/bin"]);

/** Run one program by name: a shell builtin or utility, an image program, or a script file. */
export function* runProgram(argv: string[], sh: ShellState, io: Io): Run<number> {
  const name = argv[0];
  const slash = name.lastIndexOf("/");
  const base = slash >= 0 && BIN_DIRS.has(name.slice(0, slash)) ? name.slice(slash + 1) : name;
  if (base === "sh" || base === "bash" || base === "ash" || base === "dash") return yield* runNestedShell(argv, sh, io);
  const fn = sh.functions.get(name);
  if (fn) return yield* callFunction(fn, argv, sh, io);
  // An image program by its full path (`/usr/local/bin/run.sh`), else by its name in a bin directory.
  const external = (base !== name ? sh.host.external?.(argv, io, sh) : undefined) ?? sh.host.external?.([base, ...argv.slice(1)], io, sh);
  if (external) return yield* external;
  const builtin = BUILTINS[base];
  if (builtin) {
    const result = builtin([base, ...argv.slice(1)], io, sh);
    return typeof result === "number" ? result : yield* result;
  }
  if (name.includes("/")) {
    const path = normalizePath(name, sh.cwd);
    const content = sh.host.fs.read(path);
    if (content !== undefined) return yield* runScriptText(content, argv, sh, io);
    if (sh.host.fs.kind(path) === "dir") {
      io.stderr.write(`${sh.host.shellName}: ${name}: Permission denied\n`);
      return 126;
    }
  }
  io.stderr.write(notFoundMessage(sh, name));
  return 127;
}

function* runNestedShell(argv: string[], sh: ShellState, io: Io): Run<number> {
  const savedDialect = sh.dialect;
  sh.dialect = dialectOf(argv[0], sh);
  try {
    return yield* runShell(argv, sh, io);
  } finally {
    sh.dialect = savedDialect;
  }
}

/** Which shell a name starts: bash, or the image's /bin/sh (busybox ash, or dash on Debian's userland). */
function dialectOf(name: string, sh: ShellState): ShellState["dialect"] {
  const base = name.slice(name.lastIndexOf("/") + 1);
  if (base === "bash") return "bash";
  if (base === "ash" || base === "dash") return base;
  return sh.host.flavor === "busybox" ? "ash" : "dash";
}

function* runShell(argv: string[], sh: ShellState, io: Io): Run<number> {
  const c = argv.indexOf("-c");
  if (c > 0) {
    const script = argv[c + 1];
    if (script === undefined) {
      io.stderr.write(`${argv[0]}: -c: option requires an argument\n`);
      return 2;
    }
    return yield* runScriptText(script, [argv[c + 2] ?? argv[0], ...argv.slice(c + 3)], sh, io, true);
  }
  const file = argv.slice(1).find((a) => !a.startsWith("-"));
  if (!file) {
    // No script named: the shell reads its commands from stdin to its end (`kubectl exec -i POD -- sh < script.sh`).
    for (let wait = io.stdin.more?.(); wait !== undefined; wait = io.stdin.more?.()) yield { type: "sleep", ms: wait };
    const text = io.stdin.data;
    io.stdin.data = "";
    return text ? yield* runScriptText(text, [argv[0]!], sh, io) : 0;
  }
  const content = sh.host.fs.read(normalizePath(file, sh.cwd));
  if (content === undefined) {
    io.stderr.write(sh.host.flavor === "busybox" ? `sh: can't open '${file}': No such file or directory\n` : `${argv[0]}: ${file}: No such file or directory\n`);
    return sh.host.flavor === "busybox" ? 2 : 127;
  }
  return yield* runScriptText(content, [file, ...argv.slice(argv.indexOf(file) + 1)], sh, io);
}

/** Run a script's text in a child shell sharing the filesystem (variables do not leak back). */
export function* runScriptText(text: string, args: string[], sh: ShellState, io: Io, inline = false): Run<number> {
  let list: List;
  try {
    list = parseScript(text, sh.dialect);
  } catch (e) {
    if (!(e instanceof ShellSyntaxError)) throw e;
    io.stderr.write(syntaxErrorText(e, sh.dialect, sh.dialect === "bash" ? "bash" : "sh", inline));
    return 2;
  }
  const restore = sh.snapshot();
  const savedPositional = sh.positional;
  const savedName = sh.scriptName;
  sh.positional = args.slice(1);
  sh.scriptName = args[0] ?? "sh";
  try {
    return yield* runList(list, sh, io);
  } catch (e) {
    if (e instanceof ExitSignal) return e.code;
    if (e instanceof LoopSignal) return 0;
    if (e instanceof ReturnSignal) return e.code;
    throw e;
  } finally {
    restore();
    sh.positional = savedPositional;
    sh.scriptName = savedName;
  }
}
