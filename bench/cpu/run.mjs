// Bundles a bench of this folder (control-loop.ts, or the one named first: `run.mjs network`) with esbuild and runs
// it in this Node (22+, for node:sqlite). Extra arguments go to node (e.g. --cpu-prof --cpu-prof-dir=/tmp/prof).
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const named = process.argv[2] && !process.argv[2].startsWith("-") ? process.argv[2] : undefined;
const entry = named ?? "control-loop";
const nodeArgs = process.argv.slice(named ? 3 : 2);
const dir = mkdtempSync(join(tmpdir(), "kube-sandbox-cpu-"));
const outfile = join(dir, `${entry}.mjs`);
try {
  await build({
    entryPoints: [new URL(`./${entry}.ts`, import.meta.url).pathname],
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
  const run = spawnSync(process.execPath, ["--no-warnings", "--enable-source-maps", ...nodeArgs, outfile], { stdio: "inherit" });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
