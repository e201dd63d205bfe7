// The end-to-end suite: one `describe` per kubectl version, each against a cluster of its own on the shared
// sandbox server, asserting kubectl's real output. The *.test.mjs files only pick the version.
import assert from "node:assert/strict";
import { chmodSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { acquireServer, createCluster, deleteCluster, derivedKubeconfig, writeTempFile } from "./harness.mjs";
import { fallbackVersion, kubectl, kubectlBackground, kubectlBinary, onFallbackMachine } from "./kubectl.mjs";
import { eventually } from "./retry.mjs";
import { parseTable, stripAnsi } from "./table.mjs";

/** Asserts a kubectl run exited 0 and returns its stdout. */
function succeeded(result, what) {
  assert.equal(result.code, 0, `${what} exited ${result.code}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
  return result.stdout;
}

/** Asserts a kubectl run failed and returns its stderr. */
function failed(result, what) {
  assert.notEqual(result.code, 0, `${what} should have failed\nstdout:\n${result.stdout}`);
  return result.stderr;
}

function podManifest(name, labels) {
  const labelLines = Object.entries(labels).map(([k, v]) => `    ${k}: ${v}`).join("\n");
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels:
${labelLines}
spec:
  containers:
    - name: app
      image: nginx:1.27
`;
}

/** Defines the suite for one kubectl minor version ("1.27"). */
export function defineKubectlSuite(version) {
  const title = `kubectl ${version}`;
  if (!kubectlBinary(version)) {
    if (onFallbackMachine() && version !== fallbackVersion) {
      const reason = `kubectl ${version} is not installed; this machine only has kubectl ${fallbackVersion} from scripts/install-kubectl.mjs`;
      console.warn(`WARNING: ${reason}. Running the end-to-end suite with kubectl ${fallbackVersion} only.`);
      describe(title, { skip: reason }, () => {});
      return;
    }
    describe(title, () => {
      test(`kubectl ${version} is installed`, () => {
        assert.fail(
          `kubectl ${version} was not found: expected kubectl.${version} next to the kubectl on PATH (gcloud's versioned binaries), ` +
            `or a kubectl ${version} on PATH. Install it and re-run.`,
        );
      });
    });
    return;
  }

  describe(title, () => {
    let server;
    let cluster;
    const run = (args, options = {}) => kubectl(version, args, { kubeconfig: cluster.kubeconfigPath, ...options });
    const file = (name, text) => writeTempFile(`${cluster.id}.${name}`, text);

    before(async () => {
      server = await acquireServer();
      cluster = await createCluster(server.origin, { name: `e2e-${version.replace(".", "-")}` });
    });

    after(async () => {
      if (cluster) await deleteCluster(server.origin, cluster);
      await server?.release();
    });

    test("version reports the sandbox's v1.33 server", async () => {
      const text = succeeded(await run(["version"]), "kubectl version");
      assert.match(text, /Server Version: (version\.Info\{.*GitVersion:")?v1\.33\.\d+/);
      const json = JSON.parse(succeeded(await run(["version", "-o", "json"]), "kubectl version -o json"));
      assert.match(json.serverVersion.gitVersion, /^v1\.33\.\d+/);
      assert.equal(json.clientVersion.minor.replace(/\D+$/, ""), version.split(".")[1]);
    });

    test("api-resources lists the core resources with their short names", async () => {
      const rows = parseTable(succeeded(await run(["api-resources"]), "kubectl api-resources"));
      const byName = (name) => rows.find((r) => r.NAME === name && r.APIVERSION === "v1");
      assert.equal(byName("pods")?.SHORTNAMES, "po");
      assert.equal(byName("pods")?.NAMESPACED, "true");
      assert.equal(byName("services")?.SHORTNAMES, "svc");
      assert.equal(byName("namespaces")?.SHORTNAMES, "ns");
      assert.equal(byName("namespaces")?.NAMESPACED, "false");
    });

    test("get nodes shows three Ready nodes, one of them the control plane", async () => {
      const rows = parseTable(succeeded(await run(["get", "nodes"]), "kubectl get nodes"));
      assert.equal(rows.length, 3, JSON.stringify(rows));
      for (const row of rows) assert.equal(row.STATUS, "Ready", `${row.NAME} is ${row.STATUS}`);
      assert.equal(rows.filter((r) => r.ROLES === "control-plane").length, 1);
    });

    test("namespaces: create, Active, delete returns quickly, then gone", async () => {
      assert.equal(succeeded(await run(["create", "namespace", "e2e-ns"]), "create ns").trim(), "namespace/e2e-ns created");
      const rows = parseTable(succeeded(await run(["get", "ns"]), "get ns"));
      assert.deepEqual(rows.find((r) => r.NAME === "e2e-ns")?.STATUS, "Active");
      assert.ok(rows.some((r) => r.NAME === "kube-system"), "kube-system is listed");
      const started = performance.now();
      const deleted = await run(["delete", "ns", "e2e-ns"], { timeoutMs: 15_000 });
      const seconds = (performance.now() - started) / 1000;
      assert.equal(succeeded(deleted, "delete ns").trim(), 'namespace "e2e-ns" deleted');
      assert.ok(seconds < 5, `kubectl delete ns took ${seconds.toFixed(1)}s`);
      await eventually(async () => {
        const gone = await run(["get", "ns", "e2e-ns"]);
        assert.match(failed(gone, "get deleted ns"), /Error from server \(NotFound\): namespaces "e2e-ns" not found/);
      });
    });

    test("apply -f: created, unchanged, then configured after an edit", async () => {
      const path = file("apply-pod.yaml", podManifest("applied", { app: "web" }));
      assert.equal(succeeded(await run(["apply", "-f", path]), "apply 1").trim(), "pod/applied created");
      assert.equal(succeeded(await run(["apply", "-f", path]), "apply 2").trim(), "pod/applied unchanged");
      file("apply-pod.yaml", podManifest("applied", { app: "web", tier: "front" }));
      assert.equal(succeeded(await run(["apply", "-f", path]), "apply 3").trim(), "pod/applied configured");
      const labels = JSON.parse(succeeded(await run(["get", "pod", "applied", "-o", "jsonpath={.metadata.labels}"]), "get labels"));
      assert.deepEqual(labels, { app: "web", tier: "front" });
    });

    test("create configmap --from-literal", async () => {
      const out = succeeded(await run(["create", "configmap", "settings", "--from-literal=color=blue", "--from-literal=size=3"]), "create cm");
      assert.equal(out.trim(), "configmap/settings created");
      const cm = JSON.parse(succeeded(await run(["get", "configmap", "settings", "-o", "json"]), "get cm -o json"));
      assert.deepEqual(cm.data, { color: "blue", size: "3" });
    });

    test("create secret generic stores base64 data", async () => {
      const out = succeeded(await run(["create", "secret", "generic", "creds", "--from-literal=password=s3cret"]), "create secret");
      assert.equal(out.trim(), "secret/creds created");
      const secret = JSON.parse(succeeded(await run(["get", "secret", "creds", "-o", "json"]), "get secret"));
      assert.equal(secret.type, "Opaque");
      assert.equal(secret.data.password, Buffer.from("s3cret").toString("base64"));
    });

    test("get -o yaml | json | wide", async () => {
      succeeded(await run(["create", "configmap", "formats", "--from-literal=k=v"]), "create cm");
      const yaml = succeeded(await run(["get", "cm", "formats", "-o", "yaml"]), "get -o yaml");
      assert.match(yaml, /^apiVersion: v1\n/);
      assert.match(yaml, /\nkind: ConfigMap\n/);
      assert.match(yaml, /\n {2}name: formats\n/);
      assert.match(yaml, /\n {2}k: v\n/);
      const json = JSON.parse(succeeded(await run(["get", "cm", "formats", "-o", "json"]), "get -o json"));
      assert.equal(json.kind, "ConfigMap");
      assert.equal(json.metadata.namespace, "default");
      assert.match(json.metadata.resourceVersion, /^\d+$/);
      const list = JSON.parse(succeeded(await run(["get", "cm", "-o", "json"]), "get list -o json"));
      assert.equal(list.kind, "List");
      assert.ok(list.items.some((i) => i.metadata.name === "formats"));
      succeeded(await run(["apply", "-f", file("wide-pod.yaml", podManifest("wide", { app: "wide" }))]), "apply");
      const wide = succeeded(await run(["get", "pod", "wide", "-o", "wide"]), "get -o wide");
      const header = wide.split("\n")[0];
      assert.match(header, /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/);
      assert.equal(parseTable(wide)[0].NAME, "wide");
    });

    test("get pods -A, -l and --field-selector", async () => {
      succeeded(await run(["apply", "-f", file("sel-a.yaml", podManifest("sel-a", { role: "alpha" }))]), "apply a");
      succeeded(await run(["apply", "-f", file("sel-b.yaml", podManifest("sel-b", { role: "beta" }))]), "apply b");
      const all = parseTable(succeeded(await run(["get", "pods", "-A"]), "get pods -A"));
      assert.ok(all.some((r) => r.NAMESPACE === "default" && r.NAME === "sel-a"), JSON.stringify(all));
      assert.ok(all.every((r) => r.NAMESPACE), "every row has a NAMESPACE column");
      const labelled = parseTable(succeeded(await run(["get", "pods", "-l", "role=alpha"]), "get -l"));
      assert.deepEqual(labelled.map((r) => r.NAME), ["sel-a"]);
      const notBeta = parseTable(succeeded(await run(["get", "pods", "-l", "role,role!=beta"]), "get -l !="));
      assert.deepEqual(notBeta.map((r) => r.NAME), ["sel-a"]);
      const byField = parseTable(succeeded(await run(["get", "pods", "--field-selector", "metadata.name=sel-b"]), "field selector"));
      assert.deepEqual(byField.map((r) => r.NAME), ["sel-b"]);
      const none = await run(["get", "pods", "--field-selector", "spec.nodeName=no-such-node"]);
      assert.equal(succeeded(none, "empty field selector"), "");
      assert.match(none.stderr, /No resources found in default namespace\./);
    });

    test("get pages with --chunk-size: every pod is listed once, and the raw API hands out continue tokens", async () => {
      const all = parseTable(succeeded(await run(["get", "pods", "-A"]), "get pods -A")).map((r) => `${r.NAMESPACE}/${r.NAME}`);
      const paged = parseTable(succeeded(await run(["get", "pods", "-A", "--chunk-size=2"]), "get pods -A --chunk-size=2")).map((r) => `${r.NAMESPACE}/${r.NAME}`);
      assert.ok(all.length > 4, JSON.stringify(all));
      assert.deepEqual(paged, all);
      const page = JSON.parse(succeeded(await run(["get", "--raw", "/api/v1/namespaces/kube-system/pods?limit=2"]), "get --raw limit=2"));
      assert.equal(page.items.length, 2);
      assert.ok(page.metadata.continue, JSON.stringify(page.metadata));
      assert.ok(page.metadata.remainingItemCount > 0);
    });

    test("describe pod and describe node", async () => {
      succeeded(await run(["apply", "-f", file("desc.yaml", podManifest("described", { app: "desc" }))]), "apply");
      const pod = succeeded(await run(["describe", "pod", "described"]), "describe pod");
      assert.match(pod, /^Name:\s+described$/m);
      assert.match(pod, /^Namespace:\s+default$/m);
      assert.match(pod, /^Labels:\s+app=desc$/m);
      assert.match(pod, /^Containers:\n {2}app:\n(?: {4}.*\n)*? {4}Image:\s+nginx:1\.27$/m);
      assert.match(pod, /^Events:/m);
      const node = succeeded(await run(["describe", "node", "control-plane"]), "describe node");
      assert.match(node, /^Name:\s+control-plane$/m);
      assert.match(node, /^Roles:\s+control-plane$/m);
      assert.match(node, /^Conditions:$/m);
      assert.match(node, /^\s+Ready\s+True\s+/m);
      assert.match(node, /^Capacity:$/m);
    });

    test("label and annotate", async () => {
      succeeded(await run(["apply", "-f", file("meta.yaml", podManifest("meta", { app: "meta" }))]), "apply");
      assert.equal(succeeded(await run(["label", "pod", "meta", "env=dev"]), "label").trim(), "pod/meta labeled");
      // kubectl before 1.28 prints the verb unconjugated ("pod/meta annotate").
      const annotated = Number(version.split(".")[1]) < 28 ? "pod/meta annotate" : "pod/meta annotated";
      assert.equal(succeeded(await run(["annotate", "pod", "meta", "owner=team-a"]), "annotate").trim(), annotated);
      const pod = JSON.parse(succeeded(await run(["get", "pod", "meta", "-o", "json"]), "get"));
      assert.equal(pod.metadata.labels.env, "dev");
      assert.equal(pod.metadata.annotations.owner, "team-a");
      const overwrite = await run(["label", "pod", "meta", "env=prod"]);
      assert.match(failed(overwrite, "label without --overwrite"), /'env' already has a value \(dev\), and --overwrite is false/);
      assert.equal(succeeded(await run(["label", "pod", "meta", "env-"]), "remove label").trim(), "pod/meta unlabeled");
    });

    test("patch: strategic, merge and json", async () => {
      succeeded(await run(["apply", "-f", file("patch.yaml", podManifest("patched", { app: "patch" }))]), "apply");
      const strategic = await run(["patch", "pod", "patched", "-p", '{"metadata":{"labels":{"strategic":"yes"}}}']);
      assert.equal(succeeded(strategic, "strategic patch").trim(), "pod/patched patched");
      const merge = await run(["patch", "pod", "patched", "--type=merge", "-p", '{"metadata":{"annotations":{"merge":"yes"}}}']);
      assert.equal(succeeded(merge, "merge patch").trim(), "pod/patched patched");
      const json = await run(["patch", "pod", "patched", "--type=json", "-p", '[{"op":"add","path":"/metadata/labels/json","value":"yes"}]']);
      assert.equal(succeeded(json, "json patch").trim(), "pod/patched patched");
      const pod = JSON.parse(succeeded(await run(["get", "pod", "patched", "-o", "json"]), "get"));
      assert.deepEqual(pod.metadata.labels, { app: "patch", strategic: "yes", json: "yes" });
      assert.equal(pod.metadata.annotations.merge, "yes");
      const noop = await run(["patch", "pod", "patched", "-p", '{"metadata":{"labels":{"strategic":"yes"}}}']);
      assert.equal(succeeded(noop, "no-op patch").trim(), "pod/patched patched (no change)");
    });

    test("edit with a scripted editor", async () => {
      succeeded(await run(["create", "configmap", "editable", "--from-literal=mode=draft"]), "create cm");
      const editor = file("editor.sh", `#!/bin/sh\nsed -i 's/^  mode: draft$/  mode: final/' "$1"\n`);
      chmodSync(editor, 0o755);
      const edited = await run(["edit", "configmap", "editable"], { env: { KUBE_EDITOR: editor, EDITOR: editor } });
      assert.equal(succeeded(edited, "kubectl edit").trim(), "configmap/editable edited");
      const value = succeeded(await run(["get", "cm", "editable", "-o", "jsonpath={.data.mode}"]), "get");
      assert.equal(value, "final");
    });

    test("get -w sees a configmap created meanwhile", async () => {
      const watcher = kubectlBackground(version, ["get", "configmaps", "-w"], { kubeconfig: cluster.kubeconfigPath });
      try {
        await watcher.waitFor(/^NAME\s+DATA\s+AGE$/m);
        await watcher.waitFor(/^kube-root-ca\.crt\s+1\s+/m);
        succeeded(await run(["create", "configmap", "watched", "--from-literal=a=1", "--from-literal=b=2"]), "create cm");
        await watcher.waitFor(/^watched\s+2\s+\S+$/m);
      } finally {
        await watcher.stop();
      }
    });

    test("explain pod.spec.containers", async () => {
      const out = succeeded(await run(["explain", "pod.spec.containers"]), "explain");
      assert.match(out, /^KIND:\s+Pod$/m);
      assert.match(out, /^VERSION:\s+v1$/m);
      assert.match(out, /^FIELD:\s+containers <\[\]Container>$/m);
      assert.match(out, /^DESCRIPTION:$/m);
      assert.match(out, /^FIELDS:$/m);
      assert.match(out, /^ {2}image\t<string>$/m);
      assert.match(out, /^ {2}name\t<string> -required-$/m);
    });

    test("auth can-i: admin yes, view token no", async () => {
      const admin = await run(["auth", "can-i", "create", "pods"]);
      assert.equal(succeeded(admin, "can-i admin").trim(), "yes");
      const viewer = derivedKubeconfig(cluster, "view", { token: cluster.viewToken });
      const denied = await kubectl(version, ["auth", "can-i", "create", "pods"], { kubeconfig: viewer });
      assert.equal(denied.code, 1, denied.stderr);
      assert.match(denied.stdout, /^no\b/);
      const allowed = await kubectl(version, ["auth", "can-i", "list", "pods"], { kubeconfig: viewer });
      assert.equal(succeeded(allowed, "can-i list with view token").trim(), "yes");
    });

    test("read-only kubeconfig: get works, create is Forbidden", async () => {
      const viewer = derivedKubeconfig(cluster, "view", { token: cluster.viewToken });
      succeeded(await run(["create", "configmap", "visible", "--from-literal=a=b"]), "admin create");
      const rows = parseTable(succeeded(await kubectl(version, ["get", "configmaps"], { kubeconfig: viewer }), "view get"));
      assert.ok(rows.some((r) => r.NAME === "visible"));
      succeeded(await kubectl(version, ["get", "pods"], { kubeconfig: viewer }), "view get pods");
      const create = await kubectl(version, ["create", "configmap", "x", "--from-literal=a=b"], { kubeconfig: viewer });
      assert.match(failed(create, "view create cm"), /configmaps is forbidden: User "[^"]+" cannot create resource "configmaps" in API group "" in the namespace "default"/);
      const apply = await kubectl(version, ["apply", "-f", file("ro.yaml", podManifest("ro", { a: "b" }))], { kubeconfig: viewer });
      assert.match(failed(apply, "view apply"), /Error from server \(Forbidden\)/);
    });

    test("delete -f removes what the manifest names", async () => {
      const path = file(
        "doomed.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: doomed\ndata:\n  a: b\n---\n" +
          "apiVersion: v1\nkind: Secret\nmetadata:\n  name: doomed\nstringData:\n  a: b\n",
      );
      assert.equal(succeeded(await run(["apply", "-f", path]), "apply").trim(), "configmap/doomed created\nsecret/doomed created");
      const deleted = await run(["delete", "-f", path]);
      assert.equal(succeeded(deleted, "delete -f").trim(), 'configmap "doomed" deleted\nsecret "doomed" deleted');
      assert.match(failed(await run(["get", "cm", "doomed"]), "get deleted"), /Error from server \(NotFound\): configmaps "doomed" not found/);
    });

    test("delete pod returns once the pod is gone (graceful deletion completes)", async () => {
      const path = file("short-lived.yaml", podManifest("short-lived", { app: "short" }));
      succeeded(await run(["apply", "-f", path]), "apply");
      const started = performance.now();
      const deleted = await run(["delete", "pod", "short-lived"], { timeoutMs: 40_000 });
      assert.equal(succeeded(deleted, "delete pod").trim(), 'pod "short-lived" deleted');
      const seconds = (performance.now() - started) / 1000;
      assert.ok(seconds < 35, `kubectl delete pod took ${seconds.toFixed(1)}s (grace period is 30s)`);
      assert.match(failed(await run(["get", "pod", "short-lived"]), "get deleted"), /Error from server \(NotFound\): pods "short-lived" not found/);
    });

    test("errors: NotFound, AlreadyExists, Invalid", async () => {
      const missing = await run(["get", "pod", "nope"]);
      assert.equal(failed(missing, "get missing").trim(), 'Error from server (NotFound): pods "nope" not found');
      const path = file("dup.yaml", podManifest("dup", { app: "dup" }));
      succeeded(await run(["create", "-f", path]), "create");
      const duplicate = await run(["create", "-f", path]);
      assert.equal(failed(duplicate, "create duplicate").trim(), `Error from server (AlreadyExists): error when creating "${path}": pods "dup" already exists`);
      const bad = file("bad.yaml", podManifest("Bad_Name", { app: "bad" }));
      const invalid = await run(["create", "-f", bad]);
      assert.match(
        failed(invalid, "create invalid"),
        /^The Pod "Bad_Name" is invalid: metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '\.', and must start and end with an alphanumeric character/,
      );
    });

    test("a wrong token: You must be logged in", async () => {
      const [id] = cluster.token.split(".");
      const wrong = derivedKubeconfig(cluster, "wrong", { token: `${id}.${"x".repeat(32)}` });
      const result = await kubectl(version, ["get", "pods"], { kubeconfig: wrong });
      assert.match(failed(result, "wrong token"), /^error: You must be logged in to the server \(Unauthorized\)$/m);
    });

    test("get --raw /version is routed by the token", async () => {
      const info = JSON.parse(succeeded(await run(["get", "--raw", "/version"]), "get --raw"));
      assert.match(info.gitVersion, /^v1\.33\.\d+/);
      const groups = JSON.parse(succeeded(await run(["get", "--raw", "/api"]), "get --raw /api"));
      assert.equal(groups.kind, "APIVersions");
    });

    test("cluster-info prints the control plane URL", async () => {
      const out = stripAnsi(succeeded(await run(["cluster-info"]), "cluster-info"));
      assert.ok(out.includes(`Kubernetes control plane is running at ${cluster.server}\n`), out);
    });

    describe("other clusters", () => {
      let other;
      before(async () => {
        other = await createCluster(server.origin, { name: "other" });
      });
      after(async () => {
        if (other) await deleteCluster(server.origin, other);
      });

      test("cluster A's token is refused by cluster B's server", async () => {
        const crossed = derivedKubeconfig(cluster, "crossed", { server: other.server });
        const result = await kubectl(version, ["get", "pods"], { kubeconfig: crossed });
        assert.match(failed(result, "crossed token"), /^error: You must be logged in to the server/m);
      });

      test("after DELETE /api/clusters/<id> everything is NotFound", async () => {
        const doomed = await createCluster(server.origin, { name: "doomed" });
        succeeded(await kubectl(version, ["get", "ns"], { kubeconfig: doomed.kubeconfigPath }), "get ns before delete");
        const res = await deleteCluster(server.origin, doomed);
        assert.equal(res.status, 200, res.body);
        for (const args of [["get", "pods"], ["get", "namespaces"], ["get", "--raw", "/version"]]) {
          const result = await kubectl(version, args, { kubeconfig: doomed.kubeconfigPath });
          assert.match(failed(result, `kubectl ${args.join(" ")} on a deleted cluster`), /Error from server \(NotFound\)/);
        }
      });
    });
  });
}
