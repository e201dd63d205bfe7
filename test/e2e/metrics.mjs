// Resource usage with the real kubectl: `kubectl top node` and `kubectl top pod` once metrics-server is Ready, and the
// kubernetes.io "Assign Memory Resources to Containers and Pods" task's memory-demo-2 OOMKilled. One cluster on the
// fast pace.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { acquireServer, createCluster, deleteCluster, writeTempFile } from "./harness.mjs";
import { kubectl } from "./kubectl.mjs";
import { eventually } from "./retry.mjs";
import { parseTable } from "./table.mjs";
import { describeWithKubectl } from "./versioned-suite.mjs";

function ok(result, what) {
  assert.equal(result.code, 0, `${what} exited ${result.code}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
  return result.stdout;
}

const converged = (check, timeoutMs = 60_000) => eventually(check, timeoutMs, 500);

// kubernetes.io/docs/tasks/configure-pod-container/assign-memory-resource: memory-request-limit-2.yaml.
const memoryDemo2 = `apiVersion: v1
kind: Pod
metadata:
  name: memory-demo-2
spec:
  containers:
  - name: memory-demo-2-ctr
    image: polinux/stress
    resources:
      requests:
        memory: "50Mi"
      limits:
        memory: "100Mi"
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]
`;

// The same task's memory-request-limit.yaml: 150M within a 200Mi limit.
const memoryDemo = `apiVersion: v1
kind: Pod
metadata:
  name: memory-demo
spec:
  containers:
  - name: memory-demo-ctr
    image: polinux/stress
    resources:
      requests:
        memory: "100Mi"
      limits:
        memory: "200Mi"
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "150M", "--vm-hang", "1"]
`;

/** Mebibytes in a `kubectl top` memory cell (`152Mi`). */
const mebibytes = (cell) => Number(/^(\d+)Mi$/.exec(cell)?.[1] ?? NaN);

export function defineMetricsSuite(version) {
  describeWithKubectl(version, `resource usage with kubectl ${version}`, () => {
    let server;
    let cluster;
    const run = (args) => kubectl(version, args, { kubeconfig: cluster.kubeconfigPath, timeoutMs: 60_000 });
    const apply = (name, text) => run(["apply", "-f", writeTempFile(`${cluster.id}.${name}`, text)]);

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

    test("memory-demo: kubectl top pod shows the stress container's 150M", async () => {
      ok(await apply("memory-demo.yaml", memoryDemo), "apply memory-demo");
      const [row] = await converged(async () => {
        const rows = parseTable(ok(await run(["top", "pod", "memory-demo"]), "top pod"));
        assert.equal(rows[0]?.NAME, "memory-demo");
        return rows;
      });
      // The 150M it allocates (stress counts in binary units) and a little more, under its 200Mi limit (the task
      // shows ~155Mi).
      const used = mebibytes(row["MEMORY(bytes)"]);
      assert.ok(used >= 143 && used < 200, JSON.stringify(row));
      const containers = parseTable(ok(await run(["top", "pod", "memory-demo", "--containers"]), "top pod --containers"));
      assert.deepEqual(containers.map((c) => [c.POD, c.NAME]), [["memory-demo", "memory-demo-ctr"]]);
    });

    test("memory-demo-2 over its 100Mi limit is OOMKilled and restarted", async () => {
      ok(await apply("memory-demo-2.yaml", memoryDemo2), "apply memory-demo-2");
      await converged(async () => {
        const state = JSON.parse(ok(await run(["get", "pod", "memory-demo-2", "-o", "jsonpath={.status.containerStatuses[0].lastState}"]), "get pod"));
        assert.equal(state.terminated?.reason, "OOMKilled", JSON.stringify(state));
        assert.equal(state.terminated?.exitCode, 137);
      });
      const [row] = parseTable(ok(await run(["get", "pod", "memory-demo-2"]), "get pod"));
      assert.ok(Number(row.RESTARTS.split(" ")[0]) >= 1, JSON.stringify(row));
      assert.match(row.STATUS, /^(OOMKilled|CrashLoopBackOff)$/);
    });
  });
}
