// What an image program is: a generator over virtual time, like a shell command, that may print, listen on ports
// (with an HTTP answerer), sleep, and end with an exit code.

import type { ImageProfile } from "../catalog";
import type { ImageReference } from "../reference";
import type { Io, Run, ShellState } from "../shell/state";
import type { ProcessSpec } from "../types";

export interface ProgramContext {
  spec: ProcessSpec;
  ref: ImageReference | undefined;
  profile: ImageProfile | undefined;
}

export type Program = (argv: string[], io: Io, sh: ShellState, ctx: ProgramContext) => Run<number>;

export function* pause(ms: number): Run<void> {
  yield { type: "sleep", ms };
}

export function* forever(): Run<number> {
  yield { type: "sleep", ms: Infinity };
  return 0;
}

/** Virtual ms an interpreter runs a script it cannot read, in a pod that is expected to finish. */
export const SCRIPT_RUN_MS = 10_000;

/** Interpreters: given a script, they run it (and the simulator cannot read it). */
export const INTERPRETERS = new Set(["python", "python2", "python3", "node", "nodejs", "ruby", "perl", "php"]);

/**
 * An interpreter running a script the simulator cannot read: in a pod expected to finish (restartPolicy Never or
 * OnFailure: a Job's) it exits 0 after SCRIPT_RUN_MS; elsewhere it runs as a server does, until stopped.
 */
export function* opaqueScript(ctx: ProgramContext): Run<number> {
  if (ctx.spec.restartPolicy !== "Never" && ctx.spec.restartPolicy !== "OnFailure") return yield* forever();
  yield* pause(SCRIPT_RUN_MS);
  return 0;
}

/** Wall-clock time now, in ms. */
export const wallNow = (sh: ShellState) => sh.host.startedAtWallMs + sh.host.clock.nowMs;

/** The version an image tag stands for, e.g. nginx "1.25" → "1.25.5", "latest" → the fallback. */
export function versionOf(ctx: ProgramContext, fallback: string, patches: Record<string, string> = {}): string {
  const tag = ctx.ref?.tag ?? "";
  const m = /^v?(\d+(?:\.\d+){0,2})/.exec(tag);
  if (!m) return fallback;
  const v = m[1];
  if (patches[v]) return patches[v];
  const parts = v.split(".");
  while (parts.length < 3) parts.push("0");
  return parts.join(".");
}

/** Value of `--name=value` / `-name=value` / `--name value` / `-name value` in argv. */
export function flagValue(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i].replace(/^--?/, "-");
    if (a === `-${name}`) return argv[i + 1];
    if (a.startsWith(`-${name}=`)) return a.slice(name.length + 2);
  }
  return undefined;
}
