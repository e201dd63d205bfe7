// Interactive streams with the real kubectl through a pseudo-terminal (util-linux `script`, which gives kubectl a
// tty on stdin so it puts it in raw mode and sends each key as its byte): `exec -it ... -- sh` (prompt, a command's
// output, `cd`, a typo corrected with backspace, Ctrl-C, `exit 3` → kubectl exits 3), `attach` to a running
// container's output, `run -it --rm` with a shell that exits, after which kubectl deletes the pod, and `debug -it`.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { after, before, test } from "node:test";
import { acquireServer, createCluster, deleteCluster } from "./harness.mjs";
import { cacheDirFor, kubectl, kubectlBinary } from "./kubectl.mjs";
import { describeWithKubectl } from "./versioned-suite.mjs";

function ok(result, what) {
  assert.equal(result.code, 0, `${what} exited ${result.code}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
  return result.stdout;
}

const quote = (word) => `'${String(word).replace(/'/g, `'\\''`)}'`;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * kubectl on a pseudo-terminal: `type(keys)` writes keys (as a terminal in raw mode sends them: CR for Enter, DEL for
 * Backspace, ETX for Ctrl-C), `waitFor(regex)` waits for the screen to match, `exited()` resolves the exit code.
 */
function kubectlOnTerminal(version, args, { kubeconfig }) {
  const binary = kubectlBinary(version);
  if (!binary) throw new Error(`kubectl ${version} is not installed`);
  const command = [binary, "--cache-dir", cacheDirFor(version), "--kubeconfig", kubeconfig, ...args].map(quote).join(" ");
  const child = spawn("script", ["-q", "-e", "-c", command, "/dev/null"], { env: { ...process.env, KUBECONFIG: "", TERM: "xterm" }, stdio: ["pipe", "pipe", "pipe"] });
  let screen = "";
  child.stdout.on("data", (d) => (screen += d));
  child.stderr.on("data", (d) => (screen += d));
  const exit = new Promise((resolve) => child.on("close", (code) => resolve(code)));
  return {
    get screen() {
      return screen;
    },
    async type(keys, { delayMs = 30 } = {}) {
      for (const key of keys) {
        child.stdin.write(key);
        await pause(delayMs);
      }
    },
    async waitFor(pattern, timeoutMs = 20_000) {
      const deadline = performance.now() + timeoutMs;
      while (!pattern.test(screen)) {
        if (performance.now() > deadline || child.exitCode !== null) throw new Error(`kubectl ${args.join(" ")} never showed ${pattern}\nscreen:\n${JSON.stringify(screen)}`);
        await pause(50);
      }
    },
    async exited(timeoutMs = 20_000) {
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      const code = await exit;
      clearTimeout(timer);
      return code;
    },
    kill() {
      child.kill("SIGKILL");
    },
  };
}

export function defineTtySuite(version) {
  describeWithKubectl(version, `interactive streams with kubectl ${version}`, () => {
    let server;
    let cluster;
    const run = (args, options = {}) => kubectl(version, args, { kubeconfig: cluster.kubeconfigPath, timeoutMs: 60_000, ...options });
    const terminal = (args) => kubectlOnTerminal(version, args, { kubeconfig: cluster.kubeconfigPath });

    before(async () => {
      server = await acquireServer();
      cluster = await createCluster(server.origin, { name: `tty-${version.replace(".", "-")}`, pace: "fast", workers: 1 });
      ok(await run(["run", "bb", "--image=busybox", "--restart=Never", "--", "sh", "-c", "sleep 3600"]), "run bb");
      ok(await run(["run", "ticker", "--image=busybox", "--restart=Never", "--", "sh", "-c", "i=0; while true; do i=$((i+1)); echo tick $i; sleep 1; done"]), "run ticker");
      ok(await run(["wait", "--for=condition=Ready", "pod/bb", "pod/ticker", "--timeout=60s"]), "wait");
    });
    after(async () => {
      if (cluster) await deleteCluster(server.origin, cluster);
      await server?.release?.();
    });

    test("exec -it sh: a prompt, commands with state kept, backspace, Ctrl-C, and exit 3", async () => {
      const t = terminal(["exec", "-it", "bb", "--", "sh"]);
      try {
        await t.waitFor(/\/ # $/);
        await t.type("echo $HOSTNAME\r");
        await t.waitFor(/echo \$HOSTNAME\r\nbb\r\n\/ # $/);
        await t.type("cd /tmp; pwd\r");
        await t.waitFor(/\r\n\/tmp\r\n\/tmp # $/);
        await t.type("ecoh\x7f\x7fho fixed\r");
        await t.waitFor(/\r\nfixed\r\n\/tmp # $/);
        await t.type("sleep 30\r");
        await pause(500);
        await t.type("\x03");
        await t.waitFor(/sleep 30\r\n\^C\r\n\/tmp # $/, 5_000);
        await t.type("exit 3\r");
        const code = await t.exited();
        assert.equal(code, 3, t.screen);
        assert.match(t.screen, /command terminated with exit code 3/);
      } finally {
        t.kill();
      }
    });

    test("exec -- sleep 2 answers after about two seconds", async () => {
      const start = performance.now();
      ok(await run(["exec", "bb", "--", "sleep", "2"]), "exec sleep 2");
      const took = performance.now() - start;
      assert.ok(took >= 2_000, `took ${took} ms`);
    });

    test("attach shows a running container's output from now on", async () => {
      const t = terminal(["attach", "ticker"]);
      try {
        await t.waitFor(/tick \d+\r?\n[^]*tick \d+\r?\n/, 15_000);
        const ticks = [...t.screen.matchAll(/tick (\d+)/g)].map((m) => Number(m[1]));
        assert.ok(ticks.length >= 2 && ticks[0] > 1, `ticks ${ticks}`);
        assert.deepEqual(ticks, ticks.map((_, i) => ticks[0] + i));
      } finally {
        t.kill();
      }
    });

    test("run -it --rm with a shell: a prompt on Enter, a command, exit, and the pod is deleted", async () => {
      const t = terminal(["run", "shell", "-it", "--rm", "--image=busybox", "--restart=Never", "--", "sh"]);
      try {
        await t.waitFor(/If you don't see a command prompt, try pressing enter\./, 60_000);
        await t.type("\r");
        await t.waitFor(/\/ # $/);
        await t.type("echo inside $HOSTNAME\r");
        await t.waitFor(/\r\ninside shell\r\n\/ # $/);
        await t.type("exit\r");
        const code = await t.exited(60_000);
        assert.match(t.screen, /pod "shell" deleted/);
        assert.equal(code, 0, t.screen);
      } finally {
        t.kill();
      }
      const gone = await run(["get", "pod", "shell"]);
      assert.notEqual(gone.code, 0);
    });

    test("run -it's shell is the container's process: `exit 3` terminates it with 3 and the pod Failed", async () => {
      const t = terminal(["run", "three", "-it", "--image=busybox", "--restart=Never", "--", "sh"]);
      let code;
      try {
        await t.waitFor(/If you don't see a command prompt, try pressing enter\./, 60_000);
        await t.type("\r");
        await t.waitFor(/\/ # $/);
        await t.type("exit 3\r");
        code = await t.exited(60_000);
      } finally {
        t.kill();
      }
      // kubectl run reports the container's end and exits with its code.
      assert.equal(code, 3, t.screen);
      assert.match(t.screen, /pod default\/three terminated \(Error\)/);
      const jsonpath = "{.status.phase} {.status.containerStatuses[0].state.terminated.exitCode} {.status.containerStatuses[0].state.terminated.reason}";
      for (let i = 0; i < 40; i++) {
        const out = ok(await run(["get", "pod", "three", "-o", `jsonpath=${jsonpath}`]), "get three");
        if (out.startsWith("Failed")) break;
        await pause(250);
      }
      assert.equal(ok(await run(["get", "pod", "three", "-o", `jsonpath=${jsonpath}`]), "get three"), "Failed 3 Error");
    });

    test("debug -it: an ephemeral busybox shell beside a running container, seeing its processes (--target)", async () => {
      const t = terminal(["debug", "-it", "ticker", "--image=busybox", "--target=ticker", "-c", "dbg", "--", "sh"]);
      try {
        await t.waitFor(/If you don't see a command prompt, try pressing enter\./, 60_000);
        await t.type("\r");
        await t.waitFor(/\/ # $/);
        await t.type("ps\r");
        await t.waitFor(/while true; do[^]*\r\n\/ # $/);
        await t.type("exit\r");
        assert.equal(await t.exited(60_000), 0, t.screen);
      } finally {
        t.kill();
      }
      const jsonpath = "{.status.ephemeralContainerStatuses[0].name} {.status.ephemeralContainerStatuses[0].state.terminated.exitCode}";
      for (let i = 0; i < 40 && !ok(await run(["get", "pod", "ticker", "-o", `jsonpath=${jsonpath}`]), "get ticker").endsWith(" 0"); i++) await pause(250);
      assert.equal(ok(await run(["get", "pod", "ticker", "-o", `jsonpath=${jsonpath}`]), "get ticker"), "dbg 0");
    });

    test("run -i --rm with a command shows its output, then deletes the pod", async () => {
      const result = await run(["run", "once", "-i", "--rm", "--image=busybox", "--restart=Never", "--", "sh", "-c", "echo hello from once"]);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /hello from once/);
      assert.match(result.stdout, /pod "once" deleted/);
    });
  });
}
