// Imports run from higher layers to lower ones only (docs/architecture.md, "Layers and imports"; the ranks are in
// ./layers.ts), and only runtime/ reads the clock or draws randomness. The imports that still break the rule are
// listed below: a new one fails this test; fixing a listed one means deleting its line.
import { describe, expect, it } from "vitest";
import { violation } from "./layers";

/** Known violations (`from -> to`, paths from the repo root): shrink this list, never grow it. */
const allowed = new Set<string>([]);

const sources = import.meta.glob(["../../src/**/*.ts", "../../src/**/*.tsx"], { query: "?raw", import: "default", eager: true });
const files = new Map(Object.entries(sources).map(([path, text]) => [path.replace(/^(\.\.\/)+/, ""), text]));

/** The repo path an import specifier of `from` names (with its extension), if it is one of the sources. */
function resolve(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const parts = from.split("/").slice(0, -1);
  for (const part of specifier.replace(/\.js$/, "").split("/")) {
    if (part === "..") parts.pop();
    else if (part !== ".") parts.push(part);
  }
  const base = parts.join("/");
  return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, base].find((candidate) => files.has(candidate));
}

function imports(): Array<{ from: string; to: string }> {
  const out: Array<{ from: string; to: string }> = [];
  for (const [from, text] of files) {
    for (const match of text.matchAll(/^\s*(?:import|export)\s(?:[^"';]*?\sfrom\s)?["']([^"']+)["']/gm)) {
      const to = resolve(from, match[1]!);
      if (to) out.push({ from, to });
    }
  }
  return out;
}

describe("layers", () => {
  const found = imports()
    .map(({ from, to }) => ({ edge: `${from} -> ${to}`, why: violation(from, to) }))
    .filter((v) => v.why !== undefined);

  it("knows the wrong ways issue 10 found", () => {
    expect(violation("src/cluster/registry/pods/log.ts", "src/cluster/kubelet/logs.ts")).toMatch(/imports the higher/);
    expect(violation("src/cluster/registry/pods/log.ts", "src/cluster/apiserver/watch.ts")).toMatch(/imports the higher/);
    expect(violation("src/cluster/control-loop/manager.ts", "src/cluster/kubelet/kubelet.ts")).toMatch(/imports the higher/);
    expect(violation("src/cluster/controllers/replicaset/index.ts", "src/cluster/kubelet/kubelet.ts")).toMatch(/peer/);
    expect(violation("src/cluster/kubelet/kubelet.ts", "src/cluster/scheduler/controller.ts")).toMatch(/peer/);
    expect(violation("src/worker/app.ts", "src/cluster/registry/resources.ts")).toMatch(/past its Durable Object/);
    expect(violation("src/cluster/kubelet/kubelet.ts", "src/cluster/control-loop/types.ts")).toBeUndefined();
    expect(violation("src/cluster/assemble.ts", "src/cluster/kubelet/log-server.ts")).toBeUndefined();
  });

  it("knows the order of the Worker, the dashboard and the platform code", () => {
    expect(violation("src/worker/app.ts", "src/dashboard/routes.tsx")).toBeUndefined();
    expect(violation("src/dashboard/routes.tsx", "src/platform/create-cluster.ts")).toBeUndefined();
    expect(violation("src/platform/env.ts", "src/cluster/cluster-object.ts")).toBeUndefined();
    expect(violation("src/dashboard/pages/public.tsx", "src/worker/statuses.ts")).toMatch(/imports the higher/);
    expect(violation("src/platform/create-cluster.ts", "src/dashboard/routes.tsx")).toMatch(/imports the higher/);
    expect(violation("src/cluster/cluster-object.ts", "src/platform/env.ts")).toMatch(/imports the higher/);
    expect(violation("src/dashboard/pod-state.ts", "src/cluster/registry/pods/printer.ts")).toMatch(/past its Durable Object/);
  });

  it("reads the sources", () => {
    expect(files.size).toBeGreaterThan(300);
    expect(imports().length).toBeGreaterThan(1000);
  });

  it("has no import from a lower layer to a higher one beyond the known ones", () => {
    const fresh = found.filter((v) => !allowed.has(v.edge)).map((v) => `${v.edge}: ${v.why}`);
    expect(fresh, "new imports against docs/architecture.md's layers").toEqual([]);
  });

  it("lists no known violation that is gone (delete its line)", () => {
    const seen = new Set(found.map((v) => v.edge));
    expect([...allowed].filter((edge) => !seen.has(edge))).toEqual([]);
  });
});

describe("time and randomness", () => {
  it("are read only in src/runtime/", () => {
    const reads = /\bDate\.now\(\)|\bnew Date\(\)|\bperformance\.now\(\)|\bMath\.random\(\)|\bcrypto\.(randomUUID|getRandomValues)\(/;
    const readers = [...files].filter(([path, text]) => !path.startsWith("src/runtime/") && reads.test(text)).map(([path]) => path);
    expect(readers).toEqual([]);
  });
});
