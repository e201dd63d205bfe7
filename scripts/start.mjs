// `npm start [-- --port N]`: serve the sandbox locally over HTTPS on wrangler's embedded workerd, with local state
// in .wrangler/. kubectl only sends bearer tokens over HTTPS, hence the self-signed local certificate. Prints one
// "Ready on <origin>" line, with the next commands, once the server answers.
import { spawn } from "node:child_process";
import { request } from "node:https";

const args = process.argv.slice(2);
const portIndex = args.indexOf("--port");
const port = portIndex >= 0 ? args[portIndex + 1] : "8787";
const rest = portIndex >= 0 ? [...args.slice(0, portIndex), ...args.slice(portIndex + 2)] : args;
const origin = `https://127.0.0.1:${port}`;

console.log(`kube-sandbox is starting on ${origin} ...`);

const child = spawn(
  "wrangler",
  ["dev", "--local-protocol", "https", "--ip", "127.0.0.1", "--port", port, "--log-level", "warn", ...rest],
  {
    stdio: "inherit",
    shell: process.platform === "win32",
    // Offline-friendly: no download of the `Request.cf` sample (its failure printed a stack trace), no metrics.
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" },
  },
);
let exited = false;
child.on("exit", (code) => {
  exited = true;
  process.exit(code ?? 0);
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));

/** Whether the server answers at all (any HTTP status). */
function answers() {
  return new Promise((resolve) => {
    const req = request(`${origin}/`, { rejectUnauthorized: false, timeout: 2000 }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(false));
    req.end();
  });
}

while (!exited && !(await answers())) await new Promise((r) => setTimeout(r, 250));
if (!exited) {
  console.log(`
Ready on ${origin}

Create a cluster and point kubectl at it:
  curl -sk -X POST ${origin}/api/clusters -o cluster.json
  node -e 'process.stdout.write(require("./cluster.json").kubeconfig)' > sandbox.kubeconfig
  kubectl --kubeconfig sandbox.kubeconfig get nodes
`);
}
