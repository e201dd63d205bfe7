// The kubernetes.io "StatefulSet Basics" tutorial with the real kubectl: web.yaml (the headless Service nginx and the
// StatefulSet web with volumeClaimTemplates www), ordered creation (web-0 Running and Ready before web-1 exists),
// stable names and DNS (`nslookup web-0.nginx` from a busybox pod: there is no `kubectl exec`), stable storage, scaling
// up and down with the claims kept, rolling updates (a staged one with `partition`), rollout history and undo, and
// deleting with --cascade=orphan and adopting again. One cluster, on the fast pace.
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

const converged = (check, timeoutMs = 60_000) => eventually(check, timeoutMs, 500);

const webYaml = `apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  ports:
  - port: 80
    name: web
  clusterIP: None
  selector:
    app: nginx
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: "nginx"
  replicas: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.21
        ports:
        - containerPort: 80
          name: web
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ "ReadWriteOnce" ]
      resources:
        requests:
          storage: 1Gi
`;

export function defineStatefulSetSuite(version) {
  describeWithKubectl(version, `the StatefulSet Basics tutorial with kubectl ${version}`, () => {
    let server;
    let cluster;
    let manifest;
    const run = (args, options = {}) => kubectl(version, args, { kubeconfig: cluster.kubeconfigPath, timeoutMs: 90_000, ...options });
    const get = async (args, what = args.join(" ")) => ok(await run(["get", ...args]), what);
    const pods = async () => parseTable(await get(["pods", "-l", "app=nginx"]));
    const jsonpath = (kind, name, path) => get([kind, name, "-o", `jsonpath=${path}`]);
    const images = async () => (await get(["pods", "-l", "app=nginx", "-o", "jsonpath={range .items[*]}{.metadata.name}={.spec.containers[0].image} {end}"])).trim().split(" ").sort();
    const readyPods = async (names) =>
      converged(async () => {
        const rows = await pods();
        assert.deepEqual(rows.map((r) => r.NAME).sort(), [...names].sort(), JSON.stringify(rows));
        assert.ok(rows.every((r) => r.STATUS === "Running" && r.READY === "1/1"), JSON.stringify(rows));
      });
    const rolledOut = async () => ok(await run(["rollout", "status", "statefulset/web", "--timeout=120s"]), "rollout status");
    /** `nslookup <name>` from a throwaway busybox pod; its log. */
    const nslookup = async (pod, name) => {
      ok(await run(["run", pod, "--image=busybox:1.28", "--restart=Never", "--", "nslookup", name]), `run ${pod}`);
      await converged(async () => assert.equal(await jsonpath("pod", pod, "{.status.phase}"), "Succeeded"));
      return ok(await run(["logs", pod]), `logs ${pod}`);
    };

    before(async () => {
      server = await acquireServer();
      cluster = await createCluster(server.origin, { name: `sts-${version.replace(".", "-")}`, pace: "fast" });
      manifest = writeTempFile(`${cluster.id}.web.yaml`, webYaml);
    });
    after(async () => {
      if (cluster) await deleteCluster(server.origin, cluster);
      await server?.release?.();
    });

    test("creating web: web-0 is Running and Ready before web-1 is created", async () => {
      const applied = ok(await run(["apply", "-f", manifest]), "apply web.yaml");
      assert.match(applied, /service\/nginx created/);
      assert.match(applied, /statefulset\.apps\/web created/);
      await readyPods(["web-0", "web-1"]);
      const web0Ready = Date.parse(await jsonpath("pod", "web-0", '{.status.conditions[?(@.type=="Ready")].lastTransitionTime}'));
      const web1Created = Date.parse(await jsonpath("pod", "web-1", "{.metadata.creationTimestamp}"));
      assert.ok(web1Created >= web0Ready, `web-1 created ${web1Created}, web-0 Ready ${web0Ready}`);
      const events = ok(await run(["get", "events", "--field-selector", "involvedObject.name=web", "--sort-by=.lastTimestamp", "-o", "jsonpath={range .items[*]}{.message}{\"\\n\"}{end}"]), "events");
      const creates = events.split("\n").filter((m) => m.startsWith("create Pod"));
      assert.deepEqual(creates, ["create Pod web-0 in StatefulSet web successful", "create Pod web-1 in StatefulSet web successful"]);
      const svc = parseTable(await get(["service", "nginx"]));
      assert.equal(svc[0]["CLUSTER-IP"], "None");
      const sts = parseTable(await get(["statefulset", "web"]));
      assert.equal(sts[0].READY, "2/2");
    });

    test("pods have stable names, hostnames and DNS names through the headless Service", async () => {
      for (const i of [0, 1]) assert.equal(await jsonpath("pod", `web-${i}`, "{.spec.hostname}.{.spec.subdomain}"), `web-${i}.nginx`);
      const ip = await jsonpath("pod", "web-0", "{.status.podIP}");
      const answer = await nslookup("dns-test", "web-0.nginx");
      assert.match(answer, /web-0\.nginx\.default\.svc\.cluster\.local/);
      assert.ok(answer.includes(ip), answer);

      ok(await run(["delete", "pod", "-l", "app=nginx"]), "delete pods");
      await readyPods(["web-0", "web-1"]);
      const again = await nslookup("dns-test-2", "web-0.nginx");
      assert.ok(again.includes(await jsonpath("pod", "web-0", "{.status.podIP}")), again);
    });

    test("each pod has its own claim, bound by the default StorageClass", async () => {
      await converged(async () => {
        const claims = parseTable(await get(["pvc", "-l", "app=nginx"]));
        assert.deepEqual(claims.map((c) => [c.NAME, c.STATUS]), [["www-web-0", "Bound"], ["www-web-1", "Bound"]]);
      });
      assert.equal(await jsonpath("pod", "web-0", "{.spec.volumes[0].persistentVolumeClaim.claimName}"), "www-web-0");
    });

    test("scaling up creates web-2..web-4 in order; scaling down deletes from the top and keeps the claims", async () => {
      ok(await run(["scale", "sts", "web", "--replicas=5"]), "scale");
      await readyPods(["web-0", "web-1", "web-2", "web-3", "web-4"]);
      const created = await Promise.all([2, 3, 4].map(async (i) => Date.parse(await jsonpath("pod", `web-${i}`, "{.metadata.creationTimestamp}"))));
      assert.deepEqual([...created].sort((a, b) => a - b), created);

      ok(await run(["patch", "sts", "web", "-p", '{"spec":{"replicas":3}}']), "patch replicas");
      await readyPods(["web-0", "web-1", "web-2"]);
      const events = ok(await run(["get", "events", "--field-selector", "involvedObject.name=web", "-o", "jsonpath={range .items[*]}{.message}{\"\\n\"}{end}"]), "events");
      assert.deepEqual(events.split("\n").filter((m) => m.startsWith("delete Pod")), ["delete Pod web-4 in StatefulSet web successful", "delete Pod web-3 in StatefulSet web successful"]);
      const claims = parseTable(await get(["pvc", "-l", "app=nginx"])).map((c) => c.NAME);
      assert.deepEqual(claims, ["www-web-0", "www-web-1", "www-web-2", "www-web-3", "www-web-4"]);
    });

    test("a rolling update replaces the pods from the highest ordinal down", async () => {
      ok(await run(["patch", "statefulset", "web", "--type=json", "-p", '[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value":"registry.k8s.io/nginx-slim:0.24"}]']), "patch image");
      assert.match(await rolledOut(), /partitioned roll out complete: 3 new pods have been updated/);
      assert.deepEqual(await images(), ["web-0=registry.k8s.io/nginx-slim:0.24", "web-1=registry.k8s.io/nginx-slim:0.24", "web-2=registry.k8s.io/nginx-slim:0.24"]);
    });

    test("a staged update: partition 3 holds every pod, a canary at partition 2, then phased to 0", async () => {
      ok(await run(["patch", "statefulset", "web", "-p", '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":3}}}}']), "partition 3");
      ok(await run(["patch", "statefulset", "web", "--type=json", "-p", '[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value":"registry.k8s.io/nginx-slim:0.21"}]']), "patch image");
      ok(await run(["delete", "pod", "web-2"]), "delete web-2");
      await readyPods(["web-0", "web-1", "web-2"]);
      assert.equal(await jsonpath("pod", "web-2", "{.spec.containers[0].image}"), "registry.k8s.io/nginx-slim:0.24");

      ok(await run(["patch", "statefulset", "web", "-p", '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":2}}}}']), "partition 2");
      await converged(async () => assert.equal(await jsonpath("pod", "web-2", "{.spec.containers[0].image}"), "registry.k8s.io/nginx-slim:0.21"));
      await readyPods(["web-0", "web-1", "web-2"]);
      assert.equal(await jsonpath("pod", "web-1", "{.spec.containers[0].image}"), "registry.k8s.io/nginx-slim:0.24");

      ok(await run(["patch", "statefulset", "web", "-p", '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":0}}}}']), "partition 0");
      assert.match(await rolledOut(), /partitioned roll out complete: 3 new pods have been updated/);
      assert.deepEqual(await images(), ["web-0=registry.k8s.io/nginx-slim:0.21", "web-1=registry.k8s.io/nginx-slim:0.21", "web-2=registry.k8s.io/nginx-slim:0.21"]);
    });

    test("rollout history lists the revisions; rollout undo goes back to the previous template", async () => {
      const history = ok(await run(["rollout", "history", "statefulset/web"]), "rollout history");
      const revisions = parseTable(history.split("\n").slice(1).join("\n")).map((r) => r.REVISION);
      assert.deepEqual(revisions, ["2", "3"], history);
      const second = ok(await run(["rollout", "history", "statefulset/web", "--revision=2"]), "history --revision=2");
      assert.match(second, /nginx-slim:0\.24/);
      assert.match(ok(await run(["rollout", "undo", "statefulset/web"]), "rollout undo"), /statefulset\.apps\/web rolled back/);
      await rolledOut();
      await converged(async () => assert.deepEqual(await images(), ["web-0=registry.k8s.io/nginx-slim:0.24", "web-1=registry.k8s.io/nginx-slim:0.24", "web-2=registry.k8s.io/nginx-slim:0.24"]));
      const after = ok(await run(["rollout", "history", "statefulset/web"]), "rollout history");
      assert.deepEqual(parseTable(after.split("\n").slice(1).join("\n")).map((r) => r.REVISION), ["3", "4"], after);
    });

    test("deleted with --cascade=orphan, the pods stay; applied again, the set adopts them and scales back to 2", async () => {
      ok(await run(["delete", "statefulset", "web", "--cascade=orphan"]), "delete orphan");
      assert.deepEqual((await pods()).map((r) => r.NAME), ["web-0", "web-1", "web-2"]);
      ok(await run(["delete", "pod", "web-0"]), "delete web-0");
      ok(await run(["apply", "-f", manifest]), "apply again");
      await readyPods(["web-0", "web-1"]);

      ok(await run(["delete", "statefulset", "web"]), "delete statefulset");
      await converged(async () => assert.deepEqual(await pods(), []));
      ok(await run(["delete", "service", "nginx"]), "delete service");
    });
  });
}
