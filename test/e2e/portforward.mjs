// `kubectl port-forward` with the real kubectl (1.31+: SPDY/3.1 tunnelled in a WebSocket): pod/web, svc/web and
// deploy/web answered by nginx through curl on a local port kubectl picks, a port nobody listens on reported from
// the kubelet's error stream, and the requests per second of curl in a loop (printed for the closing note).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { acquireServer, createCluster, deleteCluster } from "./harness.mjs";
import { kubectl, kubectlBackground } from "./kubectl.mjs";
import { runProcess } from "./process.mjs";
import { describeWithKubectl } from "./versioned-suite.mjs";

function ok(result, what) {
  assert.equal(result.code, 0, `${what} exited ${result.code}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
  return result.stdout;
}

const curl = (url, extra = []) => runProcess("curl", ["-s", "-S", "--max-time", "20", ...extra, url], { timeoutMs: 30_000, label: `curl ${url}` });

export function definePortForwardSuite(version) {
  describeWithKubectl(version, `port-forward with kubectl ${version}`, () => {
    let server;
    let cluster;
    const run = (args, options = {}) => kubectl(version, args, { kubeconfig: cluster.kubeconfigPath, timeoutMs: 90_000, ...options });

    /** Starts `kubectl port-forward <target> :<port>`; resolves the local port and a stop(). */
    async function forward(target, remotePort) {
      const pf = kubectlBackground(version, ["port-forward", target, `:${remotePort}`], { kubeconfig: cluster.kubeconfigPath });
      await pf.waitFor(/Forwarding from 127\.0\.0\.1:\d+ -> \d+/, 60_000);
      const local = Number(/Forwarding from 127\.0\.0\.1:(\d+)/.exec(pf.output().stdout)[1]);
      return { pf, local };
    }

    before(async () => {
      server = await acquireServer();
      cluster = await createCluster(server.origin, { name: `pf-${version.replace(".", "-")}`, pace: "fast" });
      ok(await run(["run", "web", "--image=nginx", "--port=80", "--expose"]), "run web --expose");
      ok(await run(["create", "deployment", "web", "--image=nginx", "--port=80"]), "create deployment web");
      ok(await run(["wait", "--for=condition=Ready", "pod/web", "--timeout=90s"]), "wait pod/web");
      ok(await run(["rollout", "status", "deployment/web", "--timeout=90s"]), "rollout status deployment/web");
    });
    after(async () => {
      if (cluster) await deleteCluster(server.origin, cluster);
      await server?.release?.();
    });

    test("pod/web: curl gets nginx's welcome page through the forwarded port, request after request", async () => {
      const { pf, local } = await forward("pod/web", 80);
      try {
        const page = ok(await curl(`http://127.0.0.1:${local}/`), "curl");
        assert.match(page, /<title>Welcome to nginx!<\/title>/);
        const head = ok(await curl(`http://127.0.0.1:${local}/nope.html`, ["-i"]), "curl -i");
        assert.match(head, /^HTTP\/1\.1 404 Not Found/);
        assert.match(pf.output().stdout, /Handling connection for \d+/);
        // Throughput: sequential curls (a connection each: two SPDY streams, one HTTP exchange).
        const n = 40;
        const started = performance.now();
        for (let i = 0; i < n; i++) ok(await curl(`http://127.0.0.1:${local}/`, ["-o", "/dev/null"]), "curl loop");
        const seconds = (performance.now() - started) / 1000;
        console.log(`port-forward throughput (kubectl ${version}): ${n} curl requests in ${seconds.toFixed(2)} s = ${(n / seconds).toFixed(1)} requests/s`);
      } finally {
        await pf.stop();
      }
    });

    test("svc/web and deploy/web resolve to a pod and forward to it", async () => {
      for (const target of ["svc/web", "deploy/web"]) {
        const { pf, local } = await forward(target, 80);
        try {
          assert.match(ok(await curl(`http://127.0.0.1:${local}/`), `curl via ${target}`), /Welcome to nginx!/);
        } finally {
          await pf.stop();
        }
      }
    });

    test("a port nobody listens on: kubectl prints the kubelet's error", async () => {
      const { pf, local } = await forward("pod/web", 81);
      try {
        const result = await curl(`http://127.0.0.1:${local}/`);
        assert.notEqual(result.code, 0, "curl got an answer from a port nobody listens on");
        const deadline = performance.now() + 10_000;
        while (!/error forwarding port 81 to pod [0-9a-f]{64}, uid : .*connection refused/.test(pf.output().stderr) && performance.now() < deadline) {
          await new Promise((r) => setTimeout(r, 100));
        }
        assert.match(pf.output().stderr, /error forwarding port 81 to pod [0-9a-f]{64}, uid : .*connect: connection refused/);
      } finally {
        await pf.stop();
      }
    });
  });
}
