// kubectl exec with the real kubectl: 1.30+ speaks WebSocket (v5.channel.k8s.io): `exec -- ls /`, an exit code, stdin
// with -i, and the exec round trip (the median of `exec -- true` minus the median of `get pod`). Older kubectl only
// speaks SPDY, which the sandbox refuses with a message naming the kubectl that works.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { acquireServer, createCluster, deleteCluster } from "./harness.mjs";
import { kubectl } from "./kubectl.mjs";
import { describeWithKubectl } from "./versioned-suite.mjs";

function ok(result, what) {
  assert.equal(result.code, 0, `${what} exited ${result.code}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
  return result.stdout;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export function defineExecSuite(version, { websocket }) {
  describeWithKubectl(version, `exec with kubectl ${version}`, () => {
    let server;
    let cluster;
    const run = (args, options = {}) => kubectl(version, args, { kubeconfig: cluster.kubeconfigPath, timeoutMs: 60_000, ...options });

    before(async () => {
      server = await acquireServer();
      cluster = await createCluster(server.origin, { name: `exec-${version.replace(".", "-")}`, pace: "fast", workers: 1 });
      ok(await run(["run", "bb", "--image=busybox", "--restart=Never", "--", "sh", "-c", "echo ready > /tmp/state; sleep 3600"]), "run bb");
      ok(await run(["wait", "--for=condition=Ready", "pod/bb", "--timeout=60s"]), "wait bb");
    });
    after(async () => {
      if (cluster) await deleteCluster(server.origin, cluster);
      await server?.release?.();
    });

    if (!websocket) {
      test("exec is refused with a message that names the kubectl that works", async () => {
        const result = await run(["exec", "bb", "--", "ls", "/"]);
        assert.notEqual(result.code, 0);
        assert.match(result.stderr, /only WebSocket streams: kubectl exec, attach and cp need kubectl 1\.30 or newer/);
      });
      return;
    }

    test("exec -- ls / lists the container's root; a file the container wrote is there", async () => {
      const out = ok(await run(["exec", "bb", "--", "ls", "/"]), "exec ls");
      for (const dir of ["bin", "etc", "proc", "tmp", "usr"]) assert.match(out, new RegExp(`^${dir}$`, "m"));
      assert.equal(ok(await run(["exec", "bb", "--", "cat", "/tmp/state"]), "exec cat"), "ready\n");
    });

    test("exec with exit code 3: kubectl says so and exits 3", async () => {
      const result = await run(["exec", "bb", "--", "sh", "-c", "echo out; echo err >&2; exit 3"]);
      assert.equal(result.code, 3, result.stderr);
      assert.equal(result.stdout, "out\n");
      assert.match(result.stderr, /^err\ncommand terminated with exit code 3\n$/);
    });

    test("exec -i reads stdin: cat, and a script given to sh", async () => {
      assert.equal(ok(await run(["exec", "-i", "bb", "--", "cat"], { input: "hi\n" }), "exec -i cat"), "hi\n");
      const script = ok(await run(["exec", "-i", "bb", "--", "sh"], { input: "x=41\necho $((x + 1))\nhostname\n" }), "exec -i sh");
      assert.equal(script, "42\nbb\n");
    });

    test("a missing container and a missing command get Kubernetes' messages", async () => {
      const container = await run(["exec", "bb", "-c", "nope", "--", "ls"]);
      assert.notEqual(container.code, 0);
      assert.match(container.stderr, /container nope is not valid for pod bb|container not found \("nope"\)/);
      const command = await run(["exec", "bb", "--", "nosuch"]);
      assert.notEqual(command.code, 0);
      assert.match(command.stderr, /exec: "nosuch": executable file not found in \$PATH/);
    });

    test("the exec round trip (for the report)", async () => {
      const time = async (args) => {
        const start = performance.now();
        ok(await run(args), args.join(" "));
        return performance.now() - start;
      };
      const execs = [];
      const gets = [];
      for (let i = 0; i < 20; i++) {
        execs.push(await time(["exec", "bb", "--", "true"]));
        gets.push(await time(["get", "pod", "bb"]));
      }
      const roundTrip = median(execs) - median(gets);
      console.log(`exec round trip: median exec ${median(execs).toFixed(0)} ms - median get ${median(gets).toFixed(0)} ms = ${roundTrip.toFixed(0)} ms`);
    });
  });
}
