// Draining a node under a PodDisruptionBudget with the real kubectl: `kubectl create pdb` (protobuf from 1.32),
// `kubectl get pdb`'s columns and the status the disruption controller keeps, then `kubectl drain`, whose evictions
// the budget lets through one at a time: the others are refused with 429 and drain retries them every 5 s, as
// against a real cluster, until the node is drained.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { acquireServer, createCluster, deleteCluster } from "./harness.mjs";
import { kubectl } from "./kubectl.mjs";
import { describeWithKubectl } from "./versioned-suite.mjs";
import { eventually } from "./retry.mjs";
import { parseTable } from "./table.mjs";

function ok(result, what) {
  assert.equal(result.code, 0, `${what} exited ${result.code}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
  return result.stdout;
}

const converged = (check, timeoutMs = 30_000) => eventually(check, timeoutMs, 250);

export function defineDrainSuite(version) {
  const title = `drain under a PodDisruptionBudget with kubectl ${version}`;
  describeWithKubectl(version, title, () => {
    let server;
    let cluster;
    const run = (args, options = {}) => kubectl(version, args, { kubeconfig: cluster.kubeconfigPath, timeoutMs: 60_000, ...options });

    before(async () => {
      server = await acquireServer();
      cluster = await createCluster(server.origin, { name: `pdb-${version.replace(".", "-")}`, pace: "fast" });
    });
    after(async () => {
      if (cluster) await deleteCluster(server.origin, cluster);
      await server?.release?.();
    });

    test("kubectl create pdb, and get pdb shows the budget the controller computed", async () => {
      ok(await run(["create", "deployment", "web", "--image=nginx:1.25", "--replicas=3"]), "create deployment");
      assert.match(ok(await run(["rollout", "status", "deployment/web", "--timeout=60s"]), "rollout status"), /successfully rolled out/);
      assert.match(ok(await run(["create", "pdb", "web", "--selector=app=web", "--max-unavailable=1"]), "create pdb"), /poddisruptionbudget.policy\/web created/);
      await converged(async () => {
        const rows = parseTable(ok(await run(["get", "pdb"]), "get pdb"));
        assert.deepEqual(
          rows.map((r) => [r.NAME, r["MIN AVAILABLE"], r["MAX UNAVAILABLE"], r["ALLOWED DISRUPTIONS"]]),
          [["web", "N/A", "1", "1"]],
        );
      });
      const status = JSON.parse(ok(await run(["get", "pdb", "web", "-o", "jsonpath={.status}"]), "pdb status"));
      assert.deepEqual(
        [status.currentHealthy, status.desiredHealthy, status.expectedPods, status.disruptionsAllowed],
        [3, 2, 3, 1],
      );
      assert.equal(status.conditions[0].reason, "SufficientPods");
    });

    test("drain evicts one pod at a time, retrying every 5 s on the budget's 429, and finishes", async () => {
      const pods = JSON.parse(ok(await run(["get", "pods", "-l", "app=web", "-o", "json"]), "get pods")).items;
      const byNode = new Map();
      for (const pod of pods) byNode.set(pod.spec.nodeName, [...(byNode.get(pod.spec.nodeName) ?? []), pod.metadata.name]);
      const [node, onNode] = [...byNode.entries()].sort((a, b) => b[1].length - a[1].length)[0];
      assert.ok(onNode.length >= 2, `a node holds two of the three pods: ${JSON.stringify([...byNode])}`);

      const drained = await run(["drain", node, "--ignore-daemonsets", "--delete-emptydir-data", "--timeout=180s"], { timeoutMs: 200_000 });
      const output = `${drained.stdout}\n${drained.stderr}`;
      assert.equal(drained.code, 0, output);
      assert.match(output, new RegExp(`node/${node} cordoned`));
      assert.match(
        output,
        /error when evicting pods\/"web-[a-z0-9-]+" -n "default" \(will retry after 5s\): Cannot evict pod as it would violate the pod's disruption budget\./,
      );
      for (const name of onNode) assert.match(output, new RegExp(`pod/${name} evicted`));
      assert.match(output, new RegExp(`node/${node} drained`));

      await converged(async () => {
        const rows = parseTable(ok(await run(["get", "pods", "-l", "app=web", "-o", "wide"]), "get pods"));
        assert.equal(rows.filter((r) => r.STATUS === "Running" && r.READY === "1/1").length, 3, JSON.stringify(rows));
        assert.ok(rows.every((r) => r.NODE !== node), JSON.stringify(rows));
      });
      ok(await run(["uncordon", node]), "uncordon");
    });
  });
}
