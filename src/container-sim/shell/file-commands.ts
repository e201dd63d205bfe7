// Commands on the virtual filesystem: cat, touch, rm, mkdir, ls, cp, mv, tee, basename, dirname.

import type { Builtin } from "./commands";
import type { Io, Run, ShellState } from "./state";
import { fsErrorText, type FsError } from "../filesystem";
import { longListing, type ListedEntry } from "./long-listing";
import { normalizePath } from "./vfs";

const flags = (argv: string[]) => argv.slice(1).filter((a) => a.startsWith("-") && a !== "-");
const operands = (argv: string[]) => argv.slice(1).filter((a) => !a.startsWith("-") || a === "-");

function noSuchFile(sh: ShellState, cmd: string, path: string, busyboxVerb = ""): string {
  if (sh.host.flavor === "busybox") return `${cmd}: ${busyboxVerb ? `${busyboxVerb} '${path}'` : path}: No such file or directory\n`;
  return `${cmd}: ${cmd === "ls" ? `cannot access '${path}'` : cmd === "rm" ? `cannot remove '${path}'` : path}: No such file or directory\n`;
}

/** Copy stdin to stdout until its end (an attached stdin fills over time). */
function* drain(io: Io): Run<number> {
  for (;;) {
    io.stdout.write(io.stdin.data);
    io.stdin.data = "";
    const wait = io.stdin.more?.();
    if (wait === undefined) return 0;
    yield { type: "sleep", ms: wait };
  }
}

const cat: Builtin = (argv, io, sh) => {
  const files = operands(argv);
  if (files.length === 0) return drain(io);
  let status = 0;
  for (const f of files) {
    if (f === "-") {
      io.stdout.write(io.stdin.data);
      continue;
    }
    const path = normalizePath(f, sh.cwd);
    const content = sh.host.fs.read(path, sh.host.clock.nowMs);
    if (content !== undefined) io.stdout.write(content);
    else if (sh.host.fs.kind(path) === "dir") {
      io.stderr.write(`cat: ${sh.host.flavor === "busybox" ? `read error: Is a directory` : `${f}: Is a directory`}\n`);
      status = 1;
    } else {
      io.stderr.write(noSuchFile(sh, "cat", f, "can't open"));
      status = 1;
    }
  }
  return status;
};

const touch: Builtin = (argv, io, sh) => {
  let status = 0;
  for (const f of operands(argv)) {
    const path = normalizePath(f, sh.cwd);
    if (sh.host.fs.kind(path) !== undefined) continue;
    const failed = sh.host.fs.tryWrite(path, "", sh.host.clock.nowMs);
    if (failed) {
      const why = failed === "EROFS" || failed === "ENOSPC" || failed === "EACCES" ? fsErrorText[failed] : fsErrorText.ENOENT;
      io.stderr.write(sh.host.flavor === "busybox" ? `touch: ${f}: ${why}\n` : `touch: cannot touch '${f}': ${why}\n`);
      status = 1;
    }
  }
  return status;
};

const rm: Builtin = (argv, io, sh) => {
  const force = flags(argv).some((f) => f.includes("f"));
  const recursive = flags(argv).some((f) => /[rR]/.test(f));
  let status = 0;
  for (const f of operands(argv)) {
    const path = normalizePath(f, sh.cwd);
    const kind = sh.host.fs.kind(path);
    if (kind === undefined) {
      if (!force) {
        io.stderr.write(sh.host.flavor === "busybox" ? `rm: can't remove '${f}': No such file or directory\n` : noSuchFile(sh, "rm", f));
        status = 1;
      }
      continue;
    }
    if (kind === "dir" && !recursive) {
      io.stderr.write(sh.host.flavor === "busybox" ? `rm: '${f}' is a directory\n` : `rm: cannot remove '${f}': Is a directory\n`);
      status = 1;
      continue;
    }
    if (kind === "dir") for (const child of sh.host.fs.list(path)) sh.host.fs.remove(`${path}/${child}`, sh.host.clock.nowMs);
    const failed = sh.host.fs.tryRemove(path, sh.host.clock.nowMs);
    if (failed === "EROFS" || failed === "EACCES") {
      io.stderr.write(sh.host.flavor === "busybox" ? `rm: can't remove '${f}': ${fsErrorText[failed]}\n` : `rm: cannot remove '${f}': ${fsErrorText[failed]}\n`);
      status = 1;
    }
  }
  return status;
};

const mkdir: Builtin = (argv, io, sh) => {
  const parents = flags(argv).some((f) => f.includes("p"));
  let status = 0;
  for (const d of operands(argv)) {
    const failed = sh.host.fs.tryMkdir(normalizePath(d, sh.cwd), sh.host.clock.nowMs, parents);
    if (failed) {
      const why = fsErrorText[failed === "EROFS" || failed === "ENOSPC" || failed === "ENOENT" || failed === "EACCES" ? failed : "EEXIST"];
      io.stderr.write(sh.host.flavor === "busybox" ? `mkdir: can't create directory '${d}': ${why}\n` : `mkdir: cannot create directory '${d}': ${why}\n`);
      status = 1;
    }
  }
  return status;
};

const ls: Builtin = (argv, io, sh) => {
  const targets = operands(argv);
  const letters = flags(argv).join("");
  const long = /[ln]/.test(letters);
  const listing = (entries: ListedEntry[], total: boolean) =>
    longListing(entries, sh.host.flavor, sh.host.accounts ?? { users: {}, groups: {} }, { total, numeric: letters.includes("n") });
  const at = sh.host.clock.nowMs;
  let status = 0;
  for (const t of targets.length ? targets : ["."]) {
    const path = normalizePath(t, sh.cwd);
    const stat = sh.host.fs.stat(path, at);
    if (stat === undefined) {
      io.stderr.write(noSuchFile(sh, "ls", t));
      status = sh.host.flavor === "busybox" ? 1 : 2;
    } else if (stat.kind === "file" || letters.includes("d")) {
      io.stdout.write(long ? listing([{ name: t, stat }], false) : `${t}\n`);
    } else {
      const names = sh.host.fs.list(path, at);
      const entries = names.flatMap((name) => {
        const entry = sh.host.fs.stat(`${path === "/" ? "" : path}/${name}`, at);
        return entry ? [{ name, stat: entry }] : [];
      });
      if (long) io.stdout.write(listing(entries, true));
      else if (names.length) io.stdout.write(`${names.join("\n")}\n`);
    }
  }
  return status;
};

function copy(argv: string[], io: Io, sh: ShellState, move: boolean): number {
  const [src, dst] = operands(argv);
  const from = normalizePath(src ?? "", sh.cwd);
  const content = sh.host.fs.read(from);
  if (content === undefined) {
    io.stderr.write(`${argv[0]}: can't stat '${src}': No such file or directory\n`);
    return 1;
  }
  let to = normalizePath(dst ?? "", sh.cwd);
  if (sh.host.fs.kind(to) === "dir") to = `${to}/${from.slice(from.lastIndexOf("/") + 1)}`;
  const failed = sh.host.fs.tryWrite(to, content, sh.host.clock.nowMs);
  if (failed === "EROFS" || failed === "ENOSPC" || failed === "EACCES") {
    io.stderr.write(sh.host.flavor === "busybox" ? `${argv[0]}: can't create '${dst}': ${fsErrorText[failed]}\n` : `${argv[0]}: cannot create regular file '${dst}': ${fsErrorText[failed]}\n`);
    return 1;
  }
  if (move) sh.host.fs.remove(from, sh.host.clock.nowMs);
  return 0;
}

const tee: Builtin = (argv, io, sh) => {
  const append = flags(argv).some((f) => f.includes("a"));
  let status = 0;
  for (const f of operands(argv)) {
    const failed: FsError | undefined = sh.host.fs.tryWrite(normalizePath(f, sh.cwd), io.stdin.data, sh.host.clock.nowMs, append);
    if (failed === "EROFS" || failed === "ENOSPC" || failed === "EACCES") {
      io.stderr.write(`tee: ${f}: ${fsErrorText[failed]}\n`);
      status = 1;
    }
  }
  io.stdout.write(io.stdin.data);
  return status;
};

export const FILE_COMMANDS: Record<string, Builtin> = {
  cat,
  touch,
  rm,
  mkdir,
  ls,
  tee,
  cp: (argv, io, sh) => copy(argv, io, sh, false),
  mv: (argv, io, sh) => copy(argv, io, sh, true),
  basename: (argv, io) => (io.stdout.write(`${(argv[1] ?? "").replace(/\/+$/, "").split("/").pop()}\n`), 0),
  dirname: (argv, io) => {
    const p = (argv[1] ?? "").replace(/\/+$/, "");
    const i = p.lastIndexOf("/");
    io.stdout.write(`${i < 0 ? "." : i === 0 ? "/" : p.slice(0, i)}\n`);
    return 0;
  },
};
