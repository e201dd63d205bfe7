// The kubernetes.io HorizontalPodAutoscaler walkthrough with the real kubectl on the fast pace: apply php-apache,
// `kubectl autoscale` (autoscaling/v1, a protobuf body from kubectl 1.32), `get hpa` TARGETS before and after the
// first metrics, the busybox wget loop as a plain pod, replicas rising, the load deleted, replicas falling back to 1,
// and `describe hpa` with its conditions and events.
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

// https://k8s.io/examples/application/php-apache.yaml
const phpApache = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: php-apache
spec:
  selector:
    matchLabels:
      run: php-apache
  template:
    metadata:
      labels:
        run: php-apache
    spec:
      containers:
      - name: php-apache
        image: registry.k8s.io/hpa-example
        ports:
        - containerPort: 80
        resources:
          limits:
            cpu: 500m
          requests:
            cpu: 200m
---
apiVersion: v1
kind: Service
metadata:
  name: php-apache
  labels:
    run: php-apache
spec:
  ports:
  - port: 80
  selector:
    run: php-apache
`;

export function defineHpaSuite(version) {
  describeWithKubectl(version, `the HPA walkthrough with kubectl ${version}`, () => {
    let server;
    let cluster;
    const run = (args) => kubectl(version, args, { kubeconfig: cluster.kubeconfigPath, timeoutMs: 60_000 });
    const replicas = async () => Number(ok(await run(["get", "deployment", "php-apache", "-o", "jsonpath={.spec.replicas}"]), "get deployment"));

    before(async () => {
      server = await acquireServer();
      cluster = await createCluster(server.origin, { name: `hpa-${version.replace(".", "-")}`, pace: "fast" });
    });
    after(async () => {
      if (cluster) await deleteCluster(server.origin, cluster);
      await server?.release?.();
    });

    test("kubectl autoscale creates php-apache's HPA (autoscaling/v1, protobuf)", async () => {
      ok(await run(["apply", "-f", writeTempFile(`${cluster.id}.php-apache.yaml`, phpApache)]), "apply php-apache");
      ok(await run(["rollout", "status", "deployment/php-apache", "--timeout=60s"]), "rollout status");
      assert.equal(ok(await run(["autoscale", "deployment", "php-apache", "--cpu-percent=50", "--min=1", "--max=10"]), "autoscale"), "horizontalpodautoscaler.autoscaling/php-apache autoscaled\n");
      const [row] = parseTable(ok(await run(["get", "hpa"]), "get hpa"));
      assert.equal(row.REFERENCE, "Deployment/php-apache");
      assert.match(row.TARGETS, /^cpu: (<unknown>|0%)\/50%$/);
      assert.deepEqual([row.MINPODS, row.MAXPODS], ["1", "10"]);
    });

    test("get hpa shows cpu: 0%/50% once the metrics are in", async () => {
      await eventually(async () => {
        const [row] = parseTable(ok(await run(["get", "hpa", "php-apache"]), "get hpa"));
        assert.equal(row.TARGETS, "cpu: 0%/50%");
        assert.equal(row.REPLICAS, "1");
      }, 60_000, 1_000);
    });

    test("the busybox wget loop scales php-apache up", async () => {
      ok(await run(["run", "load-generator", "--image=busybox:1.28", "--restart=Never", "--", "/bin/sh", "-c", "while sleep 0.01; do wget -q -O- http://php-apache; done"]), "run load-generator");
      await eventually(async () => assert.ok((await replicas()) >= 4, "replicas still below 4"), 120_000, 2_000);
      const [row] = parseTable(ok(await run(["get", "hpa", "php-apache"]), "get hpa"));
      assert.match(row.TARGETS, /^cpu: \d+%\/50%$/);
    });

    test("without the load it scales back to 1 after the window", async () => {
      ok(await run(["delete", "pod", "load-generator", "--wait=false"]), "delete load-generator");
      await eventually(async () => assert.equal(await replicas(), 1), 150_000, 2_000);
    });

    test("describe hpa shows its conditions and rescale events", async () => {
      const out = ok(await run(["describe", "hpa", "php-apache"]), "describe hpa");
      assert.match(out, /Reference:\s+Deployment\/php-apache/);
      assert.match(out, /AbleToScale\s+True/);
      assert.match(out, /ScalingActive\s+True\s+ValidMetricFound\s+the HPA was able to successfully calculate a replica count from cpu resource utilization \(percentage of request\)/);
      assert.match(out, /ScalingLimited/);
      assert.match(out, /SuccessfulRescale\s+.*New size: \d+; reason: cpu resource utilization \(percentage of request\) above target/);
      assert.match(out, /SuccessfulRescale\s+.*New size: 1; reason: All metrics below target/);
    });
  });
}
