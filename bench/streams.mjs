// `npm run bench:streams`: the issue-14 figures with the real kubectl 1.33 against one `wrangler dev` (fast pace):
//   exec round trip   median of `kubectl exec POD -- true` minus median of `kubectl get pod POD` (kubectl's own start
//                     and the API round trip cancel out; what is left is the stream's upgrade, run and Status)
//   port-forward      bytes a second of `curl` fetching a 1 MiB file from nginx through `kubectl port-forward`
//                     (the file is put there with `kubectl cp`), each fetch a new local connection
// Prints a table and a JSON line; not part of `npm test`.
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { acquireServer, createCluster, deleteCluster, writeTempFile } from "../test/e2e/harness.mjs";
import { kubectl, kubectlBackground } from "../test/e2e/kubectl.mjs";
import { runProcess } from "../test/e2e/process.mjs";

const version = "1.33";
const samples = 20;
const fetches = 20;
const fileBytes = 1024 * 1024;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(fn) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

function ok(result, what) {
  if (result.code !== 0) throw new Error(`${what} exited ${result.code}: ${result.stderr}`);
  return result.stdout;
}

async function main() {
  const server = await acquireServer();
  const cluster = await createCluster(server.origin, { name: "bench-streams", pace: "fast" });
  const run = (args) => kubectl(version, args, { kubeconfig: cluster.kubeconfigPath, timeoutMs: 90_000 });
  try {
    ok(await run(["run", "web", "--image=nginx"]), "run web");
    ok(await run(["wait", "--for=condition=Ready", "pod/web", "--timeout=90s"]), "wait web");

    const exec = [];
    const get = [];
    for (let i = 0; i < samples; i++) {
      exec.push(await timed(async () => ok(await run(["exec", "web", "--", "true"]), "exec true")));
      get.push(await timed(async () => ok(await run(["get", "pod", "web"]), "get pod")));
    }

    const local = writeTempFile("bench-streams.bin", "");
    writeFileSync(local, randomBytes(fileBytes));
    ok(await run(["cp", local, "web:/usr/share/nginx/html/big.bin"]), "cp big.bin");
    const pf = kubectlBackground(version, ["port-forward", "pod/web", ":80"], { kubeconfig: cluster.kubeconfigPath });
    let fetchMs;
    try {
      await pf.waitFor(/Forwarding from 127\.0\.0\.1:\d+ -> \d+/, 60_000);
      const port = Number(/Forwarding from 127\.0\.0\.1:(\d+)/.exec(pf.output().stdout)[1]);
      const url = `http://127.0.0.1:${port}/big.bin`;
      const sizeOf = async () => Number(ok(await runProcess("curl", ["-s", "-S", "--max-time", "60", "-o", "/dev/null", "-w", "%{size_download}", url], { timeoutMs: 90_000, label: "curl" }), "curl"));
      const first = await sizeOf();
      if (first !== fileBytes) throw new Error(`the forwarded file is ${first} bytes, not 1 MiB; in the pod: ${ok(await run(["exec", "web", "--", "ls", "-l", "/usr/share/nginx/html"]), "ls")}`);
      fetchMs = await timed(async () => {
        for (let i = 0; i < fetches; i++) if ((await sizeOf()) !== fileBytes) throw new Error("short download");
      });
    } finally {
      await pf.stop();
    }

    const figures = {
      execMedianMs: Math.round(median(exec)),
      getMedianMs: Math.round(median(get)),
      execRoundTripMs: Math.round(median(exec) - median(get)),
      portForwardMiBps: Number(((fetches * fileBytes) / (1024 * 1024) / (fetchMs / 1000)).toFixed(2)),
      portForwardFetchMs: Math.round(fetchMs / fetches),
    };
    console.log(`exec round trip      ${figures.execRoundTripMs} ms   (median exec ${figures.execMedianMs} ms - median get ${figures.getMedianMs} ms, ${samples} each)`);
    console.log(`port-forward         ${figures.portForwardMiBps} MiB/s   (${fetches} fetches of 1 MiB, ${figures.portForwardFetchMs} ms each)`);
    console.log(JSON.stringify(figures));
  } finally {
    await deleteCluster(server.origin, cluster);
    await server.release?.();
  }
}

await main();
process.exit(0);
