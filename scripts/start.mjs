// `npm start [-- --port N]`: serve the sandbox locally over HTTPS on wrangler's embedded workerd, with local state
// in .wrangler/. kubectl only sends bearer tokens over HTTPS, hence the self-signed local certificate.
import { spawn } from "node:child_process";

const args = process.argv.slice(2);
const portIndex = args.indexOf("--port");
const port = portIndex >= 0 ? args[portIndex + 1] : "8787";
const rest = portIndex >= 0 ? [...args.slice(0, portIndex), ...args.slice(portIndex + 2)] : args;
const origin = `https://127.0.0.1:${port}`;

console.log(`kube-sandbox is starting on ${origin}

Create a cluster and point kubectl at it:
  curl -sk -X POST ${origin}/api/clusters -o cluster.json
  node -e 'process.stdout.write(require("./cluster.json").kubeconfig)' > sandbox.kubeconfig
  kubectl --kubeconfig sandbox.kubeconfig get nodes
`);

const child = spawn(
  "wrangler",
  ["dev", "--local-protocol", "https", "--ip", "127.0.0.1", "--port", port, "--log-level", "warn", ...rest],
  { stdio: "inherit", shell: process.platform === "win32" },
);
child.on("exit", (code) => process.exit(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
