// Volumes and the policies of a namespace with the real kubectl: the kubernetes.io shared-volume examples as written
// (two containers sharing an emptyDir; an init container filling the volume nginx serves), ResourceQuota admission
// and `describe quota`, and the LimitRange tasks (defaults applied, max enforced). One cluster per kubectl version,
// on the fast pace.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { acquireServer, createCluster, deleteCluster, writeTempFile } from "./harness.mjs";
import { kubectl } from "./kubectl.mjs";
import { eventually } from "./retry.mjs";
import { parseTable } from "./table.mjs";
import { describeWithKubectl } from "./versioned-suite.mjs";

function ok(result, what) {
  assert.equal(result.code, 0, `${what} exited ${result.code}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
  return result.stdout;
}

function refused(result, what) {
  assert.notEqual(result.code, 0, `${what} was accepted:\n${result.stdout}`);
  return result.stderr;
}

/** The control loop needs longer than one API call: wait up to 30 s by default. */
const converged = (check, timeoutMs = 30_000) => eventually(check, timeoutMs, 250);

// kubernetes.io/docs/tasks/access-application-cluster/communicate-containers-same-pod-shared-volume: two-container-pod.yaml.
const twoContainerPod = `apiVersion: v1
kind: Pod
metadata:
  name: two-containers
spec:

  restartPolicy: Never

  volumes:
  - name: shared-data
    emptyDir: {}

  containers:

  - name: nginx-container
    image: nginx
    volumeMounts:
    - name: shared-data
      mountPath: /usr/share/nginx/html

  - name: debian-container
    image: debian
    volumeMounts:
    - name: shared-data
      mountPath: /pod-data
    command: ["/bin/sh"]
    args: ["-c", "echo Hello from the debian container > /pod-data/index.html"]
`;

// kubernetes.io/docs/tasks/configure-pod-container/configure-pod-initialization: init-containers.yaml.
const initContainersPod = `apiVersion: v1
kind: Pod
metadata:
  name: init-demo
spec:
  containers:
  - name: nginx
    image: nginx
    ports:
    - containerPort: 80
    volumeMounts:
    - name: workdir
      mountPath: /usr/share/nginx/html
  # These containers are run during pod initialization
  initContainers:
  - name: install
    image: busybox:1.28
    command:
    - wget
    - "-O"
    - "/work-dir/index.html"
    - http://info.cern.ch
    volumeMounts:
    - name: workdir
      mountPath: "/work-dir"
  dnsPolicy: Default
  volumes:
  - name: workdir
    emptyDir: {}
`;

/** A pod of one nginx container with these requests (a quota on compute resources needs them stated). */
function podWithRequests(name, requests) {
  const lines = Object.entries(requests).map(([k, v]) => `        ${k}: ${v}`);
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: ${name}
    image: nginx
    resources:
      requests:
${lines.join("\n")}
`;
}

// kubernetes.io/docs/tasks/administer-cluster/manage-resources/memory-default-namespace.
const memoryDefaults = `apiVersion: v1
kind: LimitRange
metadata:
  name: mem-limit-range
spec:
  limits:
  - default:
      memory: 512Mi
    defaultRequest:
      memory: 256Mi
    type: Container
`;

const memoryDefaultsPod = `apiVersion: v1
kind: Pod
metadata:
  name: default-mem-demo
spec:
  containers:
  - name: default-mem-demo-ctr
    image: nginx
`;

const memoryDefaultsPod2 = `apiVersion: v1
kind: Pod
metadata:
  name: default-mem-demo-2
spec:
  containers:
  - name: default-mem-demo-2-ctr
    image: nginx
    resources:
      limits:
        memory: "1Gi"
`;

const memoryDefaultsPod3 = `apiVersion: v1
kind: Pod
metadata:
  name: default-mem-demo-3
spec:
  containers:
  - name: default-mem-demo-3-ctr
    image: nginx
    resources:
      requests:
        memory: "128Mi"
`;

// kubernetes.io/docs/tasks/administer-cluster/manage-resources/memory-constraint-namespace.
const memoryConstraints = `apiVersion: v1
kind: LimitRange
metadata:
  name: mem-min-max-demo-lr
spec:
  limits:
  - max:
      memory: 1Gi
    min:
      memory: 500Mi
    type: Container
`;

const memoryConstraintsPod = `apiVersion: v1
kind: Pod
metadata:
  name: constraints-mem-demo
spec:
  containers:
  - name: constraints-mem-demo-ctr
    image: nginx
    resources:
      limits:
        memory: "800Mi"
      requests:
        memory: "600Mi"
`;

const memoryConstraintsPod2 = `apiVersion: v1
kind: Pod
metadata:
  name: constraints-mem-demo-2
spec:
  containers:
  - name: constraints-mem-demo-2-ctr
    image: nginx
    resources:
      limits:
        memory: "1.5Gi"
      requests:
        memory: "800Mi"
`;

const memoryConstraintsPod3 = `apiVersion: v1
kind: Pod
metadata:
  name: constraints-mem-demo-3
spec:
  containers:
  - name: constraints-mem-demo-3-ctr
    image: nginx
    resources:
      limits:
        memory: "800Mi"
      requests:
        memory: "100Mi"
`;

/** `kubectl describe quota`'s Used/Hard table: {resource: [used, hard]}. */
function quotaTable(described) {
  const lines = described.split("\n");
  const start = lines.findIndex((line) => /^Resource\s+Used\s+Hard\s*$/.test(line));
  assert.ok(start >= 0, `no Resource/Used/Hard table in:\n${described}`);
  const rows = {};
  for (const line of lines.slice(start + 2)) {
    const cells = line.trim().split(/\s+/);
    if (cells.length !== 3) break;
    rows[cells[0]] = [cells[1], cells[2]];
  }
  return rows;
}

export function defineVolumeSuite(version) {
  describeWithKubectl(version, `volumes, quota and LimitRange with kubectl ${version}`, () => {
    let server;
    let cluster;
    const run = (args, options = {}) => kubectl(version, args, { kubeconfig: cluster.kubeconfigPath, timeoutMs: 60_000, ...options });
    const file = (name, text) => writeTempFile(`${cluster.id}.${name}`, text);
    const apply = (name, text, namespace = "default") => run(["apply", "-n", namespace, "-f", file(name, text)]);
    const jsonpath = async (kind, name, path, namespace = "default") =>
      ok(await run(["get", kind, name, "-n", namespace, "-o", `jsonpath=${path}`]), `get ${kind} ${name} ${path}`);

    before(async () => {
      server = await acquireServer();
      cluster = await createCluster(server.origin, { name: `vol-${version.replace(".", "-")}`, pace: "fast" });
    });
    after(async () => {
      if (cluster) await deleteCluster(server.origin, cluster);
      await server?.release?.();
    });

    describe("Communicate Between Containers in the Same Pod Using a Shared Volume", () => {
      test("two-container-pod.yaml: debian writes index.html and exits, nginx keeps running", async () => {
        assert.equal(ok(await apply("two-container-pod.yaml", twoContainerPod), "apply"), "pod/two-containers created\n");
        await converged(async () => {
          const debian = JSON.parse(await jsonpath("pod", "two-containers", '{.status.containerStatuses[?(@.name=="debian-container")].state}'));
          assert.equal(debian.terminated?.exitCode, 0, JSON.stringify(debian));
          assert.equal(debian.terminated?.reason, "Completed");
          const nginx = JSON.parse(await jsonpath("pod", "two-containers", '{.status.containerStatuses[?(@.name=="nginx-container")].state}'));
          assert.ok(nginx.running, JSON.stringify(nginx));
        });
        const [row] = parseTable(ok(await run(["get", "pod", "two-containers"]), "get pod"));
        // One container done, one running, the pod not Ready: kubectl prints NotReady.
        assert.deepEqual([row.READY, row.STATUS], ["1/2", "NotReady"]);
      });

      test("nginx serves the page the debian container wrote (the apiserver's pods/proxy)", async () => {
        const page = ok(await run(["get", "--raw", "/api/v1/namespaces/default/pods/two-containers:80/proxy/"]), "pods/proxy");
        assert.equal(page, "Hello from the debian container\n");
      });

      test("a client pod's wget of the pod IP reads the same page", async () => {
        const ip = await jsonpath("pod", "two-containers", "{.status.podIP}");
        assert.match(ip, /^10\.244\.\d+\.\d+$/);
        ok(await run(["run", "reader", "--restart=Never", "--image=busybox:1.36", "--", "wget", "-qO-", `http://${ip}/`]), "run reader");
        await converged(async () => assert.equal(await jsonpath("pod", "reader", "{.status.phase}"), "Succeeded"));
        assert.equal(ok(await run(["logs", "reader"]), "logs reader"), "Hello from the debian container\n");
      });
    });

    describe("Configure Pod Initialization", () => {
      // The machine reaches no internet: the simulated public internet answers any public name (info.cern.ch
      // resolves through the node's DNS, dnsPolicy: Default) with a small page titled with that name.
      test("init-containers.yaml: the init container's download is what nginx serves", async () => {
        assert.equal(ok(await apply("init-containers.yaml", initContainersPod), "apply"), "pod/init-demo created\n");
        await converged(async () => {
          const [row] = parseTable(ok(await run(["get", "pod", "init-demo"]), "get pod"));
          assert.deepEqual([row.READY, row.STATUS], ["1/1", "Running"]);
        });
        const init = JSON.parse(await jsonpath("pod", "init-demo", "{.status.initContainerStatuses[0].state}"));
        assert.equal(init.terminated?.exitCode, 0, JSON.stringify(init));
        assert.equal(init.terminated?.reason, "Completed");
        const logs = ok(await run(["logs", "init-demo", "-c", "install"]), "logs install");
        assert.match(logs, /^Connecting to info\.cern\.ch \(\d+\.\d+\.\d+\.\d+:80\)$/m);
        const page = ok(await run(["get", "--raw", "/api/v1/namespaces/default/pods/init-demo/proxy/"]), "pods/proxy");
        assert.match(page, /<title>info\.cern\.ch<\/title>/);
        const described = ok(await run(["describe", "pod", "init-demo"]), "describe pod");
        assert.match(described, /^Init Containers:\n\s+install:/m);
        assert.match(described, /^\s+\/work-dir from workdir \(rw\)$/m);
        assert.match(described, /^\s+\/usr\/share\/nginx\/html from workdir \(rw\)$/m);
      });
    });

    describe("PersistentVolumeClaim with the default StorageClass", () => {
      const claim = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: task-pv-claim
spec:
  accessModes:
  - ReadWriteOnce
  resources:
    requests:
      storage: 1Gi
`;
      const pod = (name, script) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  restartPolicy: Never
  volumes:
  - name: task-pv-storage
    persistentVolumeClaim:
      claimName: task-pv-claim
  containers:
  - name: shell
    image: busybox:1.36
    command: ["sh", "-c", ${JSON.stringify(script)}]
    volumeMounts:
    - mountPath: /data
      name: task-pv-storage
`;

      test("a claim without a class is bound by a volume the default class `standard` provisions", async () => {
        assert.equal(ok(await apply("claim.yaml", claim), "apply claim"), "persistentvolumeclaim/task-pv-claim created\n");
        const [row] = await converged(async () => {
          const rows = parseTable(ok(await run(["get", "pvc", "task-pv-claim"]), "get pvc"));
          assert.equal(rows[0]?.STATUS, "Bound", JSON.stringify(rows));
          return rows;
        });
        assert.match(row.VOLUME, /^pvc-[0-9a-f-]{36}$/);
        assert.deepEqual([row.CAPACITY, row["ACCESS MODES"], row.STORAGECLASS], ["1Gi", "RWO", "standard"]);
        const [volume] = parseTable(ok(await run(["get", "pv", row.VOLUME]), "get pv"));
        assert.deepEqual(
          [volume.CAPACITY, volume["RECLAIM POLICY"], volume.STATUS, volume.CLAIM, volume.STORAGECLASS],
          ["1Gi", "Delete", "Bound", "default/task-pv-claim", "standard"],
        );
        const described = ok(await run(["describe", "pvc", "task-pv-claim"]), "describe pvc");
        assert.match(described, /ProvisioningSucceeded\s+.*Successfully provisioned volume pvc-/);
      });

      test("a file written through the claim survives its pod: a new pod reads it back", async () => {
        ok(await apply("writer.yaml", pod("writer", "echo kept across pods > /data/note && cat /data/note")), "apply writer");
        await converged(async () => assert.equal(await jsonpath("pod", "writer", "{.status.phase}"), "Succeeded"));
        ok(await run(["delete", "pod", "writer"]), "delete writer");
        ok(await apply("reader.yaml", pod("reader-pv", "cat /data/note")), "apply reader");
        await converged(async () => assert.equal(await jsonpath("pod", "reader-pv", "{.status.phase}"), "Succeeded"));
        assert.equal(ok(await run(["logs", "reader-pv"]), "logs reader-pv"), "kept across pods\n");
      });

      test("deleting the claim deletes its volume (reclaim policy Delete)", async () => {
        const volume = await jsonpath("pvc", "task-pv-claim", "{.spec.volumeName}");
        ok(await run(["delete", "pod", "reader-pv"]), "delete reader");
        ok(await run(["delete", "pvc", "task-pv-claim"]), "delete pvc");
        await converged(async () => {
          const result = await run(["get", "pv", volume]);
          assert.notEqual(result.code, 0, result.stdout);
          assert.match(result.stderr, new RegExp(`persistentvolumes "${volume}" not found`));
        });
      });
    });

    describe("ResourceQuota", () => {
      test("kubectl create quota --hard=pods=2: a third pod is refused with exceeded quota, describe shows Used/Hard", async () => {
        const ns = "quota-pods";
        ok(await run(["create", "namespace", ns]), "create namespace");
        assert.equal(ok(await run(["create", "quota", "myq", "-n", ns, "--hard=pods=2"]), "create quota").trim(), "resourcequota/myq created");
        await converged(async () => assert.equal(await jsonpath("quota", "myq", "{.status.hard.pods}", ns), "2"));
        for (const name of ["one", "two"]) ok(await run(["run", name, "-n", ns, "--image=nginx"]), `run ${name}`);
        const stderr = refused(await run(["run", "three", "-n", ns, "--image=nginx"]), "a third pod");
        assert.equal(stderr.trim(), 'Error from server (Forbidden): pods "three" is forbidden: exceeded quota: myq, requested: pods=1, used: pods=2, limited: pods=2');
        await converged(async () => {
          const described = ok(await run(["describe", "quota", "myq", "-n", ns]), "describe quota");
          assert.match(described, /^Name:\s+myq$/m);
          assert.match(described, new RegExp(`^Namespace:\\s+${ns}$`, "m"));
          assert.deepEqual(quotaTable(described), { pods: ["2", "2"] });
        });
        const [row] = parseTable(ok(await run(["get", "quota", "myq", "-n", ns]), "get quota"));
        assert.equal(row.REQUEST, "pods: 2/2");
      });

      test("a quota on requests: a pod without requests must specify them, one over the hard limit is refused", async () => {
        const ns = "quota-compute";
        ok(await run(["create", "namespace", ns]), "create namespace");
        ok(await run(["create", "quota", "compute", "-n", ns, "--hard=requests.cpu=1,requests.memory=1Gi"]), "create quota");
        const bare = refused(await run(["run", "bare", "-n", ns, "--image=nginx"]), "a pod without requests");
        assert.equal(bare.trim(), 'Error from server (Forbidden): pods "bare" is forbidden: failed quota: compute: must specify requests.cpu for: bare; requests.memory for: bare');

        ok(await apply("small.yaml", podWithRequests("small", { cpu: "600m", memory: "128Mi" }), ns), "apply small");
        const big = refused(await apply("big.yaml", podWithRequests("big", { cpu: "600m", memory: "128Mi" }), ns), "a pod over requests.cpu");
        assert.match(
          big.trim(),
          /^Error from server \(Forbidden\): error when creating ".*big\.yaml": pods "big" is forbidden: exceeded quota: compute, requested: requests\.cpu=600m, used: requests\.cpu=600m, limited: requests\.cpu=1$/,
        );
        await converged(async () => {
          const described = ok(await run(["describe", "quota", "compute", "-n", ns]), "describe quota");
          assert.deepEqual(quotaTable(described), { "requests.cpu": ["600m", "1"], "requests.memory": ["128Mi", "1Gi"] });
        });
      });
    });

    describe("Configure Default Memory Requests and Limits for a Namespace", () => {
      const ns = "default-mem-example";

      test("a pod without resources gets the LimitRange's default request and limit", async () => {
        ok(await run(["create", "namespace", ns]), "create namespace");
        assert.equal(ok(await apply("memory-defaults.yaml", memoryDefaults, ns), "apply LimitRange"), "limitrange/mem-limit-range created\n");
        ok(await apply("memory-defaults-pod.yaml", memoryDefaultsPod, ns), "apply pod");
        const resources = JSON.parse(await jsonpath("pod", "default-mem-demo", "{.spec.containers[0].resources}", ns));
        assert.deepEqual(resources, { limits: { memory: "512Mi" }, requests: { memory: "256Mi" } });
        const annotation = await jsonpath("pod", "default-mem-demo", "{.metadata.annotations.kubernetes\\.io/limit-ranger}", ns);
        assert.equal(annotation, "LimitRanger plugin set: memory request for container default-mem-demo-ctr; memory limit for container default-mem-demo-ctr");
      });

      test("a limit without a request: the request is the limit; a request without a limit: the default limit", async () => {
        ok(await apply("memory-defaults-pod-2.yaml", memoryDefaultsPod2, ns), "apply pod 2");
        assert.deepEqual(JSON.parse(await jsonpath("pod", "default-mem-demo-2", "{.spec.containers[0].resources}", ns)), {
          limits: { memory: "1Gi" },
          requests: { memory: "1Gi" },
        });
        ok(await apply("memory-defaults-pod-3.yaml", memoryDefaultsPod3, ns), "apply pod 3");
        assert.deepEqual(JSON.parse(await jsonpath("pod", "default-mem-demo-3", "{.spec.containers[0].resources}", ns)), {
          limits: { memory: "512Mi" },
          requests: { memory: "128Mi" },
        });
      });

      test("kubectl describe limitrange shows the defaults", async () => {
        const described = ok(await run(["describe", "limitrange", "mem-limit-range", "-n", ns]), "describe limitrange");
        assert.match(described, /^Type\s+Resource\s+Min\s+Max\s+Default Request\s+Default Limit\s+Max Limit\/Request Ratio$/m);
        assert.match(described, /^Container\s+memory\s+-\s+-\s+256Mi\s+512Mi\s+-$/m);
      });
    });

    describe("Configure Minimum and Maximum Memory Constraints for a Namespace", () => {
      const ns = "constraints-mem-example";

      test("a pod within min and max is created; over max or under min is refused with the LimitRanger's message", async () => {
        ok(await run(["create", "namespace", ns]), "create namespace");
        ok(await apply("memory-constraints.yaml", memoryConstraints, ns), "apply LimitRange");
        ok(await apply("memory-constraints-pod.yaml", memoryConstraintsPod, ns), "apply a pod within bounds");
        const over = refused(await apply("memory-constraints-pod-2.yaml", memoryConstraintsPod2, ns), "a pod over max");
        assert.match(
          over.trim(),
          /^Error from server \(Forbidden\): error when creating ".*memory-constraints-pod-2\.yaml": pods "constraints-mem-demo-2" is forbidden: maximum memory usage per Container is 1Gi, but limit is 1536Mi$/,
        );
        const under = refused(await apply("memory-constraints-pod-3.yaml", memoryConstraintsPod3, ns), "a pod under min");
        assert.match(
          under.trim(),
          /^Error from server \(Forbidden\): error when creating ".*memory-constraints-pod-3\.yaml": pods "constraints-mem-demo-3" is forbidden: minimum memory usage per Container is 500Mi, but request is 100Mi$/,
        );
      });
    });
  });
}
