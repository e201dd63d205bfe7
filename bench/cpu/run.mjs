// Bundles bench/cpu/control-loop.ts with esbuild and runs it in this Node (22+, for node:sqlite). Extra arguments
// go to node (e.g. --cpu-prof --cpu-prof-dir=/tmp/prof).
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dir = mkdtempSync(join(tmpdir(), "kube-sandbox-cpu-"));
const outfile = join(dir, "control-loop.mjs");
try {
  await build({
    entryPoints: [new URL("./control-loop.ts", import.meta.url).pathname],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node22",
    outfile,
    sourcemap: true,
    // The apiserver's CommonJS dependencies (yaml) require Node's builtins, which an ESM bundle only has this way.
    banner: { js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);' },
    logLevel: "warning",
  });
  const run = spawnSync(process.execPath, ["--no-warnings", "--enable-source-maps", ...process.argv.slice(2), outfile], { stdio: "inherit" });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
