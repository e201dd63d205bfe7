// Directory sources for tests of mounts: a fixed tree, and a writable one that records what it was asked to write.
import type { DirectorySource } from "../../src/container-sim/index";

const parentOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf("/")));

/** `files`: relative path → content; writable when `writes` is given (it then receives every write, with its time). */
export function directory(files: Record<string, string>, writes?: string[]): DirectorySource {
  const entries = new Map<string, string | undefined>([["", undefined]]);
  const add = (path: string, content: string | undefined) => {
    entries.set(path, content);
    for (let dir = parentOf(path); dir !== "" && !entries.has(dir); dir = parentOf(dir)) entries.set(dir, undefined);
  };
  for (const [path, content] of Object.entries(files)) add(path, content);
  return {
    kind: (path) => (!entries.has(path) ? undefined : entries.get(path) === undefined ? "dir" : "file"),
    read: (path) => entries.get(path),
    list: (path) => [...entries.keys()].filter((p) => p !== "" && p !== path && parentOf(p) === path).map((p) => p.slice(p.lastIndexOf("/") + 1)).sort(),
    writes: writes && {
      write(path, content, atWallMs, append) {
        writes.push(`${atWallMs} write ${path}`);
        add(path, (append ? entries.get(path) ?? "" : "") + content);
        return true;
      },
      remove(path, atWallMs) {
        writes.push(`${atWallMs} remove ${path}`);
        return entries.delete(path);
      },
      mkdir(path, atWallMs) {
        writes.push(`${atWallMs} mkdir ${path}`);
        add(path, undefined);
        return true;
      },
    },
  };
}
