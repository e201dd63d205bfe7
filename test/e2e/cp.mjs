// kubectl cp with the real kubectl (1.30+: tar over a WebSocket exec): a local file and a directory copied into a
// busybox pod and read there, copied back byte for byte (a binary file among them), a file written by exec into
// nginx's html served to another pod, a missing path's error from tar, and a container without tar.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { acquireServer, createCluster, deleteCluster } from "./harness.mjs";
import { kubectl } from "./kubectl.mjs";
import { describeWithKubectl } from "./versioned-suite.mjs";

function ok(result, what) {
  assert.equal(result.code, 0, `${what} exited ${result.code}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
  return result.stdout;
}

/** Bytes no text decoder keeps: every byte value, a PNG signature, a cut UTF-8 sequence, a byte order mark. */
function binaryBytes() {
  const all = Buffer.alloc(256 * 3);
  for (let i = 0; i < all.length; i++) all[i] = (i * 7) % 256;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from([0xef, 0xbb, 0xbf]), all, Buffer.from([0xe2, 0x82])]);
}

export function defineCpSuite(version) {
  describeWithKubectl(version, `cp with kubectl ${version}`, () => {
    let server;
    let cluster;
    let local;
    const run = (args, options = {}) => kubectl(version, args, { kubeconfig: cluster.kubeconfigPath, timeoutMs: 60_000, ...options });

    before(async () => {
      local = mkdtempSync(join(tmpdir(), "kube-sandbox-cp-"));
      server = await acquireServer();
      cluster = await createCluster(server.origin, { name: `cp-${version.replace(".", "-")}`, pace: "fast", workers: 1 });
      ok(await run(["run", "bb", "--image=busybox", "--restart=Never", "--", "sh", "-c", "sleep 3600"]), "run bb");
      ok(await run(["run", "web", "--image=nginx", "--restart=Never"]), "run web");
      ok(await run(["wait", "--for=condition=Ready", "pod/bb", "pod/web", "--timeout=60s"]), "wait");
    });
    after(async () => {
      if (cluster) await deleteCluster(server.origin, cluster);
      await server?.release?.();
      if (local) rmSync(local, { recursive: true, force: true });
    });

    test("cp a local file into the pod: exec cat reads it; cp it back gives the same bytes", async () => {
      writeFileSync(join(local, "hello.txt"), "hello from the laptop\n");
      ok(await run(["cp", join(local, "hello.txt"), "bb:/tmp/hello.txt"]), "cp to pod");
      assert.equal(ok(await run(["exec", "bb", "--", "cat", "/tmp/hello.txt"]), "exec cat"), "hello from the laptop\n");
      const back = join(local, "hello-back.txt");
      ok(await run(["cp", "bb:/tmp/hello.txt", back]), "cp from pod");
      assert.equal(readFileSync(back, "utf8"), "hello from the laptop\n");
    });

    test("a binary file goes in and comes back byte for byte", async () => {
      const bytes = binaryBytes();
      writeFileSync(join(local, "logo.png"), bytes);
      ok(await run(["cp", join(local, "logo.png"), "bb:/tmp/logo.png"]), "cp png to pod");
      assert.equal(ok(await run(["exec", "bb", "--", "wc", "-c", "/tmp/logo.png"]), "wc -c").trim().split(/\s+/)[0], String(bytes.length));
      const back = join(local, "logo-back.png");
      ok(await run(["cp", "bb:/tmp/logo.png", back]), "cp png from pod");
      assert.deepEqual(readFileSync(back), bytes);
    });

    test("cp a directory into the pod and back", async () => {
      const dir = join(local, "site");
      mkdirSync(join(dir, "css"), { recursive: true });
      writeFileSync(join(dir, "index.html"), "<h1>site</h1>\n");
      writeFileSync(join(dir, "css", "main.css"), "body { color: red }\n");
      ok(await run(["cp", dir, "bb:/tmp/site"]), "cp dir to pod");
      assert.equal(ok(await run(["exec", "bb", "--", "cat", "/tmp/site/css/main.css"]), "exec cat css"), "body { color: red }\n");
      assert.deepEqual(ok(await run(["exec", "bb", "--", "ls", "/tmp/site"]), "exec ls").trim().split("\n"), ["css", "index.html"]);
      const back = join(local, "site-back");
      ok(await run(["cp", "bb:/tmp/site", back]), "cp dir from pod");
      assert.equal(readFileSync(join(back, "index.html"), "utf8"), "<h1>site</h1>\n");
      assert.equal(readFileSync(join(back, "css", "main.css"), "utf8"), "body { color: red }\n");
    });

    test("a file written by exec into nginx's html is served to another pod", async () => {
      ok(await run(["exec", "web", "--", "sh", "-c", "echo hi > /usr/share/nginx/html/index.html"]), "exec write");
      assert.equal(ok(await run(["exec", "web", "--", "cat", "/usr/share/nginx/html/index.html"]), "exec cat"), "hi\n");
      const ip = ok(await run(["get", "pod", "web", "-o", "jsonpath={.status.podIP}"]), "pod IP");
      assert.equal(ok(await run(["exec", "bb", "--", "wget", "-qO-", `http://${ip}/`]), "wget"), "hi\n");
    });

    test("cp of a missing path: tar's error (kubectl itself exits 0, kubernetes/kubectl#980); a missing local file", async () => {
      const result = await run(["cp", "bb:/tmp/nope.txt", join(local, "nope.txt")]);
      assert.match(`${result.stdout}${result.stderr}`, /tar: \/tmp\/nope\.txt: No such file or directory/);
      assert.equal(existsSync(join(local, "nope.txt")), false);
      const localMissing = await run(["cp", join(local, "absent.txt"), "bb:/tmp/absent.txt"]);
      assert.notEqual(localMissing.code, 0);
      assert.match(localMissing.stderr, /absent\.txt doesn't exist in local filesystem/);
    });

    test("a container without tar: the runtime's error, and kubectl fails", async () => {
      ok(await run(["run", "pause", "--image=registry.k8s.io/pause:3.10", "--restart=Never"]), "run pause");
      ok(await run(["wait", "--for=condition=Ready", "pod/pause", "--timeout=60s"]), "wait pause");
      const result = await run(["cp", join(local, "hello.txt"), "pause:/hello.txt"]);
      assert.notEqual(result.code, 0);
      assert.match(result.stderr, /exec: "tar": executable file not found in \$PATH/);
    });
  });
}
