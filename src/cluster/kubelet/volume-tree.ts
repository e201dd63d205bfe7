// A writable volume's files in the kubelet's memory (an emptyDir, a node's filesystem under hostPath): every change is
// kept with the wall-clock moment it was made, so a container reads the tree as it was at its own moment, and a run
// replayed from its start (its logs, a rebuilt kubelet) makes the same writes again without effect.
import type { DirectorySource } from "./runtime-port";

/** An appended piece is kept as it is (not the whole file again), so a log written line by line costs its length. */
export type Version = { atMs: number; kind: "file"; content: string } | { atMs: number; kind: "append"; content: string } | { atMs: number; kind: "dir" } | { atMs: number; kind: "none" };

/** The bytes a tree may hold, shared between trees when a kubelet bounds them all together. */
export interface ByteBudget {
  used: number;
  readonly limit: number;
}

/** Where a tree's new versions are also kept (a PersistentVolume's rows in storage). */
export interface TreeJournal {
  record(path: string, version: Version): void;
}

/** What a version costs besides its content, so that a loop of empty writes or mkdirs fills the bound too. */
export const versionBytes = 64;

const parentOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf("/")));

/** A path inside the tree: no leading slash, no empty or "." segments ("" is the root). */
export function treePath(path: string): string {
  return path.split("/").filter((part) => part !== "" && part !== ".").join("/");
}

/** Whether `made` is `wanted` made before: an append matches the write it became when the file was new. */
const sameVersion = (made: Version, wanted: Version) =>
  made.atMs === wanted.atMs &&
  (made.kind === wanted.kind || (wanted.kind === "append" && made.kind === "file")) &&
  ("content" in made ? made.content : undefined) === ("content" in wanted ? wanted.content : undefined);

/**
 * A directory tree over wall-clock time, bounded: the bytes written to it (every version, including what was later
 * overwritten or removed, each with `versionBytes` more for its bookkeeping; a character counts as a byte) count
 * against `limitBytes` and against the shared `budget`; a write over either is refused
 * as the kernel refuses it, ENOSPC. A write identical to one already made at the same moment (a replay) is accepted and
 * not made again; so, two identical appends at the same millisecond count once.
 */
export class VersionedTree implements DirectorySource {
  private readonly entries = new Map<string, Version[]>([["", [{ atMs: Number.NEGATIVE_INFINITY, kind: "dir" }]]]);
  private usedBytes = 0;
  /** See DirectorySource.secondAligned: set for a tree kept in storage. */
  secondAligned?: boolean;

  constructor(
    private limitBytes: number,
    private readonly budget?: ByteBudget,
    private readonly journal?: TreeJournal,
  ) {}

  /** Bound the tree to `limitBytes` from now on (a volume expanded); what it holds stays. */
  set limit(limitBytes: number) {
    this.limitBytes = limitBytes;
  }

  /** The bytes this tree holds (every version of every file). */
  get bytes(): number {
    return this.usedBytes;
  }

  private versionAt(path: string, atMs: number): { list: Version[]; index: number } | undefined {
    const list = this.entries.get(path);
    if (!list) return undefined;
    for (let i = list.length - 1; i >= 0; i--) if (list[i]!.atMs <= atMs) return { list, index: i };
    return undefined;
  }

  kind(path: string, atMs: number): "file" | "dir" | undefined {
    const found = this.versionAt(treePath(path), atMs);
    const kind = found?.list[found.index]!.kind;
    return kind === "dir" ? "dir" : kind === "file" || kind === "append" ? "file" : undefined;
  }

  read(path: string, atMs: number): string | undefined {
    const found = this.versionAt(treePath(path), atMs);
    if (!found) return undefined;
    const parts: string[] = [];
    for (let i = found.index; i >= 0; i--) {
      const v = found.list[i]!;
      if (v.kind === "append") parts.push(v.content);
      else if (v.kind === "file") {
        parts.push(v.content);
        break;
      } else if (i === found.index) return undefined;
      else break;
    }
    return parts.reverse().join("");
  }

  list(path: string, atMs: number): string[] {
    const dir = treePath(path);
    if (this.kind(dir, atMs) !== "dir") return [];
    const names: string[] = [];
    for (const p of this.entries.keys()) if (p !== "" && parentOf(p) === dir && this.kind(p, atMs)) names.push(p.slice(p.lastIndexOf("/") + 1));
    return names.sort();
  }

  /** Record `version` of `path` in time order; true when it was already there (a replay). */
  private record(path: string, version: Version): true | "ENOSPC" {
    const list = this.entries.get(path) ?? [];
    if (list.some((v) => sameVersion(v, version))) return true;
    const size = versionBytes + ("content" in version ? version.content.length : 0);
    if ((this.usedBytes + size > this.limitBytes || (this.budget && this.budget.used + size > this.budget.limit))) return "ENOSPC";
    this.usedBytes += size;
    if (this.budget) this.budget.used += size;
    let at = list.length;
    while (at > 0 && list[at - 1]!.atMs > version.atMs) at--;
    list.splice(at, 0, version);
    this.entries.set(path, list);
    this.journal?.record(path, version);
    return true;
  }

  /** Put back a version kept in the journal (a tree read from storage): counted in the tree, not in the budget. */
  restore(path: string, version: Version): void {
    const list = this.entries.get(path) ?? [];
    this.usedBytes += versionBytes + ("content" in version ? version.content.length : 0);
    let at = list.length;
    while (at > 0 && list[at - 1]!.atMs > version.atMs) at--;
    list.splice(at, 0, version);
    this.entries.set(path, list);
  }

  readonly writes = {
    write: (path: string, content: string, atMs: number, append: boolean): boolean | "ENOSPC" => {
      const p = treePath(path);
      if (!p || this.kind(parentOf(p), atMs) !== "dir" || this.kind(p, atMs) === "dir") return false;
      const exists = this.kind(p, atMs) === "file";
      if (append && exists && !content) return true;
      return this.record(p, append && exists ? { atMs, kind: "append", content } : { atMs, kind: "file", content });
    },
    remove: (path: string, atMs: number): boolean => {
      const p = treePath(path);
      if (!p || !this.kind(p, atMs)) return false;
      for (const name of this.list(p, atMs)) this.writes.remove(`${p}/${name}`, atMs);
      return this.record(p, { atMs, kind: "none" }) === true;
    },
    mkdir: (path: string, atMs: number): boolean | "ENOSPC" => {
      const p = treePath(path);
      if (!p || this.kind(parentOf(p), atMs) !== "dir" || this.kind(p, atMs)) return false;
      return this.record(p, { atMs, kind: "dir" });
    },
  };

  /** Make `path` and its parents directories from the beginning (what the kubelet creates before a container runs). */
  ensureDir(path: string): boolean {
    const p = treePath(path);
    if (!p) return true;
    if (!this.ensureDir(parentOf(p))) return false;
    const kind = this.kind(p, Number.POSITIVE_INFINITY);
    if (kind === "dir") return true;
    if (kind === "file") return false;
    return this.record(p, { atMs: Number.NEGATIVE_INFINITY, kind: "dir" }) === true;
  }

  /** Make `path` a file holding `content` from the beginning when nothing is there (a node's own files). */
  seedFile(path: string, content: string): boolean {
    const p = treePath(path);
    if (!this.ensureDir(parentOf(p))) return false;
    const kind = this.kind(p, Number.POSITIVE_INFINITY);
    if (kind) return kind === "file";
    return this.record(p, { atMs: Number.NEGATIVE_INFINITY, kind: "file", content }) === true;
  }

  /** Make `path` an empty file from the beginning when nothing is there (hostPath FileOrCreate). */
  ensureFile(path: string): boolean {
    const p = treePath(path);
    if (!this.ensureDir(parentOf(p))) return false;
    const kind = this.kind(p, Number.POSITIVE_INFINITY);
    if (kind) return kind === "file";
    return this.record(p, { atMs: Number.NEGATIVE_INFINITY, kind: "file", content: "" }) === true;
  }

  /**
   * The first moment the files of the tree hold more than `limitBytes` together (what `du` would count: the content of
   * every file there then), if they ever do.
   */
  firstUsageOver(limitBytes: number): number | undefined {
    const changes: { atMs: number; path: string; version: Version }[] = [];
    for (const [path, list] of this.entries) for (const version of list) changes.push({ atMs: version.atMs, path, version });
    changes.sort((a, b) => (a.atMs === b.atMs ? 0 : a.atMs < b.atMs ? -1 : 1));
    const sizes = new Map<string, number>();
    let used = 0;
    for (const { atMs, path, version } of changes) {
      const before = sizes.get(path) ?? 0;
      const after = version.kind === "file" ? version.content.length : version.kind === "append" ? before + version.content.length : 0;
      sizes.set(path, after);
      used += after - before;
      if (used > limitBytes) return atMs;
    }
    return undefined;
  }

  /** Give the tree's bytes back to the shared budget (the tree is dropped). */
  release(): void {
    if (this.budget) this.budget.used -= this.usedBytes;
    this.usedBytes = 0;
    this.entries.clear();
  }
}
