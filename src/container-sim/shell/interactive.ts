// An interactive shell (`sh`, `bash` with a terminal): it prints its prompt, reads a command line, runs it with its
// state kept (cwd, variables, exports) and prompts again, until `exit` or end of file. Ctrl-C reaches it as an
// InterruptSignal thrown in at the point it waits (a running `sleep`, or its own read): the command is abandoned and a
// fresh prompt follows.

import { runList } from "./interpreter";
import { parseScript, ShellSyntaxError } from "./parser";
import { ExitSignal, LoopSignal, type Io, type Run, type ShellState } from "./state";

/** SIGINT from the terminal (Ctrl-C), thrown into the running program. */
export class InterruptSignal {}

/** Which shell reads the terminal: busybox's ash, Debian's dash (`sh` in GNU images) or bash. */
export type InteractiveShellKind = "ash" | "dash" | "bash";

/** The exit code of a shell whose foreground command SIGINT interrupted (128 + 2). */
export const INTERRUPTED_STATUS = 130;

/** `\w`: the working directory with the home directory shown as `~`. */
function workingDir(sh: ShellState): string {
  const home = sh.get("HOME");
  if (home && (sh.cwd === home || (home !== "/" && sh.cwd.startsWith(`${home}/`)))) return `~${sh.cwd.slice(home.length)}`;
  return sh.cwd;
}

/** Expand the backslash escapes of a PS1 (`\u`, `\h`, `\w`, `\W`, `\$`) as ash and bash do. */
export function expandPrompt(ps1: string, sh: ShellState): string {
  const uid = sh.host.identity?.uid ?? 0;
  return ps1.replace(/\\([uhHwW$\\n])/g, (_, c: string) => {
    switch (c) {
      case "u":
        return sh.host.accounts?.users[uid]?.name ?? String(uid);
      case "h":
        return sh.host.hostname.split(".")[0]!;
      case "H":
        return sh.host.hostname;
      case "w":
        return workingDir(sh);
      case "W": {
        const dir = workingDir(sh);
        return dir === "/" || dir === "~" ? dir : dir.slice(dir.lastIndexOf("/") + 1);
      }
      case "$":
        return uid === 0 ? "#" : "$";
      case "n":
        return "\n";
      default:
        return "\\";
    }
  });
}

/**
 * The prompt a shell prints: PS1 when the user set one, else busybox ash's default (`\w \$ `: `/ # ` for root in
 * /), dash's (`# ` or `$ `), or the one Debian's /etc/bash.bashrc sets for bash (`\u@\h:\w\$ `: `root@web:/# `).
 */
export function promptOf(sh: ShellState, kind: InteractiveShellKind): string {
  const ps1 = sh.get("PS1");
  if (ps1 !== undefined) return kind === "dash" ? ps1 : expandPrompt(ps1, sh);
  if (kind === "dash") return (sh.host.identity?.uid ?? 0) === 0 ? "# " : "$ ";
  return expandPrompt(kind === "bash" ? "\\u@\\h:\\w\\$ " : "\\w \\$ ", sh);
}

/** The next line typed (without its newline); undefined at end of file with nothing typed. */
function* readCommandLine(io: Io): Run<string | undefined> {
  for (;;) {
    const nl = io.stdin.data.indexOf("\n");
    if (nl >= 0) {
      const line = io.stdin.data.slice(0, nl);
      io.stdin.data = io.stdin.data.slice(nl + 1);
      return line;
    }
    const wait = io.stdin.more?.();
    if (wait === undefined) {
      const rest = io.stdin.data;
      io.stdin.data = "";
      return rest || undefined;
    }
    yield { type: "sleep", ms: wait };
  }
}

/** A parse error that more lines could complete (an open `if`, quote, or parenthesis): the shell asks for them (PS2). */
function incomplete(error: ShellSyntaxError): boolean {
  return /unexpected end of file|unterminated (quoted string|backquote)/.test(error.message);
}

export function* interactiveShell(sh: ShellState, io: Io, kind: InteractiveShellKind): Run<number> {
  let text = "";
  for (;;) {
    try {
      io.stderr.write(text ? (sh.get("PS2") ?? "> ") : promptOf(sh, kind));
      const line = yield* readCommandLine(io);
      if (line === undefined) {
        // End of file (Ctrl-D on an empty line): bash says `exit`, ash and dash end the prompt's line.
        io.stderr.write(kind === "bash" ? "exit\n" : "\n");
        return sh.status;
      }
      text += `${line}\n`;
      let list;
      try {
        list = parseScript(text);
      } catch (error) {
        if (!(error instanceof ShellSyntaxError)) throw error;
        if (incomplete(error)) continue;
        text = "";
        io.stderr.write(`${sh.host.shellName}: ${error.message}\n`);
        sh.status = 2;
        continue;
      }
      text = "";
      yield* runList(list, sh, io);
    } catch (error) {
      if (error instanceof InterruptSignal) {
        text = "";
        io.stderr.write("\n");
        sh.status = INTERRUPTED_STATUS;
        continue;
      }
      if (error instanceof LoopSignal) continue;
      if (error instanceof ExitSignal && kind === "bash") io.stderr.write("exit\n");
      throw error;
    }
  }
}
