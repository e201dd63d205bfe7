// The cluster network with the real kubectl (and helm): the kubernetes.io "Connecting Applications with Services"
// tutorial, a helm-created chart's install and test, NetworkPolicy's default deny and allow rule, an Ingress routing
// two hosts, and an image the simulator does not know passing its probes. One cluster per kubectl version, on the
// fast pace. Clients are pods whose output `kubectl logs` shows (the sandbox has no `kubectl exec` or attach).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { acquireServer, createCluster, deleteCluster, writeTempFile } from "./harness.mjs";
import { helm, helmBinary, installedHelm } from "./helm.mjs";
import { kubectl } from "./kubectl.mjs";
import { eventually } from "./retry.mjs";
import { parseTable } from "./table.mjs";
import { describeWithKubectl } from "./versioned-suite.mjs";

function ok(result, what) {
  assert.equal(result.code, 0, `${what} exited ${result.code}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
  return result.stdout;
}

/** The control loop needs longer than one API call: wait up to 30 s by default. */
const converged = (check, timeoutMs = 30_000) => eventually(check, timeoutMs, 250);

const busybox = "busybox:1.36";

// kubernetes.io/docs/tutorials/services/connect-applications-service: run-my-nginx.yaml.
const runMyNginx = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: my-nginx
spec:
  selector:
    matchLabels:
      run: my-nginx
  replicas: 2
  template:
    metadata:
      labels:
        run: my-nginx
    spec:
      containers:
      - name: my-nginx
        image: nginx
        ports:
        - containerPort: 80
`;

const defaultDenyIngress = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-ingress
spec:
  podSelector: {}
  policyTypes:
  - Ingress
`;

// kubernetes.io/docs/tasks/administer-cluster/declare-network-policy: access-nginx.
const accessNginx = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: access-nginx
spec:
  podSelector:
    matchLabels:
      app: nginx
  ingress:
  - from:
    - podSelector:
        matchLabels:
          access: "true"
`;

function echoApp(name) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 1
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: echo
        image: hashicorp/http-echo:1.0
        args: ["-text=${name}"]
        ports:
        - containerPort: 5678
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}-svc
spec:
  selector:
    app: ${name}
  ports:
  - port: 80
    targetPort: 5678
`;
}

const twoHosts = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: two-hosts
spec:
  rules:
  - host: foo.local
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: foo-svc
            port:
              number: 80
  - host: bar.local
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: bar-svc
            port:
              number: 80
`;

// An image no catalog knows: it must listen on its declared containerPort like a generic server.
const unknownImagePod = `apiVersion: v1
kind: Pod
metadata:
  name: unknown-app
spec:
  containers:
  - name: app
    image: ghcr.io/example/app:1.0
    ports:
    - containerPort: 8080
    startupProbe:
      tcpSocket:
        port: 8080
      periodSeconds: 1
    readinessProbe:
      httpGet:
        path: /ready
        port: 8080
      periodSeconds: 1
    livenessProbe:
      httpGet:
        path: /healthz
        port: 8080
      periodSeconds: 1
      failureThreshold: 1
`;

/**
 * Defines the network suite for one kubectl minor version. `withHelm`: also install and test a `helm create` chart
 * (helm's behaviour does not depend on the kubectl version, so one version runs it).
 */
export function defineNetworkSuite(version, { withHelm = false } = {}) {
  describeWithKubectl(version, `the cluster network with kubectl ${version}`, () => {
    let server;
    let cluster;
    const run = (args, options = {}) => kubectl(version, args, { kubeconfig: cluster.kubeconfigPath, timeoutMs: 60_000, ...options });
    const file = (name, text) => writeTempFile(`${cluster.id}.${name}`, text);
    const apply = async (name, text, namespace = "default") => ok(await run(["apply", "-n", namespace, "-f", file(name, text)]), `apply ${name}`);

    /** Waits until the pod has finished and returns {phase, logs}. */
    async function finished(name, namespace = "default", timeoutMs = 30_000) {
      const phase = await converged(async () => {
        const value = ok(await run(["get", "pod", name, "-n", namespace, "-o", "jsonpath={.status.phase}"]), `phase of ${name}`);
        assert.match(value, /^(Succeeded|Failed)$/, `${namespace}/${name} is ${value}`);
        return value;
      }, timeoutMs);
      return { phase, logs: ok(await run(["logs", name, "-n", namespace]), `logs ${name}`) };
    }

    /** `kubectl run <name> --restart=Never --image=busybox -- <command>` and waits for it to finish. */
    async function client(name, command, { namespace = "default", labels } = {}) {
      const args = ["run", name, "-n", namespace, "--restart=Never", `--image=${busybox}`, ...(labels ? [`--labels=${labels}`] : []), "--", ...command];
      assert.equal(ok(await run(args), `run ${name}`).trim(), `pod/${name} created`);
      return finished(name, namespace);
    }

    const podIP = async (name, namespace = "default") => ok(await run(["get", "pod", name, "-n", namespace, "-o", "jsonpath={.status.podIP}"]), `podIP ${name}`);

    async function rolledOut(deployment, namespace = "default") {
      assert.match(ok(await run(["rollout", "status", `deployment/${deployment}`, "-n", namespace, "--timeout=60s"]), "rollout status"), /successfully rolled out/);
    }

    before(async () => {
      server = await acquireServer();
      cluster = await createCluster(server.origin, { name: `net-${version.replace(".", "-")}`, pace: "fast" });
    });
    after(async () => {
      if (cluster) await deleteCluster(server.origin, cluster);
      await server?.release?.();
    });

    describe("Connecting Applications with Services", () => {
      let clusterIP;
      let replicas;

      test("run-my-nginx.yaml: two nginx replicas, each with its own pod IP", async () => {
        assert.equal(await apply("run-my-nginx.yaml", runMyNginx), "deployment.apps/my-nginx created\n");
        await rolledOut("my-nginx");
        const rows = parseTable(ok(await run(["get", "pods", "-l", "run=my-nginx", "-o", "wide"]), "get pods -o wide"));
        assert.equal(rows.length, 2, JSON.stringify(rows));
        for (const row of rows) {
          assert.equal(row.READY, "1/1");
          assert.equal(row.STATUS, "Running");
          assert.match(row.IP, /^10\.244\.\d+\.\d+$/);
        }
        assert.notEqual(rows[0].IP, rows[1].IP);
        replicas = rows.map((r) => ({ name: r.NAME, ip: r.IP }));
      });

      test("kubectl expose deployment/my-nginx: a ClusterIP Service whose endpoints are both replicas", async () => {
        assert.equal(ok(await run(["expose", "deployment/my-nginx"]), "expose").trim(), "service/my-nginx exposed");
        const [svc] = parseTable(ok(await run(["get", "svc", "my-nginx"]), "get svc"));
        assert.equal(svc.TYPE, "ClusterIP");
        assert.equal(svc["EXTERNAL-IP"], "<none>");
        assert.equal(svc["PORT(S)"], "80/TCP");
        assert.match(svc["CLUSTER-IP"], /^10\.96\.\d+\.\d+$/);
        clusterIP = svc["CLUSTER-IP"];
        await converged(async () => {
          const described = ok(await run(["describe", "svc", "my-nginx"]), "describe svc");
          assert.match(described, /^Selector:\s+run=my-nginx$/m);
          assert.match(described, new RegExp(`^IP:\\s+${clusterIP.replaceAll(".", "\\.")}$`, "m"));
          assert.match(described, /^TargetPort:\s+80\/TCP$/m);
          const endpoints = described.match(/^Endpoints:\s+(\S+)$/m)?.[1].split(",").sort();
          assert.deepEqual(endpoints, replicas.map((r) => `${r.ip}:80`).sort(), described);
        });
        const [slice] = parseTable(ok(await run(["get", "endpointslices", "-l", "kubernetes.io/service-name=my-nginx"]), "get endpointslices"));
        assert.deepEqual([slice.ADDRESSTYPE, slice.PORTS], ["IPv4", "80"]);
        assert.deepEqual(slice.ENDPOINTS.split(",").sort(), replicas.map((r) => r.ip).sort());
      });

      test("the apiserver's services/proxy reaches nginx (the path kubectl proxy forwards to)", async () => {
        const page = ok(await run(["get", "--raw", "/api/v1/namespaces/default/services/my-nginx:80/proxy/"]), "services/proxy");
        assert.match(page, /<title>Welcome to nginx!<\/title>/);
        const missing = await run(["get", "--raw", "/api/v1/namespaces/default/services/my-nginx:80/proxy/nope.html"]);
        assert.notEqual(missing.code, 0);
        assert.match(missing.stderr, /NotFound|404/);
      });

      test("a pod started after the Service finds it in its environment", async () => {
        const { phase, logs } = await client("env-check", ["env"]);
        assert.equal(phase, "Succeeded", logs);
        for (const line of [
          "KUBERNETES_SERVICE_HOST=10.96.0.1",
          "KUBERNETES_SERVICE_PORT=443",
          "KUBERNETES_SERVICE_PORT_HTTPS=443",
          `MY_NGINX_SERVICE_HOST=${clusterIP}`,
          "MY_NGINX_SERVICE_PORT=80",
          `MY_NGINX_PORT=tcp://${clusterIP}:80`,
          `MY_NGINX_PORT_80_TCP=tcp://${clusterIP}:80`,
          `MY_NGINX_PORT_80_TCP_ADDR=${clusterIP}`,
          "MY_NGINX_PORT_80_TCP_PORT=80",
          "MY_NGINX_PORT_80_TCP_PROTO=tcp",
        ]) {
          assert.ok(logs.split("\n").includes(line), `${line} in:\n${logs}`);
        }
      });

      test("nslookup my-nginx: kube-dns answers the Service's ClusterIP", async () => {
        const [dns] = parseTable(ok(await run(["get", "svc", "kube-dns", "-n", "kube-system"]), "get svc kube-dns"));
        const { phase, logs } = await client("dns-check", ["nslookup", "my-nginx"]);
        assert.equal(phase, "Succeeded", logs);
        assert.match(logs, new RegExp(`^Server:\\s+${dns["CLUSTER-IP"].replaceAll(".", "\\.")}$`, "m"));
        assert.match(logs, /^Name:\s+my-nginx\.default\.svc\.cluster\.local$/m);
        assert.match(logs, new RegExp(`^Address:\\s+${clusterIP.replaceAll(".", "\\.")}$`, "m"));
      });

      // kubectl run -i cannot attach here (the sandbox has no attach): kubectl prints the logs of a pod that has
      // already completed, which a quick wget has.
      test("kubectl run --rm -i: wget through the Service prints nginx's welcome page", async () => {
        const result = await run(["run", "wget-once", "--rm", "-i", "--restart=Never", `--image=${busybox}`, "--", "wget", "-qO-", "http://my-nginx"]);
        const stdout = ok(result, "kubectl run --rm -i wget");
        assert.match(stdout, /<title>Welcome to nginx!<\/title>/);
        assert.match(stdout, /^pod "wget-once" deleted/m);
        assert.match(await run(["get", "pod", "wget-once"]).then((r) => r.stderr), /pods "wget-once" not found/);
      });

      test("repeated requests reach both replicas, as both replicas' logs show", async () => {
        const loop = "for i in $(seq 1 20); do wget -qO- http://my-nginx >/dev/null || echo failed; done; echo finished";
        const { phase, logs } = await client("looper", ["sh", "-c", loop]);
        assert.equal(phase, "Succeeded", logs);
        assert.equal(logs, "finished\n");
        const from = await podIP("looper");
        let total = 0;
        for (const replica of replicas) {
          const access = ok(await run(["logs", replica.name]), `logs ${replica.name}`);
          // Earlier tests' clients have their lines too: the looper's are those from its pod IP.
          const lines = access.split("\n").filter((line) => line.startsWith(`${from} - - [`));
          assert.ok(lines.length > 0, `${replica.name} logged no request from ${from}:\n${access}`);
          assert.ok(lines.every((line) => line.includes('"GET / HTTP/1.1" 200 615 "-" "Wget"')), lines.join("\n"));
          total += lines.length;
        }
        assert.equal(total, 20);
      });
    });

    if (withHelm) {
      describe("helm create, install, test, upgrade, uninstall", { skip: helmBinary() ? false : `helm v4 is not installed (node scripts/install-helm.mjs puts it in ${installedHelm})` }, () => {
        const helmRun = (args) => helm(args, { kubeconfig: cluster.kubeconfigPath });

        test("helm install --wait deploys the generated chart", async () => {
          assert.match(ok(await helmRun(["create", "demo"]), "helm create"), /^Creating demo$/m);
          const installed = ok(await helmRun(["install", "demo", "./demo", "--wait", "--timeout", "90s"]), "helm install");
          assert.match(installed, /^STATUS: deployed$/m);
          assert.match(installed, /^REVISION: 1$/m);
          const rows = parseTable(ok(await run(["get", "pods", "-l", "app.kubernetes.io/instance=demo"]), "get pods"));
          assert.equal(rows.length, 1, JSON.stringify(rows));
          assert.equal(rows[0].READY, "1/1");
          assert.equal(rows[0].STATUS, "Running");
          const releases = parseTable(ok(await run(["get", "secrets", "-l", "owner=helm,name=demo"]), "get release secrets"));
          assert.deepEqual(releases.map((r) => [r.NAME, r.TYPE]), [["sh.helm.release.v1.demo.v1", "helm.sh/release.v1"]]);
        });

        test("helm test runs the chart's test pod, which reaches the Service", async () => {
          const tested = await helmRun(["test", "demo", "--logs", "--timeout", "60s"]);
          const stdout = ok(tested, "helm test");
          assert.match(stdout, /^TEST SUITE:\s+demo-test-connection$/m);
          assert.match(stdout, /^Phase:\s+Succeeded$/m);
          assert.match(stdout, /^Connecting to demo:80 \(10\.96\.\d+\.\d+:80\)$/m);
          assert.match(stdout, /'index\.html' saved/);
        });

        test("helm upgrade --wait scales to two replicas, conflicts with kubectl scale; helm uninstall --wait removes the release", async () => {
          const upgraded = ok(await helmRun(["upgrade", "demo", "./demo", "--set", "replicaCount=2", "--wait", "--timeout", "90s"]), "helm upgrade");
          assert.match(upgraded, /^Release "demo" has been upgraded\. Happy Helming!$/m);
          assert.match(upgraded, /^REVISION: 2$/m);
          const ready = ok(await run(["get", "deployment", "demo", "-o", "jsonpath={.status.readyReplicas}"]), "ready replicas");
          assert.equal(ready, "2");
          const history = JSON.parse(ok(await helmRun(["history", "demo", "-o", "json"]), "helm history"));
          assert.deepEqual(history.map((r) => [r.revision, r.status]), [[1, "superseded"], [2, "deployed"]]);

          // helm v4 applies server-side: replicas that `kubectl scale` took over are a conflict unless forced. The
          // manager is kubectl's program name (gcloud's versioned binaries are "kubectl.1.33").
          ok(await run(["scale", "deployment/demo", "--replicas=3"]), "kubectl scale");
          const conflict = await helmRun(["upgrade", "demo", "./demo", "--set", "replicaCount=2"]);
          assert.notEqual(conflict.code, 0, conflict.stdout);
          assert.match(conflict.stderr, /^Error: UPGRADE FAILED: conflict occurred while applying object default\/demo apps\/v1, Kind=Deployment: Apply failed with 1 conflict: conflict with "kubectl[.\d]*" with subresource "scale" using apps\/v1: \.spec\.replicas$/m);
          ok(await helmRun(["upgrade", "demo", "./demo", "--set", "replicaCount=2", "--force-conflicts"]), "helm upgrade --force-conflicts");
          assert.equal(ok(await run(["get", "deployment", "demo", "-o", "jsonpath={.spec.replicas}"]), "replicas"), "2");

          assert.equal(ok(await helmRun(["uninstall", "demo", "--wait", "--timeout", "90s"]), "helm uninstall").trim(), 'release "demo" uninstalled');
          assert.match((await run(["get", "deployment", "demo"])).stderr, /deployments\.apps "demo" not found/);
          assert.match((await run(["get", "svc", "demo"])).stderr, /services "demo" not found/);
          const left = await run(["get", "secrets", "-l", "owner=helm,name=demo"]);
          assert.equal(ok(left, "get release secrets"), "");
          assert.equal(ok(await helmRun(["list", "-q"]), "helm list"), "");
        });
      });
    }

    describe("NetworkPolicy: default deny, then an allow rule", () => {
      const ns = "policy-demo";
      const welcome = /<title>Welcome to nginx!<\/title>/;
      const wget = ["wget", "-qO-", "-T", "2", "http://nginx"];

      test("without a policy a client reaches nginx", async () => {
        ok(await run(["create", "namespace", ns]), "create ns");
        ok(await run(["create", "deployment", "nginx", "-n", ns, "--image=nginx"]), "create deployment");
        assert.equal(ok(await run(["expose", "deployment", "nginx", "-n", ns, "--port=80"]), "expose").trim(), "service/nginx exposed");
        await rolledOut("nginx", ns);
        const { phase, logs } = await client("open", wget, { namespace: ns });
        assert.equal(phase, "Succeeded", logs);
        assert.match(logs, welcome);
      });

      test("a default-deny ingress policy makes the request time out", async () => {
        assert.equal(await apply("default-deny.yaml", defaultDenyIngress, ns), "networkpolicy.networking.k8s.io/default-deny-ingress created\n");
        const [row] = parseTable(ok(await run(["get", "networkpolicy", "-n", ns]), "get netpol"));
        assert.deepEqual([row.NAME, row["POD-SELECTOR"]], ["default-deny-ingress", "<none>"]);
        const { phase, logs } = await client("denied", wget, { namespace: ns, labels: "access=true" });
        assert.equal(phase, "Failed", logs);
        assert.match(logs, /^wget: download timed out$/m);
        assert.doesNotMatch(logs, welcome);
      });

      test("an allow rule lets labelled clients through and keeps others out", async () => {
        assert.equal(await apply("access-nginx.yaml", accessNginx, ns), "networkpolicy.networking.k8s.io/access-nginx created\n");
        const allowed = await client("allowed", wget, { namespace: ns, labels: "access=true" });
        assert.equal(allowed.phase, "Succeeded", allowed.logs);
        assert.match(allowed.logs, welcome);
        const other = await client("unlabelled", wget, { namespace: ns });
        assert.equal(other.phase, "Failed", other.logs);
        assert.match(other.logs, /^wget: download timed out$/m);
      });
    });

    describe("Ingress: two hosts, two Services", () => {
      const ns = "ingress-demo";
      const controller = "http://ingress-nginx-controller.ingress-nginx";

      test("the built-in ingress controller runs and its IngressClass is the default", async () => {
        const classes = parseTable(ok(await run(["get", "ingressclass"]), "get ingressclass"));
        assert.deepEqual(classes.map((r) => [r.NAME, r.CONTROLLER]), [["nginx", "k8s.io/ingress-nginx"]]);
        const annotation = ok(await run(["get", "ingressclass", "nginx", "-o", "jsonpath={.metadata.annotations.ingressclass\\.kubernetes\\.io/is-default-class}"]), "default class");
        assert.equal(annotation, "true");
        await converged(async () => {
          const pods = parseTable(ok(await run(["get", "pods", "-n", "ingress-nginx"]), "get pods -n ingress-nginx"));
          assert.ok(pods.some((p) => p.NAME.startsWith("ingress-nginx-controller-") && p.STATUS === "Running" && p.READY === "1/1"), JSON.stringify(pods));
        });
      });

      test("an Ingress routes foo.local and bar.local to their Services, and answers 404 for other hosts", async () => {
        ok(await run(["create", "namespace", ns]), "create ns");
        await apply("foo.yaml", echoApp("foo"), ns);
        await apply("bar.yaml", echoApp("bar"), ns);
        await rolledOut("foo", ns);
        await rolledOut("bar", ns);
        assert.equal(await apply("two-hosts.yaml", twoHosts, ns), "ingress.networking.k8s.io/two-hosts created\n");
        await converged(async () => {
          const [row] = parseTable(ok(await run(["get", "ingress", "two-hosts", "-n", ns]), "get ingress"));
          assert.equal(row.CLASS, "nginx");
          assert.equal(row.HOSTS, "foo.local,bar.local");
          assert.equal(row.PORTS, "80");
          assert.match(row.ADDRESS, /^\d+\.\d+\.\d+\.\d+$/);
        });
        const described = ok(await run(["describe", "ingress", "two-hosts", "-n", ns]), "describe ingress");
        assert.match(described, /^\s+foo\.local\s*\n\s+\/\s+foo-svc:80 \(10\.244\.\d+\.\d+:5678\)$/m);
        assert.match(described, /^\s+bar\.local\s*\n\s+\/\s+bar-svc:80 \(10\.244\.\d+\.\d+:5678\)$/m);

        const script = ["foo.local", "bar.local", "nobody.local"]
          .map((host) => `echo "${host}: $(wget -qO- -T 2 --header 'Host: ${host}' ${controller} 2>&1)"`)
          .join("; ");
        const { logs } = await client("ingress-client", ["sh", "-c", script], { namespace: ns });
        assert.match(logs, /^foo\.local: foo$/m);
        assert.match(logs, /^bar\.local: bar$/m);
        assert.match(logs, /^nobody\.local: wget: server returned error: HTTP\/1\.1 404 Not Found$/m);
      });
    });

    test("a pod of an unknown image passes its HTTP and TCP probes and stays at 0 restarts", async () => {
      assert.equal(await apply("unknown-app.yaml", unknownImagePod), "pod/unknown-app created\n");
      await converged(async () => {
        const [row] = parseTable(ok(await run(["get", "pod", "unknown-app"]), "get pod"));
        assert.deepEqual([row.READY, row.STATUS, row.RESTARTS], ["1/1", "Running", "0"]);
      });
      // That it stays so over time, with no restart, is a node-cluster test on a fake clock (unknown-image-probes.test.ts).
      const unhealthy = ok(await run(["get", "events", "--field-selector", "involvedObject.name=unknown-app,reason=Unhealthy", "-o", "name"]), "events");
      assert.equal(unhealthy, "");
    });
  });
}
