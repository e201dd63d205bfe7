// A volume's files as a directory the container simulator mounts (its DirectorySource): a fixed tree, the contents of
// a ConfigMap, Secret, downward API or projected volume when the container starts. Directories follow from the paths.
import type { DirectorySource } from "./runtime-port";

const parentOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf("/")));

/** `files`: relative path (`key`, `dir/key`) → content. */
export function fileTree(files: Record<string, string>): DirectorySource {
  const entries = new Map<string, string | undefined>([["", undefined]]);
  for (const [raw, content] of Object.entries(files)) {
    const path = raw.split("/").filter((part) => part !== "" && part !== ".").join("/");
    if (!path) continue;
    entries.set(path, content);
    for (let dir = parentOf(path); dir !== "" && !entries.has(dir); dir = parentOf(dir)) entries.set(dir, undefined);
  }
  return {
    kind: (path) => (!entries.has(path) ? undefined : entries.get(path) === undefined ? "dir" : "file"),
    read: (path) => entries.get(path),
    list: (path) => [...entries.keys()].filter((p) => p !== "" && p !== path && parentOf(p) === path).map((p) => p.slice(p.lastIndexOf("/") + 1)).sort(),
  };
}
