// End-to-end (issue 11): nodes that stop, come back, join and leave, watched with the real kubectl as a learner would
// watch them, on the fast pace. The platform API's node calls are the sandbox's `minikube node stop|start|add|delete`.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { acquireServer, createCluster, deleteCluster, platformRequest, writeTempFile } from "./harness.mjs";
import { kubectl } from "./kubectl.mjs";
import { describeWithKubectl } from "./versioned-suite.mjs";
import { eventually } from "./retry.mjs";
import { parseTable } from "./table.mjs";

function ok(result, what) {
  assert.equal(result.code, 0, `${what} exited ${result.code}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
  return result.stdout;
}

const converged = (check, timeoutMs = 30_000) => eventually(check, timeoutMs, 250);

const deploymentYaml = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 4
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      tolerations:
      - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 5}
      - {key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 5}
      containers:
      - {name: web, image: "nginx:1.27"}
`;

export function defineNodeSuite(version) {
  describeWithKubectl(version, `nodes with kubectl ${version}`, () => {
    let server;
    let cluster;
    const run = (args) => kubectl(version, args, { kubeconfig: cluster.kubeconfigPath, timeoutMs: 60_000 });
    const nodeCall = (method, path, body) => platformRequest(method, `${server.origin}/api/clusters/${cluster.id}/nodes${path}`, { token: cluster.token, body });
    const pods = async (args = ["-l", "app=web"]) => parseTable(ok(await run(["get", "pods", "-o", "wide", ...args]), "get pods"));
    const nodeStatus = async (name) => parseTable(ok(await run(["get", "node", name]), "get node"))[0]?.STATUS;

    before(async () => {
      server = await acquireServer();
      cluster = await createCluster(server.origin, { name: "nodes-e2e", pace: "fast", workers: 2 });
    });
    after(async () => {
      if (cluster) await deleteCluster(server.origin, cluster);
      await server?.release?.();
    });

    test("a stopped node goes NotReady, its pods are replaced elsewhere, and it comes back Ready without them", async () => {
      ok(await run(["apply", "-f", writeTempFile(`${cluster.id}.web.yaml`, deploymentYaml)]), "apply");
      assert.match(ok(await run(["rollout", "status", "deployment/web", "--timeout=60s"]), "rollout status"), /successfully rolled out/);
      const spread = await pods();
      const victim = spread.some((p) => p.NODE === "worker-1") ? "worker-1" : "worker-2";
      const other = victim === "worker-1" ? "worker-2" : "worker-1";
      const old = spread.filter((p) => p.NODE === victim).map((p) => p.NAME);
      assert.ok(old.length > 0);

      const stopped = await nodeCall("POST", `/${victim}/stop`);
      assert.equal(stopped.status, 200, stopped.body);
      assert.equal((await nodeCall("POST", `/${victim}/stop`)).status, 409);
      await converged(async () => assert.equal(await nodeStatus(victim), "NotReady"));
      const taints = ok(await run(["get", "node", victim, "-o", "jsonpath={.spec.taints[*].key}"]), "taints");
      assert.match(taints, /node\.kubernetes\.io\/unreachable/);
      await converged(async () => {
        const now = await pods();
        for (const name of old) assert.equal(now.find((p) => p.NAME === name)?.STATUS, "Terminating", JSON.stringify(now));
        assert.equal(now.filter((p) => p.NODE === other && p.STATUS === "Running").length, 4, JSON.stringify(now));
      });
      const events = ok(await run(["get", "events", "--field-selector", "reason=TaintManagerEviction"]), "events");
      assert.match(events, /Marking for deletion Pod default\//);

      const started = await nodeCall("POST", `/${victim}/start`);
      assert.equal(started.status, 200, started.body);
      await converged(async () => assert.equal(await nodeStatus(victim), "Ready"));
      await converged(async () => {
        const now = await pods();
        for (const name of old) assert.ok(!now.some((p) => p.NAME === name), JSON.stringify(now));
      });
      assert.equal(ok(await run(["get", "node", victim, "-o", "jsonpath={.spec.taints}"]), "taints"), "");
    });

    test("a node added joins, turns Ready and gets its kube-proxy pod; deleted, its pods are garbage-collected", async () => {
      const added = await nodeCall("POST", "", { name: "worker-9" });
      assert.equal(added.status, 201, added.body);
      assert.equal(added.json.name, "worker-9");
      await converged(async () => assert.equal(await nodeStatus("worker-9"), "Ready"));
      await converged(async () => {
        const proxy = (await pods(["-n", "kube-system"])).filter((p) => p.NODE === "worker-9" && p.NAME.startsWith("kube-proxy-"));
        assert.equal(proxy[0]?.STATUS, "Running");
      });
      const removed = await nodeCall("DELETE", "/worker-9");
      assert.equal(removed.status, 200, removed.body);
      const gone = await run(["get", "node", "worker-9"]);
      assert.notEqual(gone.code, 0);
      await converged(async () => {
        const left = (await pods(["-n", "kube-system"])).filter((p) => p.NODE === "worker-9");
        assert.deepEqual(left, []);
      });
      assert.equal((await nodeCall("POST", "/control-plane/stop")).status, 409);
      assert.equal((await nodeCall("POST", "/worker-9/stop")).status, 404);
    });
  });
}
