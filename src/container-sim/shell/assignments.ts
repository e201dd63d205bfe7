// Assigning variables: `a=v`, bash's `a+=v`, `a[i]=v`, `a=(x y)`, `a+=(z)`, `m=([k]=v)`; and bash's declaration
// commands `declare`/`typeset`/`local` with their options (-a, -A, -x, -g; others are accepted and ignored).

import type { Assignment, Command, Word } from "./ast";
import { arrayKeys, expandToString, expandWords, subscriptKey, type ListRunner } from "./expand";
import type { Io, Run, ShellState } from "./state";

/** The value an assignment gives: text for a scalar or an element, the elements for an array. */
export type AssignedValue = { text: string } | { elements: { key?: string; value: string }[] };

/** Expand an assignment's right-hand side (and subscript) before anything is assigned. */
export function* expandAssignment(a: Assignment, sh: ShellState, io: Io, runList: ListRunner): Run<{ a: Assignment; index?: string; value: AssignedValue }> {
  const index = a.index ? yield* expandToString(a.index, sh, io, runList) : undefined;
  if (!a.array) return { a, index, value: { text: yield* expandToString(a.value, sh, io, runList) } };
  const elements: { key?: string; value: string }[] = [];
  for (const element of a.array) {
    if (element.key) elements.push({ key: yield* expandToString(element.key, sh, io, runList), value: yield* expandToString(element.value, sh, io, runList) });
    else for (const value of yield* expandWords([element.value], sh, io, runList)) elements.push({ value });
  }
  return { a, index, value: { elements } };
}

/** Assign an expanded assignment (`assoc`: `declare -A` made the name an associative array). */
export function assign(sh: ShellState, { a, index, value }: { a: Assignment; index?: string; value: AssignedValue }, assoc = false): void {
  if ("elements" in value) {
    const array = sh.array(a.name, assoc);
    if (!a.append) array.items.clear();
    let next = array.assoc ? 0 : nextIndex(sh, a.name);
    for (const element of value.elements) {
      const key = element.key !== undefined ? (array.assoc ? element.key : subscriptKey(sh, a.name, element.key)) : String(next);
      array.items.set(key, element.value);
      if (!array.assoc) next = Number(key) + 1;
    }
    return;
  }
  if (index !== undefined) {
    const array = sh.array(a.name, assoc);
    const key = subscriptKey(sh, a.name, index);
    array.items.set(key, a.append ? (array.items.get(key) ?? "") + value.text : value.text);
    return;
  }
  sh.set(a.name, a.append ? (sh.get(a.name) ?? "") + value.text : value.text);
}

function nextIndex(sh: ShellState, name: string): number {
  const keys = arrayKeys(sh, name);
  return keys.length ? Number(keys[keys.length - 1]) + 1 : 0;
}

/** `declare`/`typeset`/`local` as bash runs them; the exit status. */
export function* runDeclaration(cmd: Extract<Command, { kind: "declare" }>, sh: ShellState, io: Io, runList: ListRunner): Run<number> {
  if (cmd.builtin === "local" && sh.localFrames.length === 0) {
    io.stderr.write(`${sh.host.shellName}: local: can only be used in a function\n`);
    return 1;
  }
  const flags = new Set<string>();
  let status = 0;
  for (const arg of cmd.args) {
    if (isWord(arg)) {
      for (const text of yield* expandWords([arg], sh, io, runList)) {
        if (/^[-+][a-zA-Z]+$/.test(text)) {
          if (text.startsWith("-")) for (const f of text.slice(1)) flags.add(f);
          continue;
        }
        const eq = text.indexOf("=");
        const name = eq >= 0 ? text.slice(0, eq) : text;
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
          io.stderr.write(`${sh.host.shellName}: ${cmd.builtin}: \`${text}': not a valid identifier\n`);
          status = 1;
          continue;
        }
        declare(sh, cmd.builtin, name, flags);
        if (eq >= 0) sh.set(name, text.slice(eq + 1));
      }
      continue;
    }
    const expanded = yield* expandAssignment(arg, sh, io, runList);
    declare(sh, cmd.builtin, arg.name, flags);
    assign(sh, expanded, flags.has("A"));
  }
  return status;
}

function declare(sh: ShellState, builtin: string, name: string, flags: Set<string>): void {
  // bash's new local starts unset (ash's and dash's inherit the value).
  if ((builtin === "local" || (sh.localFrames.length > 0 && !flags.has("g"))) && sh.makeLocal(name)) {
    sh.vars.delete(name);
    sh.arrays.delete(name);
  }
  if (flags.has("A")) {
    const existing = sh.arrays.get(name);
    if (!existing || !existing.assoc) {
      sh.unsetVariable(name);
      sh.array(name, true);
    }
  } else if (flags.has("a")) sh.array(name);
  if (flags.has("x")) sh.exported.add(name);
}

const isWord = (arg: Word | Assignment): arg is Word => Array.isArray(arg);
