// Text filters for pipelines: grep, wc, head, tail, sort, uniq, tr, cut (common flags only).

import { byteLength } from "../bytes";
import type { Builtin } from "./commands";
import type { Io, Run, ShellState } from "./state";
import { normalizePath } from "./vfs";

/** Read the named files (or stdin when none): the text, or a status after printing an error. */
function input(cmd: string, files: string[], io: Io, sh: ShellState): string | number {
  if (files.length === 0) {
    const data = io.stdin.data;
    io.stdin.data = "";
    return data;
  }
  let text = "";
  for (const f of files) {
    const content = sh.host.fs.read(normalizePath(f, sh.cwd));
    if (content === undefined) {
      io.stderr.write(sh.host.flavor === "busybox" ? `${cmd}: ${f}: No such file or directory\n` : `${cmd}: ${f}: No such file or directory\n`);
      return cmd === "grep" ? 2 : 1;
    }
    text += content;
  }
  return text;
}

const toLines = (text: string) => (text === "" ? [] : text.replace(/\n$/, "").split("\n"));
const fromLines = (lines: string[]) => (lines.length ? `${lines.join("\n")}\n` : "");

/** Split `-n 5`, `-n5`, `-5` style counts and the remaining operands. */
function countAndFiles(argv: string[], fallback: number): { count: number; fromStart: boolean; files: string[] } {
  let count = fallback;
  let fromStart = false;
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    let v: string | undefined;
    if (a === "-n" || a === "-c") v = argv[++i];
    else if (/^-n.+/.test(a)) v = a.slice(2);
    else if (/^-\d+$/.test(a)) v = a.slice(1);
    else if (a.startsWith("-")) continue;
    else files.push(a);
    if (v !== undefined) {
      fromStart = v.startsWith("+");
      count = Math.abs(Number.parseInt(v, 10)) || 0;
    }
  }
  return { count, fromStart, files };
}

const grep: Builtin = (argv, io, sh) => {
  const opts = new Set<string>();
  let pattern: string | undefined;
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-e") pattern = argv[++i];
    else if (a.startsWith("-") && a.length > 1 && pattern === undefined) for (const c of a.slice(1)) opts.add(c);
    else if (pattern === undefined) pattern = a;
    else files.push(a);
  }
  if (pattern === undefined) {
    io.stderr.write("Usage: grep [-HhnlLoqvsriwFE] PATTERN [FILE]...\n");
    return 2;
  }
  const text = input("grep", files, io, sh);
  if (typeof text === "number") return text;
  let re: RegExp;
  try {
    const source = opts.has("F") ? pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : opts.has("E") ? pattern : pattern.replace(/\\([|()+?{}])/g, "$1");
    re = new RegExp(opts.has("w") ? `\\b(?:${source})\\b` : source, opts.has("i") ? "i" : "");
  } catch {
    io.stderr.write(`grep: bad regex '${pattern}'\n`);
    return 2;
  }
  const matched = toLines(text).map((line, i) => ({ line, n: i + 1 })).filter(({ line }) => re.test(line) !== opts.has("v"));
  if (opts.has("q")) return matched.length ? 0 : 1;
  if (opts.has("c")) io.stdout.write(`${matched.length}\n`);
  else io.stdout.write(fromLines(matched.map(({ line, n }) => (opts.has("n") ? `${n}:${line}` : line))));
  return matched.length ? 0 : 1;
};

const wc: Builtin = (argv, io, sh) => {
  const opts = argv.slice(1).filter((a) => a.startsWith("-")).join("");
  const files = argv.slice(1).filter((a) => !a.startsWith("-"));
  const text = input("wc", files, io, sh);
  if (typeof text === "number") return text;
  const counts = { l: (text.match(/\n/g) ?? []).length, w: text.split(/\s+/).filter(Boolean).length, c: byteLength(text) };
  const chosen = (["l", "w", "c"] as const).filter((k) => opts.includes(k));
  const shown = (chosen.length ? chosen : (["l", "w", "c"] as const)).map((k) => counts[k]);
  const width = chosen.length === 1 ? 0 : 7;
  io.stdout.write(`${shown.map((n) => String(n).padStart(width)).join(" ")}${files.length ? ` ${files.join(" ")}` : ""}\n`);
  return 0;
};

const head: Builtin = (argv, io, sh) => {
  const { count, files } = countAndFiles(argv, 10);
  const text = input("head", files, io, sh);
  if (typeof text === "number") return text;
  io.stdout.write(fromLines(toLines(text).slice(0, count)));
  return 0;
};

/** How often a following tail looks at its file again (busybox and GNU tail both sleep 1 s). */
const FOLLOW_POLL_MS = 1000;

/** The last `count` lines of `text` (or from line `count` on), as tail prints them. */
function tailOf(text: string, count: number, fromStart: boolean): string {
  const lines = toLines(text);
  const kept = fromStart ? lines.slice(Math.max(0, count - 1)) : count === 0 ? [] : lines.slice(-count);
  return fromLines(kept);
}

/**
 * `tail -f` / `tail -F`: print the end of the file, then what is appended to it, polling as tail does. With -F
 * (follow by name, retrying) a file that does not exist yet is waited for; a truncated file is read again from its
 * start. Plain -f of a missing file gives up as tail does when it has no file to follow.
 */
function* follow(argv: string[], file: string, retry: boolean, io: Io, sh: ShellState): Run<number> {
  const { count, fromStart } = countAndFiles(argv, 10);
  const path = normalizePath(file, sh.cwd);
  const busybox = sh.host.flavor === "busybox";
  let content = sh.host.fs.read(path, sh.host.clock.nowMs);
  if (content === undefined) {
    io.stderr.write(busybox ? `tail: can't open '${file}': No such file or directory\n` : `tail: cannot open '${file}' for reading: No such file or directory\n`);
    if (!retry) {
      io.stderr.write(busybox ? "tail: no files\n" : "tail: no files remaining\n");
      return 1;
    }
  } else io.stdout.write(tailOf(content, count, fromStart));
  let shown = content;
  for (;;) {
    // Each poll is work: a follower never ends, and the driver's budget must see it.
    if (++sh.host.work.steps % 64 === 0) yield { type: "step" };
    yield { type: "sleep", ms: FOLLOW_POLL_MS };
    content = sh.host.fs.read(path, sh.host.clock.nowMs);
    if (content === undefined || content === shown) continue;
    if (shown === undefined) {
      if (!busybox) io.stderr.write(`tail: '${file}' has appeared;  following new file\n`);
      io.stdout.write(content);
    } else if (content.length < shown.length || !content.startsWith(shown.slice(0, Math.min(shown.length, 4096)))) {
      io.stderr.write(`tail: ${file}: file truncated\n`);
      io.stdout.write(content);
    } else io.stdout.write(content.slice(shown.length));
    shown = content;
  }
}

const tail: Builtin = (argv, io, sh) => {
  const followFlags = argv.slice(1).filter((a) => /^-[a-zA-Z]*[fF]/.test(a) || a === "--follow" || a === "--retry");
  const operands = countAndFiles(argv, 10).files;
  if (followFlags.length && operands.length === 1) {
    const retry = followFlags.some((a) => a.includes("F") || a === "--retry");
    return follow(argv, operands[0], retry, io, sh);
  }
  const { count, fromStart, files } = countAndFiles(argv, 10);
  const text = input("tail", files, io, sh);
  if (typeof text === "number") return text;
  const lines = toLines(text);
  io.stdout.write(fromLines(fromStart ? lines.slice(Math.max(0, count - 1)) : count === 0 ? [] : lines.slice(-count)));
  return 0;
};

const sort: Builtin = (argv, io, sh) => {
  const opts = argv.slice(1).filter((a) => a.startsWith("-")).join("");
  const text = input("sort", argv.slice(1).filter((a) => !a.startsWith("-")), io, sh);
  if (typeof text === "number") return text;
  let lines = toLines(text).sort((a, b) => (opts.includes("n") ? Number.parseFloat(a) - Number.parseFloat(b) : a < b ? -1 : a > b ? 1 : 0));
  if (opts.includes("r")) lines = lines.reverse();
  if (opts.includes("u")) lines = lines.filter((l, i) => i === 0 || l !== lines[i - 1]);
  io.stdout.write(fromLines(lines));
  return 0;
};

const uniq: Builtin = (argv, io, sh) => {
  const count = argv.includes("-c");
  const text = input("uniq", argv.slice(1).filter((a) => !a.startsWith("-")), io, sh);
  if (typeof text === "number") return text;
  const out: { line: string; n: number }[] = [];
  for (const line of toLines(text)) {
    const last = out[out.length - 1];
    if (last && last.line === line) last.n++;
    else out.push({ line, n: 1 });
  }
  io.stdout.write(fromLines(out.map(({ line, n }) => (count ? `${String(n).padStart(7)} ${line}` : line))));
  return 0;
};

const tr: Builtin = (argv, io) => {
  const del = argv[1] === "-d";
  const expand = (set: string) => set.replace(/(.)-(.)/g, (_m, a: string, b: string) => {
    let s = "";
    for (let c = a.charCodeAt(0); c <= b.charCodeAt(0); c++) s += String.fromCharCode(c);
    return s;
  }).replace("[:lower:]", "abcdefghijklmnopqrstuvwxyz").replace("[:upper:]", "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
  const from = expand(argv[del ? 2 : 1] ?? "");
  const to = expand(argv[2] ?? "");
  let out = "";
  for (const c of io.stdin.data) {
    const i = from.indexOf(c);
    if (i < 0) out += c;
    else if (!del) out += to[Math.min(i, to.length - 1)] ?? "";
  }
  io.stdin.data = "";
  io.stdout.write(out);
  return 0;
};

const cut: Builtin = (argv, io, sh) => {
  let delim = "\t";
  let fields: number[] = [];
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const value = (flag: string) => (a === flag ? argv[++i] : a.slice(2));
    if (a.startsWith("-d")) delim = value("-d") ?? "\t";
    else if (a.startsWith("-f")) fields = (value("-f") ?? "").split(",").map(Number);
    else files.push(a);
  }
  const text = input("cut", files, io, sh);
  if (typeof text === "number") return text;
  io.stdout.write(fromLines(toLines(text).map((l) => {
    const parts = l.split(delim);
    return parts.length === 1 ? l : fields.map((f) => parts[f - 1]).filter((p) => p !== undefined).join(delim);
  })));
  return 0;
};

export const TEXT_COMMANDS: Record<string, Builtin> = { grep, wc, head, tail, sort, uniq, tr, cut };
