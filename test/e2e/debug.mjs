// kubectl debug with the real kubectl: an ephemeral container added to a running pod (non-interactive), its process
// namespace shared with its target (`exec -c debugger -- ps`), `describe pod`'s Ephemeral Containers, its logs, the
// apiserver's refusal of a name taken; a copy of the pod with shared processes (--copy-to); a node debugging pod
// reading the node's files under /host.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { acquireServer, createCluster, deleteCluster } from "./harness.mjs";
import { kubectl } from "./kubectl.mjs";
import { eventually } from "./retry.mjs";
import { describeWithKubectl } from "./versioned-suite.mjs";

function ok(result, what) {
  assert.equal(result.code, 0, `${what} exited ${result.code}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
  return result.stdout;
}

export function defineDebugSuite(version) {
  describeWithKubectl(version, `debug with kubectl ${version}`, () => {
    let server;
    let cluster;
    const run = (args, options = {}) => kubectl(version, args, { kubeconfig: cluster.kubeconfigPath, timeoutMs: 60_000, ...options });
    /** The state of an ephemeral container of `pod`, once it has one of `kind` (running, terminated). */
    const ephemeralState = (pod, name, kind) =>
      eventually(async () => {
        const out = ok(await run(["get", "pod", pod, "-o", `jsonpath={.status.ephemeralContainerStatuses[?(@.name=="${name}")].state}`]), "get state");
        const state = JSON.parse(out || "{}");
        assert.ok(state[kind], `${name} is not ${kind}: ${out}`);
        return state[kind];
      }, 30_000, 500);

    before(async () => {
      server = await acquireServer();
      cluster = await createCluster(server.origin, { name: `debug-${version.replace(".", "-")}`, pace: "fast", workers: 1 });
      ok(await run(["run", "web", "--image=nginx:1.27"]), "run web");
      ok(await run(["wait", "--for=condition=Ready", "pod/web", "--timeout=60s"]), "wait web");
    });
    after(async () => {
      if (cluster) await deleteCluster(server.origin, cluster);
      await server?.release?.();
    });

    test("debug adds an ephemeral container to a running pod; with --target it sees the target's processes", async () => {
      const out = await run(["debug", "web", "--image=busybox", "-c", "debugger", "--target=web", "--profile=general", "--", "sleep", "3600"]);
      ok(out, "debug web");
      assert.match(out.stdout + out.stderr, /Targeting container "web"/);
      await ephemeralState("web", "debugger", "running");
      const ps = ok(await run(["exec", "web", "-c", "debugger", "--", "ps"]), "exec ps");
      assert.match(ps, /^\s+1 root .*nginx -g daemon off;$/m);
      assert.match(ps, /^\s+\d+ root .*sleep 3600$/m);
      const pod = JSON.parse(ok(await run(["get", "pod", "web", "-o", "json"]), "get pod"));
      assert.deepEqual(
        pod.spec.ephemeralContainers.map((c) => [c.name, c.image, c.targetContainerName]),
        [["debugger", "busybox", "web"]],
      );
      assert.equal(pod.status.phase, "Running");
      assert.deepEqual(pod.status.containerStatuses.map((s) => s.name), ["web"]);
    });

    test("describe pod shows the ephemeral container and the kubelet's events for it", async () => {
      await ephemeralState("web", "debugger", "running");
      const out = ok(await run(["describe", "pod", "web"]), "describe");
      assert.match(out, /^Ephemeral Containers:\n  debugger:\n    Container ID:  containerd:\/\/[0-9a-f]{64}\n    Image:         busybox\n/m);
      assert.match(out, /^    State:          Running$/m);
      assert.match(out, /Started container debugger/);
    });

    test("an ephemeral container's output is in its logs; it is never restarted", async () => {
      ok(await run(["debug", "web", "--image=busybox", "-c", "hello", "--profile=general", "--", "sh", "-c", "echo hello from $(hostname); exit 3"]), "debug hello");
      const terminated = await ephemeralState("web", "hello", "terminated");
      assert.equal(terminated.exitCode, 3);
      assert.equal(ok(await run(["logs", "web", "-c", "hello"]), "logs"), "hello from web\n");
      const restarts = ok(await run(["get", "pod", "web", "-o", `jsonpath={.status.ephemeralContainerStatuses[?(@.name=="hello")].restartCount}`]), "restarts");
      assert.equal(restarts, "0");
    });

    test("the apiserver refuses a name already taken, with its message", async () => {
      const taken = await run(["debug", "web", "--image=busybox", "-c", "web", "--profile=general", "--", "true"]);
      assert.notEqual(taken.code, 0);
      assert.match(taken.stderr, /The Pod "web" is invalid: spec\.ephemeralContainers\[\d+\]\.name: Duplicate value: "web"/);
      const changed = await run(["debug", "web", "--image=alpine", "-c", "debugger", "--profile=general", "--", "true"]);
      assert.notEqual(changed.code, 0);
      assert.match(changed.stderr, /spec\.ephemeralContainers: Forbidden: existing ephemeral containers "debugger" may not be changed/);
    });

    test("--copy-to makes a copy of the pod with a debug container sharing its processes", async () => {
      ok(await run(["debug", "web", "--copy-to=web-debug", "--image=busybox", "--share-processes", "-c", "dbg", "--profile=general", "--", "sleep", "3600"]), "debug --copy-to");
      ok(await run(["wait", "--for=condition=Ready", "pod/web-debug", "--timeout=60s"]), "wait web-debug");
      const pod = JSON.parse(ok(await run(["get", "pod", "web-debug", "-o", "json"]), "get copy"));
      assert.equal(pod.spec.shareProcessNamespace, true);
      assert.deepEqual(pod.spec.containers.map((c) => c.name), ["web", "dbg"]);
      const ps = ok(await run(["exec", "web-debug", "-c", "dbg", "--", "ps"]), "exec ps");
      assert.match(ps, /^\s+1 root .*\/pause$/m);
      assert.match(ps, /nginx -g daemon off;$/m);
    });

    test("debug node/<node> runs a pod on the node with its root filesystem at /host", async () => {
      const out = await run(["debug", "node/worker-1", "--image=busybox", "--profile=general", "--", "cat", "/host/etc/os-release"]);
      ok(out, "debug node");
      const name = /Creating debugging pod (node-debugger-worker-1-[a-z0-9]{5}) with container debugger on node worker-1\./.exec(out.stdout + out.stderr)?.[1];
      assert.ok(name, `no debugging pod named in:\n${out.stdout}${out.stderr}`);
      await eventually(async () => assert.equal(ok(await run(["get", "pod", name, "-o", "jsonpath={.status.phase}"]), "phase"), "Succeeded"), 30_000, 500);
      assert.match(ok(await run(["logs", name]), "logs"), /^PRETTY_NAME="Debian GNU\/Linux 12 \(bookworm\)"$/m);
      const pod = JSON.parse(ok(await run(["get", "pod", name, "-o", "json"]), "get node pod"));
      assert.equal(pod.spec.nodeName, "worker-1");
      assert.deepEqual([pod.spec.hostPID, pod.spec.hostNetwork, pod.spec.hostIPC], [true, true, true]);
      assert.deepEqual(pod.spec.volumes.find((v) => v.hostPath)?.hostPath.path, "/");
      const ls = ok(await run(["debug", "node/worker-1", "--image=busybox", "--profile=general", "-q", "--", "ls", "/host/var/lib/kubelet"]), "debug node ls");
      assert.equal(ls.trim(), "");
      await eventually(async () => {
        const pods = ok(await run(["get", "pods", "-o", "jsonpath={range .items[*]}{.metadata.name} {.status.phase}{\"\\n\"}{end}"]), "pods");
        const lines = pods.split("\n").filter((l) => l.startsWith("node-debugger-") && l !== `${name} Succeeded`);
        assert.equal(lines.length, 1);
        assert.match(lines[0], / Succeeded$/);
        assert.match(ok(await run(["logs", lines[0].split(" ")[0]]), "logs ls"), /^config\.yaml$/m);
      }, 30_000, 500);
    });
  });
}
