// A volume's files as a directory the container simulator mounts (its DirectorySource): a fixed tree, the contents of
// a ConfigMap, Secret, downward API or projected volume when the container starts. Directories follow from the paths.
import type { DirectorySource } from "./runtime-port";

const parentOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf("/")));

/** A fixed tree of files (a class, not closures: every running pod keeps some). */
class FileTree implements DirectorySource {
  /** Path → content; a directory's is undefined. */
  private readonly entries = new Map<string, string | undefined>([["", undefined]]);

  constructor(files: Record<string, string>) {
    for (const [raw, content] of Object.entries(files)) {
      const path = raw.split("/").filter((part) => part !== "" && part !== ".").join("/");
      if (!path) continue;
      this.entries.set(path, content);
      for (let dir = parentOf(path); dir !== "" && !this.entries.has(dir); dir = parentOf(dir)) this.entries.set(dir, undefined);
    }
  }

  kind(path: string): "file" | "dir" | undefined {
    return !this.entries.has(path) ? undefined : this.entries.get(path) === undefined ? "dir" : "file";
  }

  read(path: string): string | undefined {
    return this.entries.get(path);
  }

  list(path: string): string[] {
    return [...this.entries.keys()].filter((p) => p !== "" && p !== path && parentOf(p) === path).map((p) => p.slice(p.lastIndexOf("/") + 1)).sort();
  }
}

/** `files`: relative path (`key`, `dir/key`) → content. */
export function fileTree(files: Record<string, string>): DirectorySource {
  return new FileTree(files);
}
