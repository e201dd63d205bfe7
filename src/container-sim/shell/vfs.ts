// A container's filesystem over virtual time: every change is recorded with the moment it happened, so "does
// /tmp/healthy exist at 35 s?" is a lookup. Writes must come in non-decreasing time order (one process's clock).
// Layers, top first: what the container wrote, the mounts (directory sources, asked in wall-clock time), the image.

import type { Identity } from "../accounts";
import { byteLength } from "../bytes";
import type { DirectorySource, FsError, Mount, MountAttributes } from "../filesystem";

type Entry = { atMs: number; kind: "file"; content: string } | { atMs: number; kind: "dir" } | { atMs: number; kind: "none" };

/** Owner and permission bits of a file or directory (`mode` without the file type: 0o644, 0o2775, 0o1777). */
export interface Ownership {
  uid: number;
  gid: number;
  mode: number;
}

/** What `ls -l` shows of a path. */
export interface Stat extends Ownership {
  kind: "file" | "dir";
  size: number;
  /** Wall-clock ms of its last change (the container's start for what it did not change). */
  mtimeWallMs: number;
}

/** Who the container's processes are, and whether its root filesystem is read-only (readOnlyRootFilesystem). */
export interface FsAccess {
  identity: Identity;
  readOnlyRoot?: boolean;
}

const ROOT_DIR: Ownership = { uid: 0, gid: 0, mode: 0o755 };
const ROOT_FILE: Ownership = { uid: 0, gid: 0, mode: 0o644 };
/** Image directories anyone may write (sticky). */
const SHARED_DIRS = new Set(["/tmp", "/var/tmp"]);
const STICKY_DIR: Ownership = { uid: 0, gid: 0, mode: 0o1777 };
const ROOT_ACCESS: FsAccess = { identity: { uid: 0, gid: 0, groups: [0] } };

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
const noPaths: ReadonlySet<string> = new Set();
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
  attributes?: MountAttributes;
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
  /** Owners of what the container's processes made (image files and mounted sources have their defaults); made on first use. */
  private owners: Map<string, Ownership> | undefined;
  /** How many changes were made to the container's own layer (not its mounts) since this filesystem was made. */
  layerChanges = 0;
  /** The runtime's files (/etc/hosts, ...): bind mounts, writable when the root filesystem is read-only. */
  private runtimeFiles: ReadonlySet<string> = noPaths;

  /**
   * `imageFiles` (the image's own files, the same object for every container of the image) come first; `files` and
   * `extraDirs` are the container's own; `mounts` hide what the image has at their paths. `access`: who writes (root
   * when absent).
   */
  constructor(files: Record<string, string> = {}, extraDirs: string[] = [], imageFiles: Record<string, string> = noFiles, table?: MountTable, private readonly access: FsAccess = ROOT_ACCESS) {
    this.history = new Map(imageLayer(imageFiles));
    addFiles(this.history, files, extraDirs);
    if (access.readOnlyRoot) this.runtimeFiles = new Set(Object.keys(files).map((f) => normalizePath(f)));
    this.wallOffsetMs = table?.wallOffsetMs ?? 0;
    // Longest path first, so the innermost mount answers for a path.
    this.mounts = (table?.mounts ?? [])
      .map((m) => ({ path: normalizePath(m.mountPath), source: m.source, subPath: normalizePath(m.subPath ?? "").slice(1), readOnly: !!m.readOnly, attributes: m.attributes }))
      .sort((a, b) => b.path.length - a.path.length);
    if (!this.mounts.length) return;
    for (const path of [...this.history.keys()]) if (this.mounts.some((m) => within(path, m.path))) this.history.delete(path);
    for (const m of this.mounts) {
      for (let d = parentOf(m.path); d !== "/" && !this.mountOf(d); d = parentOf(d)) if (!this.history.has(d)) this.history.set(d, [{ atMs: -1, kind: "dir" }]);
    }
  }

  /** The mount that shows `path`, and the path inside its source. */
  private mountOf(path: string): { source: DirectorySource; inner: string; readOnly: boolean; point: MountPoint; wallMs: number } | undefined {
    const m = this.mounts.find((mount) => within(path, mount.path));
    if (!m) return undefined;
    const rest = path.slice(m.path.length).replace(/^\//, "");
    const wallMs = m.source.secondAligned ? Math.floor(this.wallOffsetMs / 1000) * 1000 : this.wallOffsetMs;
    return { source: m.source, inner: m.subPath && rest ? `${m.subPath}/${rest}` : m.subPath || rest, readOnly: m.readOnly, point: m, wallMs };
  }

  /** Owner and mode of `path` (which exists). */
  ownership(path: string): Ownership {
    const own = this.owners?.get(path);
    if (own) return own;
    const kind = this.kind(path);
    const mounted = this.mounts.length > 0 && !this.history.has(path) ? this.mountOf(path) : undefined;
    if (mounted?.point.attributes) {
      const { gid, dirMode, fileMode } = mounted.point.attributes;
      return { uid: 0, gid, mode: kind === "dir" ? dirMode : fileMode };
    }
    if (kind === "dir") return SHARED_DIRS.has(path) ? STICKY_DIR : ROOT_DIR;
    return ROOT_FILE;
  }

  /** What `ls -l` shows of `path` at `atMs`, undefined when it does not exist. */
  stat(path: string, atMs = Infinity): Stat | undefined {
    const e = this.at(path, atMs);
    if (!e || e.kind === "none") return undefined;
    const size = e.kind === "file" ? byteLength(e.content) : 4096;
    return { ...this.ownership(path), kind: e.kind, size, mtimeWallMs: this.wallOffsetMs + Math.max(0, e.atMs) };
  }

  /** May the container's user write `path` (an existing file, or a directory to create or remove entries in)? */
  private mayWrite(path: string): boolean {
    const { uid, groups } = this.access.identity;
    if (uid === 0) return true;
    // Sources that keep no owners (a volume another container wrote to): what this container did not make is allowed.
    if (!this.owners?.has(path) && !this.history.has(path)) {
      const mounted = this.mounts.length ? this.mountOf(path) : undefined;
      if (mounted?.source.writes && mounted.point.path !== path) return true;
    }
    const o = this.ownership(path);
    if (o.uid === uid) return (o.mode & 0o200) !== 0;
    if (groups.includes(o.gid)) return (o.mode & 0o020) !== 0;
    return (o.mode & 0o002) !== 0;
  }

  /**
   * Why a change at `path` (made in its parent directory when `creating`) would be refused (read-only, or not the
   * user's to write), if it would; whether the path or its parent exists is not checked.
   */
  refusal(path: string, creating: boolean): FsError | undefined {
    const mounted = this.mounts.length ? this.mountOf(path) : undefined;
    if (mounted?.readOnly) return "EROFS";
    if (!mounted && this.access.readOnlyRoot && !this.runtimeFiles.has(path)) return "EROFS";
    return this.mayWrite(creating ? parentOf(path) : path) ? undefined : "EACCES";
  }

  /** Record the owner of what the container's user made at `path`: its uid, and the group of a setgid parent. */
  private own(path: string, kind: "file" | "dir"): void {
    const parent = this.ownership(parentOf(path));
    const setgid = (parent.mode & 0o2000) !== 0;
    const { uid, gid } = this.access.identity;
    // Root's files outside volumes are what ownership() answers without a record.
    if (uid === 0 && gid === 0 && !setgid && !(this.mounts.length && this.mountOf(path))) return;
    const mode = kind === "dir" ? 0o755 | (setgid ? 0o2000 : 0) : 0o644;
    (this.owners ??= new Map()).set(path, { uid, gid: setgid ? parent.gid : gid, mode });
  }

  /** The container's own entry for `path` at `atMs` (image and writes). */
  private ownEntry(path: string, atMs: number): Entry | undefined {
    const entries = this.history.get(path);
    if (entries) for (let i = entries.length - 1; i >= 0; i--) if (entries[i].atMs <= atMs) return entries[i];
    return undefined;
  }

  private at(path: string, atMs: number): Entry | undefined {
    const own = this.ownEntry(path, atMs);
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
    this.layerChanges++;
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
    const kind = this.kind(path);
    if (kind === "dir") return "EISDIR";
    const refused = this.refusal(path, kind === undefined);
    if (refused) return refused;
    const mounted = this.mountedChange(path);
    if (mounted && !mounted.readOnly) {
      const written = mounted.writes.write(mounted.inner, content, mounted.wallMs + atMs, append);
      if (written !== true) return written === "ENOSPC" ? "ENOSPC" : "ENOENT";
    } else {
      const prev = append ? this.read(path) ?? "" : "";
      this.record(path, { atMs, kind: "file", content: prev + content });
    }
    if (kind === undefined) this.own(path, "file");
    return undefined;
  }

  remove(path: string, atMs: number): boolean {
    return this.tryRemove(path, atMs) === undefined;
  }

  /** Remove a file or directory: undefined when removed, else why not. */
  tryRemove(path: string, atMs: number): FsError | undefined {
    if (this.kind(path) === undefined) return "ENOENT";
    const refused = this.refusal(path, true);
    if (refused) return refused;
    const mounted = this.mountedChange(path);
    if (mounted && !mounted.readOnly) return mounted.writes.remove(mounted.inner, mounted.wallMs + atMs) ? undefined : "ENOENT";
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
    const refused = this.refusal(path, true);
    if (refused) return refused;
    const mounted = this.mountedChange(path);
    if (mounted && !mounted.readOnly) {
      const made = mounted.writes.mkdir(mounted.inner, mounted.wallMs + atMs);
      if (made !== true) return made === "ENOSPC" ? "ENOSPC" : "ENOENT";
    } else this.record(path, { atMs, kind: "dir" });
    this.own(path, "dir");
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
    const copy = new VirtualFs({}, [], noFiles, { mounts: [], wallOffsetMs: this.wallOffsetMs }, this.access);
    copy.mounts.push(...this.mounts);
    copy.history.clear();
    for (const path of this.history.keys()) {
      const e = this.ownEntry(path, atMs);
      if (e && e.kind !== "none") copy.history.set(path, [{ ...e, atMs: -1 }]);
    }
    if (this.owners) copy.owners = new Map(this.owners);
    copy.runtimeFiles = this.runtimeFiles;
    return copy;
  }
}
