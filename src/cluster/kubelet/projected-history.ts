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

export class ProjectedHistory implements DirectorySource {
  private readonly versions: { atMs: number; tree: DirectorySource; files: Files }[];
  /** When the kubelet's sync writes the source's changed files, if it changed since the last version. */
  private pendingAt?: number;

  constructor(files: Files) {
    this.versions = [{ atMs: Number.NEGATIVE_INFINITY, tree: fileTree(files), files }];
  }

  /** The files as the container first mounted them (what a subPath mount of the volume keeps showing). */
  get first(): DirectorySource {
    return this.versions[0]!.tree;
  }

  private at(atMs: number): DirectorySource {
    for (let i = this.versions.length - 1; i > 0; i--) if (this.versions[i]!.atMs <= atMs) return this.versions[i]!.tree;
    return this.versions[0]!.tree;
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
    const latest = this.versions[this.versions.length - 1]!;
    if (sameFiles(files, latest.files)) {
      this.pendingAt = undefined;
      return undefined;
    }
    this.pendingAt ??= now + delayMs;
    if (now < this.pendingAt) return this.pendingAt;
    this.versions.push({ atMs: this.pendingAt, tree: fileTree(files), files });
    if (this.versions.length > keptUpdates + 1) this.versions.splice(1, 1);
    this.pendingAt = undefined;
    return undefined;
  }
}
