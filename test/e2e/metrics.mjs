// Resource usage with the real kubectl: `kubectl top node` once metrics-server is Ready. One cluster on the fast pace.
// `kubectl top pod` and OOMKilled are in memory.mjs, with the kubernetes.io memory and CPU tasks.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { acquireServer, createCluster, deleteCluster } from "./harness.mjs";
import { kubectl } from "./kubectl.mjs";
import { eventually } from "./retry.mjs";
import { parseTable } from "./table.mjs";
import { describeWithKubectl } from "./versioned-suite.mjs";

function ok(result, what) {
  assert.equal(result.code, 0, `${what} exited ${result.code}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
  return result.stdout;
}

const converged = (check, timeoutMs = 60_000) => eventually(check, timeoutMs, 500);

export function defineMetricsSuite(version) {
  describeWithKubectl(version, `resource usage with kubectl ${version}`, () => {
    let server;
    let cluster;
    const run = (args) => kubectl(version, args, { kubeconfig: cluster.kubeconfigPath, timeoutMs: 60_000 });

    before(async () => {
      server = await acquireServer();
      cluster = await createCluster(server.origin, { name: `metrics-${version.replace(".", "-")}`, pace: "fast" });
    });
    after(async () => {
      if (cluster) await deleteCluster(server.origin, cluster);
      await server?.release?.();
    });

    test("kubectl top node lists every node with CPU and memory once metrics-server is ready", async () => {
      const nodes = parseTable(ok(await run(["get", "nodes"]), "get nodes")).map((row) => row.NAME);
      const rows = await converged(async () => parseTable(ok(await run(["top", "node"]), "top node")));
      assert.deepEqual(rows.map((row) => row.NAME).sort(), [...nodes].sort());
      for (const row of rows) {
        assert.match(row["CPU(cores)"], /^\d+m$/);
        assert.match(row["MEMORY(bytes)"], /^\d+Mi$/);
      }
    });

    test("kubectl top pod -A lists every namespace's running pods; --sort-by=memory orders them", async () => {
      const rows = await converged(async () => parseTable(ok(await run(["top", "pod", "-A", "--sort-by=memory"]), "top pod -A")));
      assert.ok(rows.some((row) => row.NAMESPACE === "kube-system" && row.NAME.startsWith("metrics-server-")), JSON.stringify(rows));
      const mebibytes = rows.map((row) => Number(/^(\d+)Mi$/.exec(row["MEMORY(bytes)"])?.[1]));
      assert.ok(mebibytes.every((m) => Number.isFinite(m)), JSON.stringify(rows));
      assert.deepEqual(mebibytes, [...mebibytes].sort((a, b) => b - a));
    });
  });
}
