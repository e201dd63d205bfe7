// A container's filesystem over virtual time: every change is recorded with the moment it happened, so "does
// /tmp/healthy exist at 35 s?" is a lookup. Writes must come in non-decreasing time order (one process's clock).
// Layers, top first: what the container wrote, the mounts (directory sources, asked in wall-clock time), the image.

import type { DirectorySource, FsError, Mount } from "../filesystem";

type Entry = { atMs: number; kind: "file"; content: string } | { atMs: number; kind: "dir" } | { atMs: number; kind: "none" };

/** Directories every Linux image has. */
const BASE_DIRS = ["/", "/bin", "/dev", "/etc", "/home", "/proc", "/root", "/sys", "/tmp", "/usr", "/usr/bin", "/usr/local", "/usr/local/bin", "/usr/share", "/var", "/var/log", "/var/run", "/run", "/opt", "/mnt", "/sbin", "/lib"];

export function normalizePath(path: string, cwd = "/"): string {
  const full = path.startsWith("/") ? path : `${cwd.replace(/\/$/, "")}/${path}`;
  const out: string[] = [];
  for (const seg of full.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return `/${out.join("/")}`;
}

function parentOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i <= 0 ? "/" : path.slice(0, i);
}

const noFiles: Record<string, string> = {};
/** The starting state of each image's filesystem, built once per image and shared (entry lists are never mutated). */
const imageLayers = new WeakMap<Record<string, string>, Map<string, Entry[]>>();

function imageLayer(imageFiles: Record<string, string>): Map<string, Entry[]> {
  let layer = imageLayers.get(imageFiles);
  if (!layer) {
    layer = new Map();
    addFiles(layer, imageFiles, BASE_DIRS);
    imageLayers.set(imageFiles, layer);
  }
  return layer;
}

function addFiles(history: Map<string, Entry[]>, files: Record<string, string>, dirs: string[]): void {
  for (const dir of dirs) history.set(normalizePath(dir), [{ atMs: -1, kind: "dir" }]);
  for (const [path, content] of Object.entries(files)) {
    const p = normalizePath(path);
    history.set(p, [{ atMs: -1, kind: "file", content }]);
    for (let d = parentOf(p); d !== "/"; d = parentOf(d)) if (!history.has(d)) history.set(d, [{ atMs: -1, kind: "dir" }]);
  }
}

/** A mount as the filesystem uses it: its normalised path and the source path its root stands for. */
interface MountPoint {
  path: string;
  source: DirectorySource;
  subPath: string;
  readOnly: boolean;
}

const within = (path: string, dir: string) => path === dir || path.startsWith(dir === "/" ? "/" : `${dir}/`);

/** Where the process's mounts are, and the wall-clock ms of its virtual time 0 (sources keep wall-clock time). */
export interface MountTable {
  mounts: readonly Mount[];
  wallOffsetMs: number;
}

export class VirtualFs {
  private readonly history: Map<string, Entry[]>;
  private readonly mounts: MountPoint[];
  private readonly wallOffsetMs: number;

  /**
   * `imageFiles` (the image's own files, the same object for every container of the image) come first; `files` and
   * `extraDirs` are the container's own; `mounts` hide what the image has at their paths.
   */
  constructor(files: Record<string, string> = {}, extraDirs: string[] = [], imageFiles: Record<string, string> = noFiles, table?: MountTable) {
    this.history = new Map(imageLayer(imageFiles));
    addFiles(this.history, files, extraDirs);
    this.wallOffsetMs = table?.wallOffsetMs ?? 0;
    // Longest path first, so the innermost mount answers for a path.
    this.mounts = (table?.mounts ?? [])
      .map((m) => ({ path: normalizePath(m.mountPath), source: m.source, subPath: normalizePath(m.subPath ?? "").slice(1), readOnly: !!m.readOnly }))
      .sort((a, b) => b.path.length - a.path.length);
    if (!this.mounts.length) return;
    for (const path of [...this.history.keys()]) if (this.mounts.some((m) => within(path, m.path))) this.history.delete(path);
    for (const m of this.mounts) {
      for (let d = parentOf(m.path); d !== "/" && !this.mountOf(d); d = parentOf(d)) if (!this.history.has(d)) this.history.set(d, [{ atMs: -1, kind: "dir" }]);
    }
  }

  /** The mount that shows `path`, and the path inside its source. */
  private mountOf(path: string): { source: DirectorySource; inner: string; readOnly: boolean; wallMs: number } | undefined {
    const m = this.mounts.find((mount) => within(path, mount.path));
    if (!m) return undefined;
    const rest = path.slice(m.path.length).replace(/^\//, "");
    const wallMs = m.source.secondAligned ? Math.floor(this.wallOffsetMs / 1000) * 1000 : this.wallOffsetMs;
    return { source: m.source, inner: m.subPath && rest ? `${m.subPath}/${rest}` : m.subPath || rest, readOnly: m.readOnly, wallMs };
  }

  /** The container's own entry for `path` at `atMs` (image and writes). */
  private own(path: string, atMs: number): Entry | undefined {
    const entries = this.history.get(path);
    if (entries) for (let i = entries.length - 1; i >= 0; i--) if (entries[i].atMs <= atMs) return entries[i];
    return undefined;
  }

  private at(path: string, atMs: number): Entry | undefined {
    const own = this.own(path, atMs);
    if (own) return own;
    const mounted = this.mounts.length ? this.mountOf(path) : undefined;
    if (!mounted) return undefined;
    const wall = mounted.wallMs + atMs;
    const kind = mounted.source.kind(mounted.inner, wall);
    if (kind === "dir") return { atMs: -1, kind };
    return kind === "file" ? { atMs: -1, kind, content: mounted.source.read(mounted.inner, wall) ?? "" } : undefined;
  }

  /** The mount that shows `path` when a change there does not go to the container's own layer. */
  private mountedChange(path: string): { readOnly: true } | { readOnly: false; writes: NonNullable<DirectorySource["writes"]>; inner: string; wallMs: number } | undefined {
    const mounted = this.mounts.length ? this.mountOf(path) : undefined;
    if (mounted?.readOnly) return { readOnly: true };
    return mounted?.source.writes ? { readOnly: false, writes: mounted.source.writes, inner: mounted.inner, wallMs: mounted.wallMs } : undefined;
  }

  kind(path: string, atMs = Infinity): "file" | "dir" | undefined {
    const e = this.at(path, atMs);
    return e && e.kind !== "none" ? e.kind : undefined;
  }

  read(path: string, atMs = Infinity): string | undefined {
    const e = this.at(path, atMs);
    return e?.kind === "file" ? e.content : undefined;
  }

  private record(path: string, entry: Entry): void {
    // Copy on write: the list may be shared with the image's layer.
    this.history.set(path, [...(this.history.get(path) ?? []), entry]);
  }

  /** Write a file; fails (returns false) when its directory does not exist, it is a directory, or it cannot be written. */
  write(path: string, content: string, atMs: number, append = false): boolean {
    return this.tryWrite(path, content, atMs, append) === undefined;
  }

  /** Write a file: undefined when written, else why not. */
  tryWrite(path: string, content: string, atMs: number, append = false): FsError | undefined {
    if (path === "/dev/null") return undefined;
    if (this.kind(parentOf(path)) !== "dir") return "ENOENT";
    if (this.kind(path) === "dir") return "EISDIR";
    const mounted = this.mountedChange(path);
    if (mounted?.readOnly) return "EROFS";
    if (mounted) {
      const written = mounted.writes.write(mounted.inner, content, mounted.wallMs + atMs, append);
      return written === true ? undefined : written === "ENOSPC" ? "ENOSPC" : "ENOENT";
    }
    const prev = append ? this.read(path) ?? "" : "";
    this.record(path, { atMs, kind: "file", content: prev + content });
    return undefined;
  }

  remove(path: string, atMs: number): boolean {
    return this.tryRemove(path, atMs) === undefined;
  }

  /** Remove a file or directory: undefined when removed, else why not. */
  tryRemove(path: string, atMs: number): FsError | undefined {
    if (this.kind(path) === undefined) return "ENOENT";
    const mounted = this.mountedChange(path);
    if (mounted?.readOnly) return "EROFS";
    if (mounted) return mounted.writes.remove(mounted.inner, mounted.wallMs + atMs) ? undefined : "ENOENT";
    this.record(path, { atMs, kind: "none" });
    return undefined;
  }

  mkdir(path: string, atMs: number, parents: boolean): boolean {
    return this.tryMkdir(path, atMs, parents) === undefined;
  }

  /** Make a directory (and its parents with `parents`, where an existing one is no failure): undefined when made. */
  tryMkdir(path: string, atMs: number, parents: boolean): FsError | undefined {
    const parent = parentOf(path);
    if (this.kind(parent) !== "dir") {
      if (!parents || this.kind(parent) === "file") return "ENOENT";
      const failed = this.tryMkdir(parent, atMs, true);
      if (failed) return failed;
    }
    const k = this.kind(path);
    if (k === "dir") return parents ? undefined : "EEXIST";
    if (k === "file") return "EEXIST";
    const mounted = this.mountedChange(path);
    if (mounted?.readOnly) return "EROFS";
    if (mounted) {
      const made = mounted.writes.mkdir(mounted.inner, mounted.wallMs + atMs);
      return made === true ? undefined : made === "ENOSPC" ? "ENOSPC" : "ENOENT";
    }
    this.record(path, { atMs, kind: "dir" });
    return undefined;
  }

  /** Names directly inside `dir` at `atMs`, sorted. */
  list(dir: string, atMs = Infinity): string[] {
    const prefix = dir === "/" ? "/" : `${dir}/`;
    const names = new Set<string>();
    for (const path of this.history.keys()) {
      if (path === dir || !path.startsWith(prefix) || path.slice(prefix.length).includes("/")) continue;
      names.add(path.slice(prefix.length));
    }
    if (this.mounts.length) {
      const mounted = this.mountOf(dir);
      if (mounted && this.kind(dir, atMs) === "dir") for (const name of mounted.source.list(mounted.inner, mounted.wallMs + atMs)) names.add(name);
      for (const m of this.mounts) if (m.path !== "/" && parentOf(m.path) === dir) names.add(m.path.slice(prefix.length));
    }
    return [...names].filter((name) => this.kind(`${prefix}${name}`, atMs)).sort();
  }

  /** Every file below `dir` at `atMs` (absolute paths, sorted). */
  filesBelow(dir: string, atMs = Infinity): string[] {
    const out: string[] = [];
    for (const name of this.list(dir, atMs)) {
      const path = `${dir === "/" ? "" : dir}/${name}`;
      if (this.kind(path, atMs) === "dir") out.push(...this.filesBelow(path, atMs));
      else out.push(path);
    }
    return out;
  }

  /** A new filesystem whose starting state is this one's at `atMs`, with the same mounts (for `exec`). */
  snapshot(atMs: number): VirtualFs {
    const copy = new VirtualFs({}, [], noFiles, { mounts: [], wallOffsetMs: this.wallOffsetMs });
    copy.mounts.push(...this.mounts);
    copy.history.clear();
    for (const path of this.history.keys()) {
      const e = this.own(path, atMs);
      if (e && e.kind !== "none") copy.history.set(path, [{ ...e, atMs: -1 }]);
    }
    return copy;
  }
}
