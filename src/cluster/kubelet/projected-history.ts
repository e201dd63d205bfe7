// What a ConfigMap, Secret, downward API or projected volume shows a container over time: the files as the kubelet
// wrote them when the container first mounted it, then each update the kubelet's sync made after its source changed
// (the kubelet's sync delay of the pace later). A container reads the version of its own moment; a subPath mount
// and environment variables never see an update, as in Kubernetes.
import { fileTree } from "./file-tree";
import type { DirectorySource } from "./runtime-port";

type Files = Record<string, string>;

/** The updates kept besides the first files: an older one is forgotten (a run replayed over its time reads the first files). */
export const keptUpdates = 16;

const sameFiles = (a: Files, b: Files) => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && a[k] === b[k]);
};

interface Version {
  atMs: number;
  tree: DirectorySource;
  files: Files;
}

export class ProjectedHistory implements DirectorySource {
  /** The files as the container first mounted them. */
  private readonly firstFiles: Files;
  private readonly firstTree: DirectorySource;
  /** The kubelet's later writes, oldest first (none for most volumes: kept absent until the first). */
  private updates?: Version[];
  /** When the kubelet's sync writes the source's changed files, if it changed since the last version. */
  private pendingAt?: number;

  constructor(files: Files) {
    this.firstFiles = files;
    this.firstTree = fileTree(files);
  }

  /** The files as the container first mounted them (what a subPath mount of the volume keeps showing). */
  get first(): DirectorySource {
    return this.firstTree;
  }

  private at(atMs: number): DirectorySource {
    const updates = this.updates ?? [];
    for (let i = updates.length - 1; i >= 0; i--) if (updates[i]!.atMs <= atMs) return updates[i]!.tree;
    return this.firstTree;
  }

  kind(path: string, atMs: number): "file" | "dir" | undefined {
    return this.at(atMs).kind(path, atMs);
  }

  read(path: string, atMs: number): string | undefined {
    return this.at(atMs).read(path, atMs);
  }

  list(path: string, atMs: number): string[] {
    return this.at(atMs).list(path, atMs);
  }

  /**
   * The source's files are `files` at `now`: a change is written `delayMs` later (the kubelet's sync); the moment a
   * sync is due, if one is.
   */
  sync(files: Files, now: number, delayMs: number): number | undefined {
    const latest = this.updates?.[this.updates.length - 1]?.files ?? this.firstFiles;
    if (sameFiles(files, latest)) {
      this.pendingAt = undefined;
      return undefined;
    }
    this.pendingAt ??= now + delayMs;
    if (now < this.pendingAt) return this.pendingAt;
    (this.updates ??= []).push({ atMs: this.pendingAt, tree: fileTree(files), files });
    if (this.updates.length > keptUpdates) this.updates.shift();
    this.pendingAt = undefined;
    return undefined;
  }
}
