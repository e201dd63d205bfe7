// Starts one `wrangler dev` like `npm start` (HTTPS on 127.0.0.1, a free port, warnings only) with its state in a
// fresh temporary directory, waits until it answers, and stops it (and removes the state) when asked.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const wranglerBin = join(root, "node_modules", ".bin", "wrangler");

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Start `wrangler dev` and resolve once `GET /` answers. `probe(origin)` must resolve true when the server is up.
 * Returns { origin, stop }; `stop()` ends wrangler (and its workerd) and deletes the temporary state.
 */
export async function startWrangler(probe, { readyTimeoutMs = 90_000, extraArgs = [] } = {}) {
  const port = await freePort();
  const persistDir = mkdtempSync(join(tmpdir(), "kube-sandbox-bench-"));
  const origin = `https://127.0.0.1:${port}`;
  // CLIENT_LIMITS=off: the bench is one client that creates and calls far past the per-client limits of a public server.
  const args = ["dev", "--local-protocol", "https", "--ip", "127.0.0.1", "--port", String(port), "--log-level", "warn", "--persist-to", persistDir, "--var", "CLIENT_LIMITS:off", ...extraArgs];
  // Its own process group, so stopping it also stops the workerd it spawns.
  const child = spawn(wranglerBin, args, {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", BROWSER: "none" },
  });
  let output = "";
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  let exited = false;
  const exitedPromise = new Promise((resolve) => child.on("exit", () => ((exited = true), resolve())));

  // If this process exits early (a watchdog, a signal), wrangler must not outlive it.
  const killOnExit = () => {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {}
  };
  process.on("exit", killOnExit);

  const stop = async () => {
    process.off("exit", killOnExit);
    if (!exited) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {}
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {}
      }, 5_000);
      await exitedPromise;
      clearTimeout(timer);
    }
    rmSync(persistDir, { recursive: true, force: true });
  };

  const deadline = performance.now() + readyTimeoutMs;
  while (performance.now() < deadline) {
    if (exited) break;
    if (await probe(origin).catch(() => false)) return { origin, stop, output: () => output, pid: child.pid };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`wrangler dev did not become ready on ${origin}:\n${output}`);
}
