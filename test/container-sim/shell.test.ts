import { describe, expect, it } from "vitest";
import { startProcess } from "../../src/container-sim/index";
import type { ProcessSpec } from "../../src/container-sim/index";
import { directory } from "./directories";

const T0 = Date.UTC(2024, 0, 1, 12, 0, 0);
const spec = (script: string, extra: Partial<ProcessSpec> = {}): ProcessSpec => ({
  image: "busybox:1.36", command: ["sh", "-c", script], env: {}, hostname: "pod-a", ...extra,
});
const run = (script: string, extra: Partial<ProcessSpec> = {}) => startProcess(spec(script, extra), T0);
const stdout = (script: string, extra: Partial<ProcessSpec> = {}) =>
  run(script, extra).output(0, 1e9).filter((l) => l.stream === "stdout").map((l) => l.text);

describe("shell interpreter over virtual time", () => {
  it("runs the Job example: lines at 0, 1000, 2000 ms and exits 0 at 3000", () => {
    const p = run("for i in 1 2 3; do echo $i; sleep 1; done");
    expect(p.output(0, 10_000).map((l) => [l.atMs, l.text])).toEqual([[0, "1"], [1000, "2"], [2000, "3"]]);
    expect(p.exit).toEqual({ atMs: 3000, code: 0, reason: "Completed" });
  });

  it("interprets an infinite loop lazily, up to the time asked", () => {
    const p = run("while true; do echo hi; sleep 5; done");
    expect(p.output(0, 12_000).map((l) => l.atMs)).toEqual([0, 5000, 10000]);
    expect(p.output(10_000, 21_000).map((l) => l.atMs)).toEqual([10000, 15000, 20000]);
    expect(p.exit).toBeUndefined();
  });

  it("the CrashLoop example prints, sleeps and exits 1", () => {
    const p = run("echo hi; sleep 5; exit 1");
    expect(p.output(0, 1e9).map((l) => l.text)).toEqual(["hi"]);
    expect(p.exit).toEqual({ atMs: 5000, code: 1, reason: "Error" });
  });

  it("the liveness example: /tmp/healthy exists at 10 s, not at 35 s", () => {
    const p = run("touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600");
    expect(p.fileExists("/tmp/healthy", 10_000)).toBe(true);
    expect(p.fileExists("/tmp/healthy", 35_000)).toBe(false);
    expect(p.exec(["cat", "/tmp/healthy"], 35_000)).toMatchObject({ exitCode: 1, stderr: "cat: can't open '/tmp/healthy': No such file or directory\n" });
    expect(p.exec(["cat", "/tmp/healthy"], 10_000).exitCode).toBe(0);
    expect(p.exit).toEqual({ atMs: 630_000, code: 0, reason: "Completed" });
  });

  it("expands variables, quoting, $? $$ and $HOSTNAME", () => {
    expect(stdout(`A=1; B="x  y"; echo "$A" $B "$B" '$A' \${A}z; false; echo $? $$ $HOSTNAME`, { env: {} })).toEqual(["1 x y x  y $A 1z", "1 1 pod-a"]);
    expect(stdout(`echo "\${MISSING:-dflt}" \${GREETING}`, { env: { GREETING: "hello" } })).toEqual(["dflt hello"]);
  });

  it("echo -n/-e and printf", () => {
    expect(stdout(`echo -n a; echo b; echo -e "x\\ty"; printf '%s=%d\\n' a 1 b 2`)).toEqual(["ab", "x\ty", "a=1", "b=2"]);
  });

  it("&&, || and ; follow exit statuses", () => {
    expect(stdout("true && echo yes; false && echo no; false || echo fallback; true || echo skipped")).toEqual(["yes", "fallback"]);
  });

  it("pipes through grep, wc -l, head and tail", () => {
    expect(stdout("seq 1 10 | grep 1 | wc -l; seq 5 | head -n 2; seq 5 | tail -1; echo a b | cat")).toEqual(["2", "1", "2", "5", "a b"]);
  });

  it("if/elif/else, test and [ ]", () => {
    const script = `X=5; if [ "$X" -lt 3 ]; then echo small; elif test $X -eq 5; then echo five; else echo big; fi
      [ -z "" ] && echo empty; [ -n "a" ] && echo nonempty; [ a != b ] && echo differ; [ -e /nope ] || echo missing
      [ 7 -gt 3 ] && echo gt`;
    expect(stdout(script)).toEqual(["five", "empty", "nonempty", "differ", "missing", "gt"]);
  });

  it("while and until loops with arithmetic", () => {
    expect(stdout("i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done; until [ $i -eq 0 ]; do i=$((i - 1)); done; echo end $i $((2*3+1))")).toEqual(["0", "1", "2", "end 0 7"]);
  });

  it("files: > >> cat, mkdir -p, spec files, test -f", () => {
    const p = run("mkdir -p /data/x; echo one > /data/x/f; echo two >> /data/x/f; cat /data/x/f; cat /config/app.conf; [ -f /data/x/f ] && echo isfile", { mounts: [{ mountPath: "/config", source: directory({ "app.conf": "key=value\n" }) }] });
    expect(p.output(0, 1e9).map((l) => l.text)).toEqual(["one", "two", "key=value", "isfile"]);
  });

  it("date uses the virtual clock and the wall start time", () => {
    expect(stdout("date; sleep 61; date +%H:%M:%S")).toEqual(["Mon Jan  1 12:00:00 UTC 2024", "12:01:01"]);
  });

  it("hostname, env and command substitution", () => {
    const lines = stdout("hostname; echo \"I am $(hostname)\"; env | grep '^MODE='", { env: { MODE: "prod" } });
    expect(lines).toEqual(["pod-a", "I am pod-a", "MODE=prod"]);
  });

  it("unknown commands print `sh: foo: not found` and exit 127", () => {
    const p = run("foo");
    expect(p.output(0, 1e9)).toEqual([{ atMs: 0, stream: "stderr", text: "sh: foo: not found" }]);
    expect(p.exit).toMatchObject({ code: 127, reason: "Error" });
  });

  it("sleep accepts fractions and infinity", () => {
    expect(run("sleep 0.5; echo x").output(0, 1e9)[0].atMs).toBe(500);
    const forever = run("echo start; sleep infinity");
    expect(forever.exit).toBeUndefined();
    expect(forever.output(0, 1e12).length).toBe(1);
  });

  it("trap on TERM marks the process as stopping on SIGTERM; a bare sleep does not", () => {
    expect(run("trap 'exit 0' TERM; while true; do sleep 1; done").stopsOnSigterm).toBe(true);
    expect(run("sleep 3600").stopsOnSigterm).toBe(false);
  });

  it("a busy loop is bounded by the step budget", () => {
    const p = run("while true; do echo spin; done");
    expect(p.output(0, 1, 100)).toHaveLength(100);
    expect(p.exit).toBeUndefined();
  });

  it("set -e stops at the first failure", () => {
    expect(run("set -e; echo a; false; echo b").exit).toMatchObject({ code: 1 });
  });

  it("wget to itself and to unknown names", () => {
    const p = run("wget -qO- http://nowhere || echo failed");
    expect(p.output(0, 1e9).map((l) => l.text)).toEqual(["wget: bad address 'nowhere'", "failed"]);
  });

  it("nc -l listens on a port", () => {
    const p = run("sleep 2; nc -l -p 8080");
    expect(p.listening(8080, 1000)).toBe(false);
    expect(p.listening(8080, 3000)).toBe(true);
  });

  it("syntax errors exit 2", () => {
    expect(run("if true; then echo x").exit).toMatchObject({ code: 2 });
  });
});
