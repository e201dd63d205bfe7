// Finds helm v4 and runs it against a cluster. scripts/install-helm.mjs puts it in .tmp/bin/helm on machines
// without one (.ci/run calls it). Every call gets the cluster's kubeconfig and helm homes private to this process.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runProcess } from "./process.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** Where scripts/install-helm.mjs puts helm. */
export const installedHelm = join(root, ".tmp", "bin", "helm");

function majorVersion(binary) {
  try {
    return execFileSync(binary, ["version", "--short"], { encoding: "utf8", timeout: 20_000 }).trim().match(/^v(\d+)\./)?.[1];
  } catch {
    return undefined;
  }
}

let located;
/** A helm v4 binary: the one on PATH if it is v4, else .tmp/bin/helm. undefined if there is none. */
export function helmBinary() {
  if (located !== undefined) return located || undefined;
  located = "";
  const candidates = (process.env.PATH ?? "").split(delimiter).filter(Boolean).map((dir) => join(dir, "helm"));
  for (const candidate of [...candidates, installedHelm]) {
    if (existsSync(candidate) && majorVersion(candidate) === "4") {
      located = candidate;
      break;
    }
  }
  return located || undefined;
}

let homes;
function helmHomes() {
  if (!homes) {
    homes = mkdtempSync(join(tmpdir(), "kube-sandbox-e2e-helm-"));
    process.once("exit", () => rmSync(homes, { recursive: true, force: true }));
  }
  return { HELM_CACHE_HOME: join(homes, "cache"), HELM_CONFIG_HOME: join(homes, "config"), HELM_DATA_HOME: join(homes, "data") };
}

/** The directory charts are created in (`helm create` writes there). */
export function helmWorkDir() {
  helmHomes();
  return homes;
}

/**
 * Runs `helm <args>` (in helmWorkDir()) against the kubeconfig and resolves {code, stdout, stderr}; never rejects on
 * a non-zero exit. The process is killed after `timeoutMs`.
 */
export function helm(args, { kubeconfig, timeoutMs = 120_000 } = {}) {
  const binary = helmBinary();
  if (!binary) throw new Error(`helm v4 is not installed: run \`node scripts/install-helm.mjs\` (installs ${installedHelm})`);
  const env = { ...process.env, ...helmHomes(), KUBECONFIG: kubeconfig ?? "" };
  const fullArgs = kubeconfig ? ["--kubeconfig", kubeconfig, ...args] : args;
  return runProcess(binary, fullArgs, { env, cwd: helmWorkDir(), timeoutMs, label: `helm ${args.join(" ")}` });
}
