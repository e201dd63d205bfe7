// Execs kept by the kubelet (ProcessSpec.execs) are made again at their moments: the container's program, later
// execs and the served files see what they wrote, and a process started without them does not.
import { describe, expect, it } from "vitest";
import { startProcess, type ProcessSpec, type RecordedExec } from "../../src/container-sim/index";

const T0 = Date.UTC(2024, 0, 1, 12, 0, 0);
const write = (atMs: number, script: string): RecordedExec => ({ command: ["sh", "-c", script], atMs, stdin: "", stdinClosed: true });

describe("execs kept in a container's run", () => {
  const loop: ProcessSpec = { image: "busybox:1.36", command: ["sh", "-c", "while true; do cat /tmp/x 2>/dev/null || echo none; sleep 5; done"], env: {}, hostname: "bb" };

  it("the container's program reads what an exec wrote, from the exec's moment on", () => {
    const process = startProcess({ ...loop, execs: [write(12_000, "echo hi > /tmp/x")] }, T0);
    expect(process.output(0, 30_000).map((l) => `${l.atMs} ${l.text}`)).toEqual(["0 none", "5000 none", "10000 none", "15000 hi", "20000 hi", "25000 hi"]);
  });

  it("an exit scan far ahead does not hide an exec: the process is started with it", () => {
    const process = startProcess({ ...loop, execs: [write(12_000, "echo hi > /tmp/x")] }, T0);
    expect(process.exit).toBeUndefined();
    expect(process.output(14_000, 16_000).map((l) => l.text)).toEqual(["hi"]);
  });

  it("later execs see an earlier one's files, in order; without the record the layer is as the image made it", () => {
    const execs = [write(2_000, "mkdir -p /data && echo one > /data/f"), write(3_000, "echo two >> /data/f")];
    const process = startProcess({ ...loop, execs }, T0);
    expect(process.exec(["cat", "/data/f"], 2_500).stdout).toBe("one\n");
    expect(startProcess({ ...loop, execs }, T0).exec(["cat", "/data/f"], 4_000).stdout).toBe("one\ntwo\n");
    expect(startProcess(loop, T0).exec(["cat", "/data/f"], 4_000).exitCode).toBe(1);
  });

  it("an exec reports whether it wrote to the layer", () => {
    const process = startProcess(loop, T0);
    expect(process.exec(["cat", "/etc/hostname"], 1_000).wroteLayer).toBeUndefined();
    expect(process.exec(["sh", "-c", "echo x > /tmp/y"], 1_000).wroteLayer).toBe(true);
    // Not kept by the process itself: the kubelet keeps it and starts the process again.
    expect(process.exec(["cat", "/tmp/y"], 2_000).exitCode).toBe(1);
  });

  it("nginx serves a page an exec wrote into its html", () => {
    const nginx: ProcessSpec = { image: "nginx:1.27", env: {}, hostname: "web" };
    expect(startProcess(nginx, T0).httpGet(80, "/", 10_000)?.body).toMatch(/Welcome to nginx/);
    const written = startProcess({ ...nginx, execs: [write(5_000, "echo hi > /usr/share/nginx/html/index.html")] }, T0);
    expect(written.httpGet(80, "/", 4_000)?.body).toMatch(/Welcome to nginx/);
    expect(written.httpGet(80, "/", 10_000)?.body).toBe("hi\n");
  });

  it("an exec's output keeps a last line without a newline as it is", () => {
    expect(startProcess(loop, T0).exec(["printf", "a\\nb"], 1_000).stdout).toBe("a\nb");
  });
});
