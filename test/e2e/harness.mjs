// Runs the sandbox the way `npm start` does (scripts/start.mjs → wrangler dev over HTTPS) and talks to its
// platform API. test/e2e/run.mjs starts one server for the whole run and passes its origin in
// KUBE_SANDBOX_E2E_ORIGIN; a test file run on its own starts (and stops) a server of its own.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, openSync, closeSync } from "node:fs";
import { request as httpsRequest } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const originEnv = "KUBE_SANDBOX_E2E_ORIGIN";

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * One HTTPS request to the sandbox (self-signed certificate accepted). Resolves {status, body, json} where json
 * is the parsed body or undefined.
 */
export function platformRequest(method, url, { token, body, timeoutMs = 15_000 } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers = { accept: "application/json" };
    if (token) headers.authorization = `Bearer ${token}`;
    if (payload !== undefined) headers["content-type"] = "application/json";
    const req = httpsRequest(url, { method, headers, rejectUnauthorized: false, timeout: timeoutMs }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (text += d));
      res.on("end", () => {
        let json;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode, body: text, json });
      });
    });
    req.on("timeout", () => req.destroy(new Error(`${method} ${url} timed out`)));
    req.on("error", reject);
    req.end(payload);
  });
}

/**
 * Starts `node scripts/start.mjs --port <free> --persist-to <fresh dir>` in its own process group and waits until
 * `POST /api/clusters` answers 201. Returns {origin, stop(), logFile}; stop() kills the whole group (start.mjs,
 * wrangler, workerd) and removes the state directory; the server's output stays in logFile.
 */
export async function startServer({ readyTimeoutMs = 90_000 } = {}) {
  const port = await freePort();
  const origin = `https://127.0.0.1:${port}`;
  const stateDir = mkdtempSync(join(tmpdir(), "kube-sandbox-e2e-state-"));
  // The log outlives stop() so a failed run can be diagnosed; it is one small file in the temp dir.
  const logFile = join(tmpdir(), `kube-sandbox-e2e-server-${port}.log`);
  const log = openSync(logFile, "w");
  // node_modules/.bin first: start.mjs runs `wrangler`, and wrangler needs the project's pinned Node 22.
  const env = { ...process.env, PATH: `${join(root, "node_modules", ".bin")}${delimiter}${process.env.PATH ?? ""}` };
  const child = spawn("node", ["scripts/start.mjs", "--port", String(port), "--persist-to", join(stateDir, "data")], {
    cwd: root,
    env,
    detached: true,
    stdio: ["ignore", log, log],
  });
  closeSync(log);
  const exited = new Promise((resolve) => child.on("exit", resolve));
  let stopped = false;
  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // the group is already gone
    }
  };
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    killGroup("SIGTERM");
    const forced = setTimeout(() => killGroup("SIGKILL"), 5_000);
    await exited;
    clearTimeout(forced);
    // workerd children may outlive start.mjs by a moment; make sure nothing of the group is left.
    await new Promise((r) => setTimeout(r, 200));
    killGroup("SIGKILL");
    rmSync(stateDir, { recursive: true, force: true });
  };
  // Never leave a server behind: on exit, and on a signal (then re-raised, so the default action still happens).
  process.once("exit", () => stopped || killGroup("SIGKILL"));
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.once(signal, () => {
      if (!stopped) killGroup("SIGKILL");
      process.kill(process.pid, signal);
    });
  }

  const deadline = performance.now() + readyTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) break;
    try {
      const res = await platformRequest("POST", `${origin}/api/clusters`, { body: { name: "readiness-probe" }, timeoutMs: 5_000 });
      if (res.status === 201) {
        await platformRequest("DELETE", `${origin}/api/clusters/${res.json.id}`, { token: res.json.token }).catch(() => {});
        return { origin, stop, logFile };
      }
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const output = readFileSync(logFile, "utf8");
  await stop();
  throw new Error(`the sandbox did not start on ${origin} (POST /api/clusters never answered 201). Server output:\n${output}`);
}

/**
 * The server to test against: the shared one from run.mjs, or a private one started now. Call `release()` when
 * done; it stops only a server this process started.
 */
export async function acquireServer() {
  const shared = process.env[originEnv];
  if (shared) return { origin: shared, release: async () => {} };
  const server = await startServer();
  return {
    origin: server.origin,
    release: async () => {
      await server.stop();
      rmSync(server.logFile, { force: true });
    },
  };
}

const kubeconfigDir = mkdtempSync(join(tmpdir(), "kube-sandbox-e2e-kubeconfigs-"));
process.once("exit", () => rmSync(kubeconfigDir, { recursive: true, force: true }));

/** Writes a kubeconfig (or any file the tests need) into this process's temp dir and returns its path. */
export function writeTempFile(name, text) {
  const path = join(kubeconfigDir, name);
  writeFileSync(path, text, { mode: 0o600 });
  return path;
}

/** POST /api/clusters; returns the created cluster plus `kubeconfigPath`, the kubeconfig written to a temp file. */
export async function createCluster(origin, options = {}) {
  const res = await platformRequest("POST", `${origin}/api/clusters`, { body: options });
  if (res.status !== 201) throw new Error(`POST /api/clusters answered ${res.status}: ${res.body}`);
  const cluster = res.json;
  return { ...cluster, kubeconfigPath: writeTempFile(`${cluster.id}.admin.kubeconfig`, cluster.kubeconfig) };
}

/** DELETE /api/clusters/<id> with the admin token; resolves {status, json}. */
export function deleteCluster(origin, cluster) {
  return platformRequest("DELETE", `${origin}/api/clusters/${cluster.id}`, { token: cluster.token });
}

/** The cluster's admin kubeconfig with its token (and optionally server) swapped, written to a temp file. */
export function derivedKubeconfig(cluster, name, { token = cluster.token, server = cluster.server } = {}) {
  const text = cluster.kubeconfig.split(cluster.token).join(token).split(cluster.server).join(server);
  return writeTempFile(`${cluster.id}.${name}.kubeconfig`, text);
}
