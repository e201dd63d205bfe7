// RBAC with the real kubectl: a teacher's namespace for a learner (`create namespace|serviceaccount|role|rolebinding`,
// `create token`), kubectl with that token allowed in its namespace and refused elsewhere with the apiserver's exact
// message; `auth can-i --as` before and after a binding, `auth can-i --list`, `auth whoami`.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { acquireServer, createCluster, deleteCluster, derivedKubeconfig } from "./harness.mjs";
import { kubectl } from "./kubectl.mjs";
import { describeWithKubectl } from "./versioned-suite.mjs";

function ok(result, what) {
  assert.equal(result.code, 0, `${what} exited ${result.code}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
  return result.stdout;
}

export function defineRbacSuite(version, { whoami = true } = {}) {
  describeWithKubectl(version, `RBAC with kubectl ${version}`, () => {
    let server;
    let cluster;
    let learnerConfig;
    const run = (args, options = {}) => kubectl(version, args, { kubeconfig: cluster.kubeconfigPath, timeoutMs: 60_000, ...options });
    const asLearner = (args) => kubectl(version, args, { kubeconfig: learnerConfig, timeoutMs: 60_000 });

    before(async () => {
      server = await acquireServer();
      cluster = await createCluster(server.origin, { name: `rbac-${version.replace(".", "-")}`, pace: "fast", workers: 1 });
    });
    after(async () => {
      if (cluster) await deleteCluster(server.origin, cluster);
      await server?.release?.();
    });

    test("create namespace, serviceaccount, role, rolebinding and token; the token works in its namespace only", async () => {
      ok(await run(["create", "namespace", "class"]), "create namespace");
      assert.match(ok(await run(["create", "serviceaccount", "learner", "-n", "class"]), "create sa"), /serviceaccount\/learner created/);
      assert.match(
        ok(await run(["create", "role", "pod-manager", "-n", "class", "--verb=get,list,watch,create,delete", "--resource=pods,configmaps"]), "create role"),
        /role.rbac.authorization.k8s.io\/pod-manager created/,
      );
      assert.match(
        ok(await run(["create", "rolebinding", "learner-pods", "-n", "class", "--role=pod-manager", "--serviceaccount=class:learner"]), "create rolebinding"),
        /rolebinding.rbac.authorization.k8s.io\/learner-pods created/,
      );
      const roles = ok(await run(["get", "rolebindings", "-n", "class", "-o", "wide"]), "get rolebindings");
      assert.match(roles, /learner-pods\s+Role\/pod-manager\s+\S+\s+class\/learner/);
      const token = ok(await run(["create", "token", "learner", "-n", "class", "--duration=2h"]), "create token").trim();
      assert.equal(token.split(".").length, 3, token);
      learnerConfig = derivedKubeconfig(cluster, "learner", { token });

      assert.match(ok(await asLearner(["create", "configmap", "notes", "-n", "class", "--from-literal=a=b"]), "learner create cm"), /configmap\/notes created/);
      ok(await asLearner(["get", "pods", "-n", "class"]), "learner get pods");
      const refused = await asLearner(["get", "pods", "-n", "default"]);
      assert.notEqual(refused.code, 0);
      assert.match(
        refused.stderr,
        /Error from server \(Forbidden\): pods is forbidden: User "system:serviceaccount:class:learner" cannot list resource "pods" in API group "" in the namespace "default"/,
      );
      const secrets = await asLearner(["get", "secrets", "-n", "class"]);
      assert.match(secrets.stderr, /secrets is forbidden: User "system:serviceaccount:class:learner" cannot list resource "secrets" in API group "" in the namespace "class"/);
      assert.equal(ok(await asLearner(["auth", "can-i", "delete", "pods", "-n", "class"]), "learner can-i").trim(), "yes");
      const list = ok(await asLearner(["auth", "can-i", "--list", "-n", "class"]), "can-i --list");
      assert.match(list, /pods\s+\[\]\s+\[\]\s+\[get list watch create delete\]/);
      assert.match(list, /selfsubjectaccessreviews\.authorization\.k8s\.io\s+\[\]\s+\[\]\s+\[create\]/);
    });

    test("auth can-i --as: no, then yes once a binding grants it", async () => {
      const before = await run(["auth", "can-i", "list", "pods", "--as=jane"]);
      assert.equal(before.stdout.trim(), "no");
      ok(await run(["create", "rolebinding", "jane-view", "--clusterrole=view", "--user=jane"]), "create rolebinding");
      assert.equal(ok(await run(["auth", "can-i", "list", "pods", "--as=jane"]), "can-i").trim(), "yes");
      assert.equal((await run(["auth", "can-i", "list", "secrets", "--as=jane"])).stdout.trim(), "no");
      const denied = await run(["get", "pods", "-n", "kube-system", "--as=jane"]);
      assert.match(denied.stderr, /pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "kube-system"/);
    });

    if (whoami) {
      test("auth whoami names the token's user", async () => {
        assert.match(ok(await asLearner(["auth", "whoami"]), "whoami"), /Username\s+system:serviceaccount:class:learner/);
        const impersonated = ok(await run(["auth", "whoami", "--as=jane", "--as-group=devs"]), "whoami --as");
        assert.match(impersonated, /Username\s+jane/);
        assert.match(impersonated, /Groups\s+\[devs system:authenticated\]/);
      });
    }
  });
}
