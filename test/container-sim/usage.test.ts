import { describe, expect, it } from "vitest";
import { containerUsage, startProcess, type ProcessSpec } from "../../src/container-sim/index";

const Mi = 1024 * 1024;
const spec = (image: string, extra: Partial<ProcessSpec> = {}): ProcessSpec => ({ image, env: {}, hostname: "pod-1", ...extra });
const at = (s: ProcessSpec, atMs: number, more: object = {}) => containerUsage(s, { atMs, ...more });

describe("container usage model", () => {
  it("an idle nginx uses a few Mi and about a millicore, steadily", () => {
    const nginx = spec("nginx:1.25");
    for (const t of [5_000, 60_000, 3_600_000]) {
      const u = at(nginx, t);
      expect(u.cpuMillis).toBeGreaterThan(0.5);
      expect(u.cpuMillis).toBeLessThan(1.5);
      expect(u.memoryBytes).toBeGreaterThan(2 * Mi);
      expect(u.memoryBytes).toBeLessThan(5 * Mi);
      expect(u.throttled).toBe(false);
    }
  });

  it("is the same every time it is asked (deterministic)", () => {
    expect(at(spec("redis"), 42_000)).toEqual(at(spec("redis"), 42_000));
  });

  it("a sleeping shell uses almost nothing; a loop without sleep takes a whole core", () => {
    const sleeper = spec("busybox", { command: ["sh", "-c", "while true; do echo hi; sleep 5; done"] });
    expect(at(sleeper, 10_000).cpuMillis).toBeLessThan(1);
    expect(at(sleeper, 10_000).memoryBytes).toBeLessThan(1 * Mi);
    const busy = spec("busybox", { command: ["sh", "-c", "while true; do :; done"] });
    expect(at(busy, 10_000).cpuMillis).toBe(1000);
    expect(at(spec("busybox", { command: ["yes"] }), 10_000).cpuMillis).toBe(1000);
    expect(at(spec("busybox", { command: ["sh", "-c", "yes > /dev/null"] }), 10_000).cpuMillis).toBe(1000);
    expect(at(spec("busybox", { args: ["sleep", "3600"] }), 10_000).cpuMillis).toBe(0);
  });

  it("CPU is capped at the limit and marked throttled", () => {
    const busy = spec("busybox", { command: ["sh", "-c", "while true; do :; done"] });
    expect(at(busy, 10_000, { cpuLimitMillis: 500 })).toMatchObject({ cpuMillis: 500, throttled: true });
  });

  it("polinux/stress --vm 1 --vm-bytes 150M holds about 150Mi (the memory task's memory-demo)", () => {
    const s = spec("polinux/stress", { command: ["stress"], args: ["--vm", "1", "--vm-bytes", "150M", "--vm-hang", "1"], memoryLimitBytes: 200 * Mi });
    const u = at(s, 30_000);
    expect(u.memoryBytes).toBeGreaterThan(148 * Mi);
    expect(u.memoryBytes).toBeLessThan(160 * Mi);
    expect(u.cpuMillis).toBeLessThan(100);
  });

  it("vish/stress allocates -mem-alloc-size every -mem-alloc-sleep up to -mem-total", () => {
    const s = spec("vish/stress", { args: ["-mem-total", "150Mi", "-mem-alloc-size", "10Mi", "-mem-alloc-sleep", "1s"] });
    expect(at(s, 500).memoryBytes).toBeLessThan(15 * Mi);
    expect(at(s, 4_500).memoryBytes).toBeGreaterThan(48 * Mi);
    expect(at(s, 4_500).memoryBytes).toBeLessThan(55 * Mi);
    expect(at(s, 60_000).memoryBytes).toBeGreaterThan(148 * Mi);
  });

  it("vish/stress -cpus 2 and progrium/stress --cpu 2 want two cores, throttled to a 1-CPU limit (the CPU task)", () => {
    expect(at(spec("vish/stress", { args: ["-cpus", "2"] }), 10_000).cpuMillis).toBe(2000);
    expect(at(spec("progrium/stress", { args: ["--cpu", "2"] }), 10_000).cpuMillis).toBe(2000);
    expect(at(spec("vish/stress", { args: ["-cpus", "2"] }), 10_000, { cpuLimitMillis: 1000 })).toMatchObject({ cpuMillis: 1000, throttled: true });
  });

  it("a server's CPU rises with the requests it answers", () => {
    const idle = at(spec("nginx"), 20_000).cpuMillis;
    const busy = at(spec("nginx"), 20_000, { requestsPerSecond: 100 }).cpuMillis;
    expect(busy).toBeGreaterThan(idle + 20);
    const unknown = spec("example.com/app:1");
    expect(at(unknown, 20_000, { requestsPerSecond: 50 }).cpuMillis).toBeGreaterThan(at(unknown, 20_000).cpuMillis + 30);
  });

  it("vish/stress is OOMKilled when its allocation crosses the limit", () => {
    const p = startProcess(spec("vish/stress", { args: ["-mem-total", "150Mi", "-mem-alloc-size", "10Mi", "-mem-alloc-sleep", "1s"], memoryLimitBytes: 100 * Mi }), 0);
    expect(p.exit).toMatchObject({ code: 137, reason: "OOMKilled" });
    expect(p.exit!.atMs).toBeGreaterThanOrEqual(8_000);
    expect(p.exit!.atMs).toBeLessThanOrEqual(10_000);
  });

  it("polinux/stress --vm-bytes 250M over a 100Mi limit is OOMKilled (memory-demo-2)", () => {
    const p = startProcess(spec("polinux/stress", { command: ["stress"], args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"], memoryLimitBytes: 100 * Mi }), 0);
    expect(p.exit).toMatchObject({ code: 137, reason: "OOMKilled" });
  });

  it("any program whose memory is over its limit is OOMKilled as it loads (mysqld's ~380Mi in 256Mi)", () => {
    const mysql = startProcess(spec("mysql:8", { env: { MYSQL_ROOT_PASSWORD: "x" }, memoryLimitBytes: 256 * Mi }), 0);
    expect(mysql.exit).toEqual({ atMs: 0, code: 137, reason: "OOMKilled" });
    expect(mysql.output(0, 10_000)).toEqual([]);
    const roomy = startProcess(spec("mysql:8", { env: { MYSQL_ROOT_PASSWORD: "x" }, memoryLimitBytes: 512 * Mi }), 0);
    expect(roomy.exit).toBeUndefined();
    const node = startProcess(spec("node:22", { command: ["node", "-e", "setInterval(() => {}, 1000)"], memoryLimitBytes: 16 * Mi }), 0);
    expect(node.exit).toMatchObject({ code: 137, reason: "OOMKilled" });
  });

  it("programs within their limit run as before (a shell in 8Mi, nginx in 5Mi)", () => {
    const p = startProcess(spec("busybox", { command: ["sh", "-c", "echo one; sleep 1; echo two"], memoryLimitBytes: 8 * Mi }), 0);
    expect(p.exit).toEqual({ atMs: 1000, code: 0, reason: "Completed" });
    const nginx = startProcess(spec("nginx:1.25", { memoryLimitBytes: 5 * Mi }), 0);
    expect(nginx.exit).toBeUndefined();
  });

  it("a limit below what runc needs to start the container is a StartError (init OOM-killed), whatever the program", () => {
    const p = startProcess(spec("nginx:1.25", { memoryLimitBytes: 1 * Mi }), 0);
    expect(p.exit).toEqual({
      atMs: 0,
      code: 128,
      reason: "StartError",
      message:
        "failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: container init was OOM-killed (memory limit too low?): unknown",
    });
  });
});
