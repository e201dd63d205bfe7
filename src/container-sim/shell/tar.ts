// `tar`: create (c), extract (x) and list (t) archives, to and from a file or stdin/stdout (`f -`), with `-C`, `-v`,
// `-O`, `-m` and the options `kubectl cp` sends (`tar cf - <path>`, `tar -xmf - -C <dir>`,
// `--no-same-permissions --no-same-owner`); GNU tar's or busybox's messages by the image's userland.
// gzip (`z`, or a gzipped archive) is not simulated: tar answers as it does without a gzip program (the simulator is
// a package without libraries).

import { decodeBytes, encodeBytes } from "../bytes";
import { fsErrorText } from "../filesystem";
import { formatDate } from "./format";
import { modeString } from "./long-listing";
import type { Io, Run, ShellState } from "./state";
import { readArchive, writeArchive, type ReadEntry, type TarEntry } from "./tar-format";
import { normalizePath } from "./vfs";

interface TarOptions {
  mode?: "c" | "x" | "t";
  file?: string;
  directory?: string;
  verbose: boolean;
  gzip: boolean;
  toStdout: boolean;
  operands: string[];
}

/** Options that take no argument and change nothing the simulator models. */
const IGNORED_LONG = new Set(["--no-same-permissions", "--no-same-owner", "--same-owner", "--preserve-permissions", "--same-permissions", "--touch", "--overwrite", "--numeric-owner"]);
const IGNORED_SHORT = new Set(["m", "p", "o", "h"]);

type Parsed = { ok: true; options: TarOptions } | { ok: false; message: string };

function parse(argv: string[]): Parsed {
  const options: TarOptions = { verbose: false, gzip: false, toStdout: false, operands: [] };
  const args = argv.slice(1);
  // The old style: a first word without a dash is a bundle of letters whose arguments follow in order.
  if (args[0] && !args[0].startsWith("-")) args[0] = `-${args[0]}`;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "-" || !arg.startsWith("-")) {
      options.operands.push(arg);
      continue;
    }
    if (arg.startsWith("--")) {
      const [name, value] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
      const valueOf = () => value ?? args[++i];
      if (name === "--create") options.mode = "c";
      else if (name === "--extract" || name === "--get") options.mode = "x";
      else if (name === "--list") options.mode = "t";
      else if (name === "--file") options.file = valueOf();
      else if (name === "--directory") options.directory = valueOf();
      else if (name === "--verbose") options.verbose = true;
      else if (name === "--gzip" || name === "--gunzip") options.gzip = true;
      else if (name === "--to-stdout") options.toStdout = true;
      else if (name === "--exclude") valueOf();
      else if (!IGNORED_LONG.has(name)) return { ok: false, message: `unrecognized option '${arg}'` };
      continue;
    }
    const letters = arg.slice(1);
    for (let k = 0; k < letters.length; k++) {
      const c = letters[k]!;
      if (c === "c" || c === "x" || c === "t") {
        if (options.mode && options.mode !== c) return { ok: false, message: "conflict" };
        options.mode = c;
      } else if (c === "f" || c === "C") {
        const rest = letters.slice(k + 1);
        const value = rest && c === "C" ? rest : args[++i];
        if (c === "C" && rest) k = letters.length;
        if (value === undefined) return { ok: false, message: `option requires an argument -- '${c}'` };
        if (c === "f") options.file = value;
        else options.directory = value;
      } else if (c === "v") options.verbose = true;
      else if (c === "z") options.gzip = true;
      else if (c === "O") options.toStdout = true;
      else if (!IGNORED_SHORT.has(c)) return { ok: false, message: `invalid option -- '${c}'` };
    }
  }
  return { ok: true, options };
}

/** How tar reports a failure in this userland: busybox stops at the first one, GNU goes on and exits 2 at the end. */
class Reporter {
  failed = false;
  constructor(private readonly io: Io, private readonly busybox: boolean) {}
  error(gnu: string, busybox: string): void {
    this.failed = true;
    this.io.stderr.write(`tar: ${this.busybox ? busybox : gnu}\n`);
  }
  status(): number {
    if (!this.failed) return 0;
    if (this.busybox) return 1;
    this.io.stderr.write("tar: Exiting with failure status due to previous errors\n");
    return 2;
  }
}

export function* tar(argv: string[], io: Io, sh: ShellState): Run<number> {
  const busybox = sh.host.flavor === "busybox";
  const parsed = parse(argv);
  const usage = busybox ? "" : "Try 'tar --help' or 'tar --usage' for more information.\n";
  if (!parsed.ok) {
    if (parsed.message === "conflict") {
      io.stderr.write(busybox ? "tar: only one of -c, -x, -t may be given\n" : `tar: You may not specify more than one '-Acdtrux', '--delete' or  '--test-label' option\n${usage}`);
    } else io.stderr.write(`tar: ${parsed.message}\n${usage}`);
    return busybox ? 1 : 2;
  }
  const options = parsed.options;
  if (!options.mode) {
    io.stderr.write(busybox ? "tar: need one of -c, -x, -t\n" : `tar: You must specify one of the '-Acdtrux', '--delete' or '--test-label' options\n${usage}`);
    return busybox ? 1 : 2;
  }
  if (options.gzip) return noGzip(io, busybox);
  const report = new Reporter(io, busybox);
  if (options.mode === "c") return create(options, io, sh, report);
  return yield* extractOrList(options, io, sh, report);
}

function create(options: TarOptions, io: Io, sh: ShellState, report: Reporter): number {
  const busybox = sh.host.flavor === "busybox";
  const fs = sh.host.fs;
  const now = sh.host.clock.nowMs;
  if (options.operands.length === 0) {
    io.stderr.write(busybox ? "tar: empty archive\n" : "tar: Cowardly refusing to create an empty archive\nTry 'tar --help' or 'tar --usage' for more information.\n");
    return busybox ? 1 : 2;
  }
  const base = options.directory ? normalizePath(options.directory, sh.cwd) : sh.cwd;
  if (options.directory && fs.kind(base, now) !== "dir") {
    // GNU tar says only this (kubernetes/kubernetes#78879 shows it for `kubectl cp` to a missing directory).
    report.error(`${options.directory}: Cannot open: No such file or directory`, `can't change directory to '${options.directory}': No such file or directory`);
    return busybox ? 1 : 2;
  }
  // Verbose names go to stderr when the archive itself goes to stdout.
  const toStdout = (options.file ?? "-") === "-";
  const verbose = toStdout ? io.stderr : io.stdout;
  const accounts = sh.host.accounts;
  const entries: TarEntry[] = [];
  let warnedSlash = false;
  const add = (name: string, path: string) => {
    const stat = fs.stat(path, now);
    if (!stat) return;
    const content = stat.kind === "file" ? encodeBytes(fs.read(path, now) ?? "") : new Uint8Array(0);
    const entryName = stat.kind === "dir" && !name.endsWith("/") ? `${name}/` : name;
    entries.push({
      name: entryName,
      kind: stat.kind,
      content,
      mode: stat.mode,
      uid: stat.uid,
      gid: stat.gid,
      uname: accounts?.users[stat.uid]?.name ?? "",
      gname: accounts?.groups[stat.gid] ?? "",
      mtimeSec: Math.floor(stat.mtimeWallMs / 1000),
    });
    if (options.verbose) verbose.write(`${entryName}\n`);
    if (stat.kind === "dir") for (const child of fs.list(path, now)) add(`${entryName}${child}`, `${path === "/" ? "" : path}/${child}`);
  };
  for (const operand of options.operands) {
    const path = normalizePath(operand, base);
    if (fs.kind(path, now) === undefined) {
      report.error(`${operand}: Cannot stat: No such file or directory`, `${operand}: No such file or directory`);
      continue;
    }
    let name = operand.replace(/\/+$/, "") || "/";
    if (name.startsWith("/")) {
      if (!warnedSlash) io.stderr.write(busybox ? "tar: removing leading '/' from member names\n" : "tar: Removing leading `/' from member names\n");
      warnedSlash = true;
      name = name.replace(/^\/+/, "");
    }
    if (name === "") name = "./";
    add(name, path);
  }
  const archive = writeArchive(entries, busybox ? undefined : 20);
  const data = decodeBytes(archive);
  if (toStdout) io.stdout.write(data);
  else {
    const target = normalizePath(options.file!, sh.cwd);
    const failed = fs.tryWrite(target, data, now);
    if (failed) {
      report.error(`${options.file}: Cannot open: ${fsErrorText[failed]}`, `can't open '${options.file}': ${fsErrorText[failed]}`);
      if (!busybox) io.stderr.write("tar: Error is not recoverable: exiting now\n");
      return busybox ? 1 : 2;
    }
  }
  return report.status();
}

/** What tar says when it would need gzip: busybox built without it, GNU tar without the gzip program. */
function noGzip(io: Io, busybox: boolean): number {
  io.stderr.write(busybox ? "tar: gzip support is not compiled in\n" : "tar (child): gzip: Cannot exec: No such file or directory\ntar (child): Error is not recoverable: exiting now\ntar: Child returned status 2\ntar: Error is not recoverable: exiting now\n");
  return busybox ? 1 : 2;
}

/** The archive's bytes: a file's, or stdin's once it ends. */
function* archiveBytes(options: TarOptions, io: Io, sh: ShellState): Run<Uint8Array | undefined> {
  if ((options.file ?? "-") !== "-") {
    const content = sh.host.fs.read(normalizePath(options.file!, sh.cwd), sh.host.clock.nowMs);
    return content === undefined ? undefined : encodeBytes(content);
  }
  let data = "";
  for (;;) {
    data += io.stdin.data;
    io.stdin.data = "";
    const wait = io.stdin.more?.();
    if (wait === undefined) break;
    yield { type: "sleep", ms: wait };
  }
  return encodeBytes(data);
}

function listing(entry: ReadEntry, busybox: boolean): string {
  const kind = entry.typeflag === "5" ? "dir" : "file";
  const owner = `${entry.uname || entry.uid}/${entry.gname || entry.gid}`;
  const size = String(entry.content.length);
  const time = formatDate(entry.mtimeSec * 1000, busybox ? "%Y-%m-%d %H:%M:%S" : "%Y-%m-%d %H:%M");
  return `${modeString({ kind, mode: entry.mode })} ${owner} ${size.padStart(Math.max(1, 19 - owner.length))} ${time} ${entry.name}\n`;
}

function* extractOrList(options: TarOptions, io: Io, sh: ShellState, report: Reporter): Run<number> {
  const busybox = sh.host.flavor === "busybox";
  const fs = sh.host.fs;
  const bytes = yield* archiveBytes(options, io, sh);
  if (!bytes) {
    report.error(`${options.file}: Cannot open: No such file or directory`, `can't open '${options.file}': No such file or directory`);
    if (!busybox) io.stderr.write("tar: Error is not recoverable: exiting now\n");
    return busybox ? 1 : 2;
  }
  const archive = bytes;
  if (archive.length >= 2 && archive[0] === 0x1f && archive[1] === 0x8b) return noGzip(io, busybox);
  const read = readArchive(archive);
  if (!read.ok && read.error === "not-tar") {
    io.stderr.write(busybox ? "tar: invalid tar magic\n" : "tar: This does not look like a tar archive\ntar: Exiting with failure status due to previous errors\n");
    return busybox ? 1 : 2;
  }
  if (bytes.length === 0 && busybox) {
    io.stderr.write("tar: short read\n");
    return 1;
  }
  const now = sh.host.clock.nowMs;
  const base = options.directory ? normalizePath(options.directory, sh.cwd) : sh.cwd;
  if (options.mode === "x" && !options.toStdout && fs.kind(base, now) !== "dir") {
    // GNU tar says only this (kubernetes/kubernetes#78879 shows it for `kubectl cp` to a missing directory).
    report.error(`${options.directory}: Cannot open: No such file or directory`, `can't change directory to '${options.directory}': No such file or directory`);
    return busybox ? 1 : 2;
  }
  const wanted = options.operands.map((o) => o.replace(/\/+$/, ""));
  const selected = (name: string) => wanted.length === 0 || wanted.some((w) => name.replace(/\/+$/, "") === w || name.startsWith(`${w}/`));
  const found = new Set<string>();
  let warnedSlash = false;
  for (const entry of read.entries) {
    if (!selected(entry.name)) continue;
    for (const w of wanted) if (entry.name.replace(/\/+$/, "") === w || entry.name.startsWith(`${w}/`)) found.add(w);
    if (options.mode === "t") {
      io.stdout.write(options.verbose ? listing(entry, busybox) : `${entry.name}\n`);
      continue;
    }
    if (options.toStdout) {
      if (entry.typeflag === "0") io.stdout.write(decodeBytes(entry.content));
      continue;
    }
    if (options.verbose) io.stdout.write(`${entry.name}\n`);
    let name = entry.name;
    if (name.startsWith("/")) {
      if (!warnedSlash) io.stderr.write(busybox ? "tar: removing leading '/' from member names\n" : "tar: Removing leading `/' from member names\n");
      warnedSlash = true;
      name = name.replace(/^\/+/, "");
    }
    if (name.split("/").includes("..")) {
      report.error(`${entry.name}: Member name contains '..'`, `skipping unsafe path: ${entry.name}`);
      if (busybox) return 1;
      continue;
    }
    const path = normalizePath(name, base);
    if (path === base && entry.typeflag === "5") continue;
    const failed = extractOne(entry, path, sh);
    if (failed) {
      report.error(`${name.replace(/\/+$/, "")}: ${failed.gnu}: ${fsErrorText[failed.errno]}`, `can't ${failed.busybox} '${name.replace(/\/+$/, "")}': ${fsErrorText[failed.errno]}`);
      if (busybox) return 1;
    }
  }
  for (const w of wanted) if (!found.has(w)) report.error(`${w}: Not found in archive`, `${w}: not found in archive`);
  if (!read.ok) {
    io.stderr.write(busybox ? "tar: short read\n" : "tar: Unexpected EOF in archive\ntar: Error is not recoverable: exiting now\n");
    return busybox ? 1 : 2;
  }
  return report.status();
}

type ExtractFailure = { errno: keyof typeof fsErrorText; gnu: string; busybox: string };

/** Make one entry at `path` (its missing parent directories first, as tar does). */
function extractOne(entry: ReadEntry, path: string, sh: ShellState): ExtractFailure | undefined {
  const fs = sh.host.fs;
  const now = sh.host.clock.nowMs;
  const parent = path.slice(0, path.lastIndexOf("/")) || "/";
  if (fs.kind(parent, now) !== "dir") {
    const made = fs.tryMkdir(parent, now, true);
    if (made) return { errno: made, gnu: "Cannot mkdir", busybox: "create directory" };
  }
  if (entry.typeflag === "5") {
    if (fs.kind(path, now) === "dir") return undefined;
    const made = fs.tryMkdir(path, now, false);
    return made ? { errno: made, gnu: "Cannot mkdir", busybox: "create directory" } : undefined;
  }
  if (entry.typeflag !== "0" && entry.typeflag !== "7") return undefined; // links and devices are not simulated
  const failed = fs.tryWrite(path, decodeBytes(entry.content), now);
  return failed ? { errno: failed, gnu: "Cannot open", busybox: "open" } : undefined;
}
