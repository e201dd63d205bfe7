// Memory and CPU with the real kubectl, on one fast-paced cluster: the kubernetes.io tasks "Assign Memory Resources to
// Containers and Pods" and "Assign CPU Resources to Containers and Pods" step by step as written (their manifests,
// namespaces mem-example and cpu-example), then a node under memory pressure: a BestEffort `polinux/stress` pod asks
// more than its node has left, the node gets MemoryPressure and the kubelet evicts the pod.
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

/** A polinux/stress pod of the memory task (pods/resource/memory-request-limit*.yaml). */
const memoryPod = (name, requests, limits, bytes) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: mem-example
spec:
  containers:
  - name: ${name}-ctr
    image: polinux/stress
    resources:
      requests:
        memory: "${requests}"
      limits:
        memory: "${limits}"
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "${bytes}", "--vm-hang", "1"]
`;

/** A vish/stress pod of the CPU task (pods/resource/cpu-request-limit*.yaml). */
const cpuPod = (name, requests, limits) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: cpu-example
spec:
  containers:
  - name: ${name}-ctr
    image: vish/stress
    resources:
      limits:
        cpu: "${limits}"
      requests:
        cpu: "${requests}"
    args:
    - -cpus
    - "2"
`;

/** Mebibytes in a `kubectl top` memory cell (`152Mi`). */
const mebibytes = (cell) => Number(/^(\d+)Mi$/.exec(cell)?.[1] ?? NaN);

export function defineMemorySuite(version) {
  describeWithKubectl(version, `memory and CPU resources with kubectl ${version}`, () => {
    let server;
    let cluster;
    const run = (args) => kubectl(version, args, { kubeconfig: cluster.kubeconfigPath, timeoutMs: 60_000 });
    const apply = (name, text, ...more) => run(["apply", "-f", writeTempFile(`${cluster.id}.${name}`, text), ...more]);

    before(async () => {
      server = await acquireServer();
      cluster = await createCluster(server.origin, { name: `memory-${version.replace(".", "-")}`, pace: "fast" });
    });
    after(async () => {
      if (cluster) await deleteCluster(server.origin, cluster);
      await server?.release?.();
    });

    test("memory task: memory-demo within its limit shows its 150M in kubectl top", async () => {
      ok(await run(["create", "namespace", "mem-example"]), "create namespace");
      ok(await apply("memory-demo.yaml", memoryPod("memory-demo", "100Mi", "200Mi", "150M"), "--namespace=mem-example"), "apply memory-demo");
      const yaml = JSON.parse(ok(await run(["get", "pod", "memory-demo", "--output=json", "--namespace=mem-example"]), "get pod -o json"));
      assert.deepEqual(yaml.spec.containers[0].resources, { limits: { memory: "200Mi" }, requests: { memory: "100Mi" } });
      const [row] = await converged(async () => {
        const rows = parseTable(ok(await run(["top", "pod", "memory-demo", "--namespace=mem-example"]), "top pod"));
        assert.equal(rows[0]?.NAME, "memory-demo");
        return rows;
      });
      // stress's 150M is 150Mi; the task shows ~162Mi. Under the 200Mi limit.
      const used = mebibytes(row["MEMORY(bytes)"]);
      assert.ok(used >= 143 && used < 200, JSON.stringify(row));
      const containers = parseTable(ok(await run(["top", "pod", "memory-demo", "--containers", "--namespace=mem-example"]), "top pod --containers"));
      assert.deepEqual(containers.map((c) => [c.POD, c.NAME]), [["memory-demo", "memory-demo-ctr"]]);
      ok(await run(["delete", "pod", "memory-demo", "--namespace=mem-example"]), "delete memory-demo");
    });

    test("memory task: memory-demo-2 over its 100Mi limit is OOMKilled (137), restarted, CrashLoopBackOff", async () => {
      ok(await apply("memory-demo-2.yaml", memoryPod("memory-demo-2", "50Mi", "100Mi", "250M"), "--namespace=mem-example"), "apply memory-demo-2");
      await converged(async () => {
        const state = JSON.parse(ok(await run(["get", "pod", "memory-demo-2", "-n", "mem-example", "-o", "jsonpath={.status.containerStatuses[0].lastState}"]), "get pod"));
        assert.equal(state.terminated?.reason, "OOMKilled", JSON.stringify(state));
        assert.equal(state.terminated?.exitCode, 137);
      });
      const [row] = parseTable(ok(await run(["get", "pod", "memory-demo-2", "--namespace=mem-example"]), "get pod"));
      assert.ok(Number(row.RESTARTS.split(" ")[0]) >= 1, JSON.stringify(row));
      // Between kills the restarted container runs for a moment (the fast pace restarts it within a second or two).
      assert.match(row.STATUS, /^(OOMKilled|CrashLoopBackOff|Running)$/);
      const described = ok(await run(["describe", "pod", "memory-demo-2", "--namespace=mem-example"]), "describe pod");
      assert.match(described, /Last State:\s+Terminated\n\s+Reason:\s+OOMKilled\n\s+Exit Code:\s+137\n/);
      ok(await run(["delete", "pod", "memory-demo-2", "--namespace=mem-example"]), "delete memory-demo-2");
    });

    test("memory task: memory-demo-3 asking 1000Gi stays Pending with Insufficient memory", async () => {
      ok(await apply("memory-demo-3.yaml", memoryPod("memory-demo-3", "1000Gi", "1000Gi", "150M"), "--namespace=mem-example"), "apply memory-demo-3");
      const described = await converged(async () => {
        const text = ok(await run(["describe", "pod", "memory-demo-3", "--namespace=mem-example"]), "describe pod");
        assert.match(text, /Warning\s+FailedScheduling\s+.*0\/3 nodes are available: .*2 Insufficient memory\./);
        return text;
      });
      assert.match(described, /Status:\s+Pending/);
      ok(await run(["delete", "namespace", "mem-example"]), "delete namespace");
    });

    test("CPU task: cpu-demo asking 2 CPUs is held to its 1-CPU limit in kubectl top; cpu-demo-2 asking 100 stays Pending", async () => {
      ok(await run(["create", "namespace", "cpu-example"]), "create namespace");
      ok(await apply("cpu-demo.yaml", cpuPod("cpu-demo", "0.5", "1"), "--namespace=cpu-example"), "apply cpu-demo");
      const yaml = JSON.parse(ok(await run(["get", "pod", "cpu-demo", "--output=json", "--namespace=cpu-example"]), "get pod -o json"));
      assert.deepEqual(yaml.spec.containers[0].resources, { limits: { cpu: "1" }, requests: { cpu: "500m" } });
      const [row] = await converged(async () => {
        const rows = parseTable(ok(await run(["top", "pod", "cpu-demo", "--namespace=cpu-example"]), "top pod"));
        assert.equal(rows[0]?.NAME, "cpu-demo");
        return rows;
      });
      const millis = Number(/^(\d+)m$/.exec(row["CPU(cores)"])?.[1] ?? NaN);
      assert.ok(millis >= 900 && millis <= 1000, JSON.stringify(row));
      ok(await run(["delete", "pod", "cpu-demo", "--namespace=cpu-example"]), "delete cpu-demo");

      ok(await apply("cpu-demo-2.yaml", cpuPod("cpu-demo-2", "100", "100"), "--namespace=cpu-example"), "apply cpu-demo-2");
      await converged(async () => {
        const text = ok(await run(["describe", "pod", "cpu-demo-2", "--namespace=cpu-example"]), "describe pod");
        assert.match(text, /Status:\s+Pending/);
        assert.match(text, /Warning\s+FailedScheduling\s+.*0\/3 nodes are available: .*2 Insufficient cpu\./);
      });
      ok(await run(["delete", "namespace", "cpu-example"]), "delete namespace");
    });

    test("memory pressure: a BestEffort hog gets its node MemoryPressure and is evicted with the kubelet's message", async () => {
      // kubectl wait watches the node, so it sees the condition however briefly it is True (3 s at the fast pace).
      const waiting = run(["wait", "--for=condition=MemoryPressure", "node/worker-1", "--timeout=60s"]);
      await new Promise((r) => setTimeout(r, 1_000));
      const hog = `apiVersion: v1
kind: Pod
metadata:
  name: hog
spec:
  nodeSelector:
    kubernetes.io/hostname: worker-1
  containers:
  - name: stress
    image: polinux/stress
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "3900M", "--vm-hang", "1"]
`;
      ok(await apply("hog.yaml", hog), "apply hog");
      assert.match(ok(await waiting, "wait for MemoryPressure"), /node\/worker-1 condition met/);
      // kubectl's STATUS of an evicted pod is its killed container's reason (Error), as on a real 1.33 cluster; the
      // pod's own reason is Evicted.
      await converged(async () => {
        const rows = parseTable(ok(await run(["get", "pod", "hog"]), "get pod"));
        assert.deepEqual([rows[0]?.READY, rows[0]?.STATUS], ["0/1", "Error"], JSON.stringify(rows));
      });
      assert.equal(ok(await run(["get", "pod", "hog", "-o", "jsonpath={.status.phase} {.status.reason}"]), "get pod -o jsonpath"), "Failed Evicted");
      const pod = ok(await run(["describe", "pod", "hog"]), "describe pod");
      assert.match(pod, /Status:\s+Failed\n/);
      assert.match(pod, /Reason:\s+Evicted\n/);
      assert.match(pod, /Message:\s+The node was low on resource: memory\. Threshold quantity: 100Mi, available: -?\d+Ki\. Container stress was using \d+Ki, request is 0, has larger consumption of memory\. \n/);
      assert.match(pod, /DisruptionTarget\s+True/);
      assert.match(pod, /Warning\s+Evicted\s+.*kubelet\s+The node was low on resource: memory\./);
      const node = await converged(async () => {
        const text = ok(await run(["describe", "node", "worker-1"]), "describe node");
        // Once the pressure transition period has passed, the condition is False again and the taint gone.
        assert.match(text, /MemoryPressure\s+False\s.*KubeletHasSufficientMemory\s+kubelet has sufficient memory available/);
        return text;
      });
      assert.match(node, /Warning\s+EvictionThresholdMet\s+.*Attempting to reclaim memory/);
      assert.match(node, /Normal\s+NodeHasInsufficientMemory\s+.*Node worker-1 status is now: NodeHasInsufficientMemory/);
      assert.match(node, /Taints:\s+<none>/);
    });
  });
}
