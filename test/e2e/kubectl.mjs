// Finds the real kubectl binaries per minor version and runs them. Every call gets its own kubeconfig and a
// --cache-dir private to this test process and version, so no discovery cache leaks between runs or versions.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runProcess } from "./process.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** Where scripts/install-kubectl.mjs puts kubectl 1.33 on machines without gcloud's versioned binaries. */
export const installedKubectl = join(root, ".tmp", "bin", "kubectl");
/** The version scripts/install-kubectl.mjs installs; the only one the fallback machine can test. */
export const fallbackVersion = "1.33";

function onPath(name) {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

function clientMinor(binary) {
  try {
    const out = execFileSync(binary, ["version", "--client", "-o", "json"], { encoding: "utf8", timeout: 20_000 });
    const { major, minor } = JSON.parse(out).clientVersion;
    return `${major}.${String(minor).replace(/\D+$/, "")}`;
  } catch {
    return undefined;
  }
}

const located = new Map();

/**
 * The kubectl binary for a minor version ("1.27"): `kubectl.<v>` next to the real kubectl on PATH (gcloud ships
 * these), else a kubectl on PATH or in .tmp/bin whose client version is exactly that minor. undefined if none.
 */
export function kubectlBinary(version) {
  if (located.has(version)) return located.get(version);
  let found;
  const system = onPath("kubectl");
  if (system) {
    const versioned = join(dirname(realpathSync(system)), `kubectl.${version}`);
    if (existsSync(versioned)) found = versioned;
    else if (clientMinor(system) === version) found = system;
  }
  if (!found && existsSync(installedKubectl) && clientMinor(installedKubectl) === version) found = installedKubectl;
  located.set(version, found);
  return found;
}

/**
 * True on .ci/run's fallback machine: no kubectl on PATH at all, only the 1.33 that scripts/install-kubectl.mjs
 * put in .tmp/bin. There, versions other than 1.33 are skipped with a warning instead of failing.
 */
export function onFallbackMachine() {
  return !onPath("kubectl") && existsSync(installedKubectl);
}

const cacheDirs = new Map();
/** A discovery/http cache dir private to this process (= test file) and kubectl version; removed at exit. */
export function cacheDirFor(version) {
  if (!cacheDirs.has(version)) {
    const dir = mkdtempSync(join(tmpdir(), `kube-sandbox-e2e-cache-${version}-`));
    cacheDirs.set(version, dir);
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  }
  return cacheDirs.get(version);
}

function commandFor(version, args, { kubeconfig, env }) {
  const binary = kubectlBinary(version);
  if (!binary) throw new Error(`kubectl ${version} is not installed (looked for kubectl.${version} next to kubectl on PATH and in ${installedKubectl})`);
  const fullArgs = ["--cache-dir", cacheDirFor(version), ...(kubeconfig ? ["--kubeconfig", kubeconfig] : []), ...args];
  const fullEnv = { ...process.env, KUBECONFIG: "", ...env };
  return { binary, fullArgs, fullEnv };
}

/**
 * Runs `kubectl <args>` of the given minor version and resolves {code, stdout, stderr} (never rejects on a
 * non-zero exit). `input` is written to stdin; the process is killed after `timeoutMs`.
 */
export function kubectl(version, args, { kubeconfig, input, env, timeoutMs = 30_000 } = {}) {
  const { binary, fullArgs, fullEnv } = commandFor(version, args, { kubeconfig, env });
  return runProcess(binary, fullArgs, { env: fullEnv, input, timeoutMs, label: `kubectl ${args.join(" ")}` });
}

/**
 * Starts a long-running kubectl (e.g. `get -w`). Returns {output(), waitFor(regex, ms), stop()}; stop() kills it
 * and resolves once it has exited.
 */
export function kubectlBackground(version, args, { kubeconfig, env } = {}) {
  const { binary, fullArgs, fullEnv } = commandFor(version, args, { kubeconfig, env });
  const child = spawn(binary, fullArgs, { env: fullEnv, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise((resolve) => child.on("close", resolve));
  return {
    output: () => ({ stdout, stderr }),
    async waitFor(pattern, timeoutMs = 10_000) {
      const deadline = performance.now() + timeoutMs;
      while (!pattern.test(stdout)) {
        if (performance.now() > deadline || child.exitCode !== null) {
          throw new Error(`kubectl ${args.join(" ")} never printed ${pattern}\nstdout:\n${stdout}\nstderr:\n${stderr}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
