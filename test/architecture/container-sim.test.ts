// The container simulator (src/container-sim/) is a package: it imports nothing outside its folder, not even src/api
// or a library, so the kubelet (or anything else) can run containers without the cluster.
import { describe, expect, it } from "vitest";

const sources = import.meta.glob("../../src/container-sim/**/*.ts", { query: "?raw", import: "default", eager: true });
const files = Object.entries(sources).map(([path, text]) => [path.replace(/^(\.\.\/)+/, ""), text] as const);

/** The folder path an import specifier of `from` names, or the specifier itself when it is not relative. */
function target(from: string, specifier: string): string {
  if (!specifier.startsWith(".")) return specifier;
  const parts = from.split("/").slice(0, -1);
  for (const part of specifier.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== ".") parts.push(part);
  }
  return parts.join("/");
}

describe("src/container-sim", () => {
  it("reads the package", () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it("imports nothing outside its folder", () => {
    const outside: string[] = [];
    for (const [from, text] of files) {
      for (const match of text.matchAll(/^\s*(?:import|export)\s(?:[^"';]*?\sfrom\s)?["']([^"']+)["']/gm)) {
        const to = target(from, match[1]!);
        if (!to.startsWith("src/container-sim/")) outside.push(`${from} -> ${match[1]}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it("knows an import from outside when it sees one", () => {
    expect(target("src/container-sim/shell/vfs.ts", "../../cluster/timing")).toBe("src/cluster/timing");
    expect(target("src/container-sim/shell/vfs.ts", "../../api/status")).toBe("src/api/status");
    expect(target("src/container-sim/shell/vfs.ts", "zod")).toBe("zod");
    expect(target("src/container-sim/shell/vfs.ts", "../types")).toBe("src/container-sim/types");
  });
});
