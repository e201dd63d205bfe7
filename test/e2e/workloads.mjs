// The workload chapters of a Kubernetes course with the real kubectl: Deployments rolling forward and back,
// self-healing ReplicaSets, scheduling failures, image pull and crash loops, DaemonSets, Jobs, CronJobs, cascading
// and namespace deletion. One cluster per kubectl version, on the fast pace.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { acquireServer, createCluster, deleteCluster, writeTempFile } from "./harness.mjs";
import { kubectl } from "./kubectl.mjs";
import { describeWithKubectl } from "./versioned-suite.mjs";
import { eventually } from "./retry.mjs";
import { parseTable } from "./table.mjs";

function ok(result, what) {
  assert.equal(result.code, 0, `${what} exited ${result.code}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
  return result.stdout;
}

/** The control loop needs longer than one API call: wait up to 20 s by default. */
const converged = (check, timeoutMs = 20_000) => eventually(check, timeoutMs, 250);

export function defineWorkloadSuite(version) {
  const title = `workloads with kubectl ${version}`;
  describeWithKubectl(version, title, () => {
    let server;
    let cluster;
    const run = (args, options = {}) => kubectl(version, args, { kubeconfig: cluster.kubeconfigPath, timeoutMs: 60_000, ...options });
    const pods = async (selector) => parseTable(ok(await run(["get", "pods", "-l", selector]), "get pods"));

    before(async () => {
      server = await acquireServer();
      cluster = await createCluster(server.origin, { name: `wl-${version.replace(".", "-")}`, pace: "fast" });
    });
    after(async () => {
      if (cluster) await deleteCluster(server.origin, cluster);
      await server?.release?.();
    });

    test("kube-system runs the control plane, kube-proxy and CoreDNS", async () => {
      await converged(async () => {
        const rows = parseTable(ok(await run(["get", "pods", "-n", "kube-system"]), "get pods -n kube-system"));
        const names = rows.map((r) => r.NAME);
        for (const prefix of ["etcd-control-plane", "kube-apiserver-control-plane", "kube-scheduler-control-plane", "kube-controller-manager-control-plane", "kube-proxy-", "coredns-"]) {
          assert.ok(names.some((n) => n.startsWith(prefix)), `${prefix} in ${names}`);
        }
        assert.ok(rows.every((r) => r.STATUS === "Running"), JSON.stringify(rows));
      });
    });

    test("a Deployment rolls out, rolls forward, rolls back reusing its old ReplicaSet, and scales", async () => {
      ok(await run(["create", "deployment", "web", "--image=nginx:1.25", "--replicas=3"]), "create deployment");
      assert.match(ok(await run(["rollout", "status", "deployment/web", "--timeout=60s"]), "rollout status"), /successfully rolled out/);
      const firstRS = parseTable(ok(await run(["get", "rs", "-l", "app=web"]), "get rs")).map((r) => r.NAME);
      assert.equal(firstRS.length, 1);

      ok(await run(["set", "image", "deployment/web", "nginx=nginx:1.26"]), "set image");
      assert.match(ok(await run(["rollout", "status", "deployment/web", "--timeout=60s"]), "rollout status"), /successfully rolled out/);
      const history = ok(await run(["rollout", "history", "deployment/web"]), "rollout history");
      assert.deepEqual(parseTable(history.split("\n").slice(1).join("\n")).map((r) => r.REVISION), ["1", "2"]);

      ok(await run(["rollout", "undo", "deployment/web"]), "rollout undo");
      assert.match(ok(await run(["rollout", "status", "deployment/web", "--timeout=60s"]), "rollout status"), /successfully rolled out/);
      const image = ok(await run(["get", "deployment", "web", "-o", "jsonpath={.spec.template.spec.containers[0].image}"]), "image");
      assert.equal(image, "nginx:1.25");
      const revisions = ok(await run(["rollout", "history", "deployment/web"]), "rollout history");
      assert.deepEqual(parseTable(revisions.split("\n").slice(1).join("\n")).map((r) => r.REVISION), ["2", "3"]);
      const rsAfter = parseTable(ok(await run(["get", "rs", "-l", "app=web"]), "get rs"));
      const active = rsAfter.filter((r) => r.DESIRED === "3").map((r) => r.NAME);
      assert.deepEqual(active, firstRS, "undo reuses the first ReplicaSet");
      const revisionOfFirst = ok(await run(["get", "rs", firstRS[0], "-o", "jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}"]), "rs revision");
      assert.equal(revisionOfFirst, "3");

      ok(await run(["scale", "deployment/web", "--replicas=5"]), "scale");
      await converged(async () => {
        const rows = await pods("app=web");
        assert.equal(rows.filter((r) => r.STATUS === "Running" && r.READY === "1/1").length, 5, JSON.stringify(rows));
      });
    });

    test("a deleted pod is replaced", async () => {
      const before = (await pods("app=web")).map((r) => r.NAME);
      ok(await run(["delete", "pod", before[0]]), "delete pod");
      await converged(async () => {
        const rows = await pods("app=web");
        const names = rows.map((r) => r.NAME);
        assert.ok(!names.includes(before[0]));
        assert.equal(rows.filter((r) => r.STATUS === "Running").length, 5, JSON.stringify(rows));
      });
    });

    test("a pod that fits nowhere stays Pending with the scheduler's message", async () => {
      const manifest = writeTempFile(`${cluster.id}.big.yaml`, `apiVersion: v1
kind: Pod
metadata:
  name: big
spec:
  containers:
    - name: app
      image: nginx:1.25
      resources:
        requests:
          cpu: "64"
`);
      ok(await run(["apply", "-f", manifest]), "apply big pod");
      await converged(async () => {
        const described = ok(await run(["describe", "pod", "big"]), "describe pod big");
        assert.match(described, /Status:\s+Pending/);
        assert.match(described, /FailedScheduling .*0\/3 nodes are available: 1 node\(s\) had untolerated taint \{node-role\.kubernetes\.io\/control-plane: \}, 2 Insufficient cpu\. preemption: 0\/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod\./);
      });
    });

    test("a pod of a higher PriorityClass preempts a lower one that holds the room it needs", async () => {
      ok(await run(["create", "priorityclass", "urgent", "--value=1000", "--description=urgent work"]), "create priorityclass");
      const classes = parseTable(ok(await run(["get", "priorityclasses"]), "get priorityclasses"));
      assert.deepEqual(classes.map((r) => [r.NAME, r.VALUE]), [["system-cluster-critical", "2000000000"], ["system-node-critical", "2000001000"], ["urgent", "1000"]]);
      const pod = (name, extra) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  nodeSelector: {kubernetes.io/hostname: worker-1}
${extra}  containers:
    - name: app
      image: nginx:1.25
      resources:
        requests:
          cpu: 1500m
`;
      ok(await run(["apply", "-f", writeTempFile(`${cluster.id}.low.yaml`, pod("low", ""))]), "apply low");
      ok(await run(["wait", "--for=condition=Ready", "pod/low", "--timeout=60s"]), "low ready");
      ok(await run(["apply", "-f", writeTempFile(`${cluster.id}.high.yaml`, pod("high", "  priorityClassName: urgent\n"))]), "apply high");
      await converged(async () => {
        const row = parseTable(ok(await run(["get", "pod", "high", "-o", "wide"]), "get pod high"))[0];
        assert.deepEqual([row.STATUS, row.NODE], ["Running", "worker-1"], JSON.stringify(row));
        assert.match((await run(["get", "pod", "low"])).stderr, /pods "low" not found/);
      }, 30_000);
      const priority = ok(await run(["get", "pod", "high", "-o", "jsonpath={.spec.priority}"]), "priority");
      assert.equal(priority, "1000");
      const events = ok(await run(["get", "events", "--field-selector", "involvedObject.name=low"]), "events of low");
      assert.match(events, /Preempted\s+pod\/low\s+Preempted by pod [0-9a-f-]+ on node worker-1/);
    });

    test("a missing image shows ErrImagePull, then ImagePullBackOff", async () => {
      ok(await run(["run", "typo", "--image=nginx:1.2345"]), "run typo");
      // On the fast pace ErrImagePull lasts milliseconds: the events keep both states, in order.
      await converged(async () => {
        const row = parseTable(ok(await run(["get", "pod", "typo"]), "get pod typo"))[0];
        assert.match(row.STATUS, /^(ErrImagePull|ImagePullBackOff)$/);
        const described = ok(await run(["describe", "pod", "typo"]), "describe");
        assert.match(described, /Failed to pull image "nginx:1\.2345": rpc error: code = NotFound/);
        assert.match(described, /Error: ErrImagePull/);
        assert.match(described, /Back-off pulling image "nginx:1\.2345"/);
        assert.match(described, /Error: ImagePullBackOff/);
        assert.ok(described.indexOf("Error: ErrImagePull") < described.indexOf("Error: ImagePullBackOff"));
      }, 30_000);
    });

    test("a crashing command goes into CrashLoopBackOff and its previous logs stay readable", async () => {
      ok(await run(["run", "crash", "--image=busybox:1.36", "--", "sh", "-c", "echo hi from crash; sleep 1; exit 1"]), "run crash");
      await converged(async () => {
        const row = parseTable(ok(await run(["get", "pod", "crash"]), "get pod crash"))[0];
        assert.equal(row.STATUS, "CrashLoopBackOff");
      }, 30_000);
      assert.equal(ok(await run(["logs", "crash", "--previous"]), "logs --previous"), "hi from crash\n");
    });

    test("changing a pod's image restarts its container with the new image", async () => {
      ok(await run(["run", "single", "--image=nginx:1.25"]), "run single");
      ok(await run(["wait", "--for=condition=Ready", "pod/single", "--timeout=60s"]), "wait ready");
      ok(await run(["set", "image", "pod/single", "single=nginx:1.26"]), "set image pod");
      await converged(async () => {
        const row = parseTable(ok(await run(["get", "pod", "single"]), "get pod single"))[0];
        assert.equal(row.READY, "1/1");
        assert.match(row.RESTARTS, /^1 /);
        const image = ok(await run(["get", "pod", "single", "-o", "jsonpath={.status.containerStatuses[0].image}"]), "image");
        assert.equal(image, "docker.io/library/nginx:1.26");
      });
      assert.match(ok(await run(["describe", "pod", "single"]), "describe"), /Container single definition changed, will be restarted/);
    });

    test("a DaemonSet runs one pod per worker and none on the tainted control plane", async () => {
      const manifest = writeTempFile(`${cluster.id}.ds.yaml`, `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
    spec:
      containers:
        - name: agent
          image: busybox:1.36
          command: ["sh", "-c", "while true; do echo tick; sleep 30; done"]
`);
      ok(await run(["apply", "-f", manifest]), "apply daemonset");
      await converged(async () => {
        const rows = parseTable(ok(await run(["get", "pods", "-l", "app=agent", "-o", "wide"]), "get pods -o wide"));
        assert.deepEqual(rows.map((r) => r.NODE).sort(), ["worker-1", "worker-2"]);
        assert.ok(rows.every((r) => r.STATUS === "Running"));
      });
    });

    test("a Job prints its output and completes", async () => {
      ok(await run(["create", "job", "hello", "--image=busybox:1.36", "--", "sh", "-c", "echo hello from the job; sleep 1"]), "create job");
      ok(await run(["wait", "--for=condition=complete", "job/hello", "--timeout=60s"]), "wait complete");
      assert.equal(ok(await run(["logs", "job/hello"]), "logs job/hello"), "hello from the job\n");
      const row = parseTable(ok(await run(["get", "job", "hello"]), "get job"))[0];
      assert.equal(row.COMPLETIONS, "1/1");
    });

    test("a sidecar runs beside the app (READY 2/2) and does not keep a Job from completing", async () => {
      const manifest = writeTempFile(`${cluster.id}.sidecar.yaml`, `apiVersion: v1
kind: Pod
metadata:
  name: with-sidecar
spec:
  initContainers:
    - name: setup
      image: busybox:1.36
      command: ["sh", "-c", "echo setting up"]
    - name: shipper
      image: busybox:1.36
      restartPolicy: Always
      command: ["sh", "-c", "while true; do echo shipping; sleep 5; done"]
  containers:
    - name: app
      image: nginx:1.25
---
apiVersion: batch/v1
kind: Job
metadata:
  name: batch-with-sidecar
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
        - name: shipper
          image: busybox:1.36
          restartPolicy: Always
          command: ["sh", "-c", "while true; do echo shipping; sleep 5; done"]
      containers:
        - name: work
          image: busybox:1.36
          command: ["sh", "-c", "echo working; sleep 1"]
`);
      ok(await run(["apply", "-f", manifest]), "apply sidecar pod and job");
      await converged(async () => {
        const row = parseTable(ok(await run(["get", "pod", "with-sidecar"]), "get pod"))[0];
        assert.deepEqual([row.READY, row.STATUS], ["2/2", "Running"], JSON.stringify(row));
      });
      assert.match(ok(await run(["logs", "with-sidecar", "-c", "shipper"]), "logs -c shipper"), /^shipping\n/);
      ok(await run(["wait", "--for=condition=complete", "job/batch-with-sidecar", "--timeout=60s"]), "wait job complete");
      const pod = parseTable(ok(await run(["get", "pods", "-l", "job-name=batch-with-sidecar"]), "get job pods"))[0];
      assert.equal(pod.STATUS, "Completed", JSON.stringify(pod));
    });

    test("a pod past its activeDeadlineSeconds is stopped and Failed with DeadlineExceeded", async () => {
      const manifest = writeTempFile(`${cluster.id}.deadline.yaml`, `apiVersion: v1
kind: Pod
metadata:
  name: deadline
spec:
  activeDeadlineSeconds: 2
  terminationGracePeriodSeconds: 1
  containers:
    - name: app
      image: busybox:1.36
      command: ["sh", "-c", "sleep 3600"]
`);
      ok(await run(["apply", "-f", manifest]), "apply deadline pod");
      await converged(async () => {
        const status = JSON.parse(ok(await run(["get", "pod", "deadline", "-o", "jsonpath={.status}"]), "status"));
        assert.deepEqual([status.phase, status.reason, status.message], ["Failed", "DeadlineExceeded", "Pod was active on the node longer than the specified deadline"]);
      });
      assert.match(ok(await run(["describe", "pod", "deadline"]), "describe"), /Normal\s+DeadlineExceeded\s+\S+\s+kubelet\s+Pod was active on the node longer than the specified deadline/);
    });

    test("a CronJob creates Jobs (and create job --from=cronjob works)", async () => {
      ok(await run(["create", "cronjob", "tick", "--image=busybox:1.36", "--schedule=*/1 * * * *", "--", "date"]), "create cronjob");
      ok(await run(["create", "job", "tick-manual", "--from=cronjob/tick"]), "create job --from");
      await converged(async () => {
        const row = parseTable(ok(await run(["get", "job", "tick-manual"]), "get job"))[0];
        assert.equal(row.COMPLETIONS, "1/1");
      });
      const owner = ok(await run(["get", "job", "tick-manual", "-o", "jsonpath={.metadata.ownerReferences[0].kind}"]), "owner");
      assert.equal(owner, "CronJob");
    });

    test("deleting a Deployment deletes its ReplicaSets and pods", async () => {
      ok(await run(["delete", "deployment", "web"]), "delete deployment");
      await converged(async () => {
        assert.equal((await pods("app=web")).length, 0);
        assert.equal(parseTable(ok(await run(["get", "rs", "-l", "app=web"]), "get rs")).length, 0);
      });
    });

    test("deleting a namespace deletes the workloads in it", async () => {
      ok(await run(["create", "namespace", "team"]), "create ns");
      ok(await run(["-n", "team", "create", "deployment", "api", "--image=redis:7", "--replicas=2"]), "create deployment");
      ok(await run(["-n", "team", "rollout", "status", "deployment/api", "--timeout=60s"]), "rollout status");
      ok(await run(["delete", "namespace", "team", "--timeout=60s"]), "delete namespace");
      const all = ok(await run(["get", "pods", "-A"]), "get pods -A");
      assert.ok(!all.includes("team"), all);
      const ns = await run(["get", "namespace", "team"]);
      assert.match(ns.stderr, /namespaces "team" not found/);
    });
  });
}
