// A container's filesystem over virtual time: every change is recorded with the moment it happened, so "does
// /tmp/healthy exist at 35 s?" is a lookup. Writes must come in non-decreasing time order (one process's clock).

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

export class VirtualFs {
  private readonly history: Map<string, Entry[]>;

  /** `imageFiles` (the image's own files, the same object for every container of the image) come first. */
  constructor(files: Record<string, string> = {}, extraDirs: string[] = [], imageFiles: Record<string, string> = noFiles) {
    this.history = new Map(imageLayer(imageFiles));
    addFiles(this.history, files, extraDirs);
  }

  private at(path: string, atMs: number): Entry | undefined {
    const entries = this.history.get(path);
    if (!entries) return undefined;
    for (let i = entries.length - 1; i >= 0; i--) if (entries[i].atMs <= atMs) return entries[i];
    return undefined;
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

  /** Write a file; fails (returns false) when its directory does not exist or it is a directory. */
  write(path: string, content: string, atMs: number, append = false): boolean {
    if (path === "/dev/null") return true;
    if (this.kind(parentOf(path)) !== "dir" || this.kind(path) === "dir") return false;
    const prev = append ? this.read(path) ?? "" : "";
    this.record(path, { atMs, kind: "file", content: prev + content });
    return true;
  }

  remove(path: string, atMs: number): boolean {
    if (this.kind(path) === undefined) return false;
    this.record(path, { atMs, kind: "none" });
    return true;
  }

  mkdir(path: string, atMs: number, parents: boolean): boolean {
    const parent = parentOf(path);
    if (this.kind(parent) !== "dir") {
      if (!parents || this.kind(parent) === "file") return false;
      if (!this.mkdir(parent, atMs, true)) return false;
    }
    const k = this.kind(path);
    if (k === "dir") return parents;
    if (k === "file") return false;
    this.record(path, { atMs, kind: "dir" });
    return true;
  }

  /** Names directly inside `dir` at `atMs`, sorted. */
  list(dir: string, atMs = Infinity): string[] {
    const prefix = dir === "/" ? "/" : `${dir}/`;
    const names: string[] = [];
    for (const path of this.history.keys()) {
      if (path === dir || !path.startsWith(prefix) || path.slice(prefix.length).includes("/")) continue;
      if (this.kind(path, atMs)) names.push(path.slice(prefix.length));
    }
    return names.sort();
  }

  /** A new filesystem whose starting state is this one's at `atMs` (for `exec` into a running container). */
  snapshot(atMs: number): VirtualFs {
    const copy = new VirtualFs();
    copy.history.clear();
    for (const path of this.history.keys()) {
      const e = this.at(path, atMs);
      if (e && e.kind !== "none") copy.history.set(path, [{ ...e, atMs: -1 }]);
    }
    return copy;
  }
}
