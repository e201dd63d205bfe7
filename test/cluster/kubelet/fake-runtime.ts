// A stand-in for the simulated container runtime (the kubelet's runtime port, src/cluster/kubelet/runtime-port.ts),
// for lifecycle tests that need precise control over timings; sim-harness.ts passes it to the kubelet by default. A container's command is read as keywords, not run:
//   `sleep`            the process ignores SIGTERM (killed after the grace period), as a shell's sleep does
//   `run N; exit C`    it exits with code C after N seconds (N defaults to 1)
//   `ready-after N`    its probe file exists from N seconds after start
//   `unhealthy-after N` … and is gone again from N seconds after start
// Exec probes check that file; other probes pass. Images containing "does-not-exist" fail to pull.
import type { ContainerRuntimePort, ProbeOutcome, PullResult, SimulatedProcess } from "../../../src/cluster/kubelet/runtime-port";
import type { ProbeSpec } from "../../../src/container-sim/index";

function number(script: string, pattern: RegExp): number | undefined {
  const match = script.match(pattern);
  return match ? Number(match[1]) : undefined;
}

function pull(image: string): PullResult {
  return image.includes("does-not-exist")
    ? { ok: false, message: "rpc error: code = NotFound desc = not found" }
    : { ok: true, size: "medium", digest: "sha256:abc" };
}

function invalidImageMessage(image: string): string | undefined {
  return image !== image.toLowerCase() ? `Failed to apply default image tag "${image}": bad` : undefined;
}

function start(spec: { command?: string[] }): SimulatedProcess {
  const script = (spec.command ?? []).join(" ");
  const code = number(script, /exit (\d+)/);
  const after = number(script, /run (\d+)/) ?? 1;
  const readyAfter = (number(script, /ready-after (\d+)/) ?? 0) * 1000;
  const unhealthyAfter = (number(script, /unhealthy-after (\d+)/) ?? Number.POSITIVE_INFINITY) * 1000;
  return {
    output: () => [],
    exit: code === undefined ? undefined : { atMs: after * 1000, code, reason: code === 0 ? "Completed" : "Error" },
    ports: [80],
    stopsOnSigterm: !/\bsleep\b/.test(script),
    fileExists: (_path: string, at: number) => at >= readyAfter && at < unhealthyAfter,
    httpGet: () => ({ status: 200, body: "" }),
    accept: () => ({ answer: { status: 200, body: "" }, log: [] }),
    listening: () => true,
    exec: () => ({ exitCode: 0, stdout: "", stderr: "" }),
  };
}

function probe(probe: ProbeSpec, _container: unknown, process: SimulatedProcess, at: number): ProbeOutcome {
  if (!probe.exec) return { ok: true, message: "" };
  return { ok: process.fileExists("/tmp/ready", at), message: "cat: can't open '/tmp/ready': No such file or directory" };
}

export const fakeRuntime: ContainerRuntimePort = { pull, invalidImageMessage, start, probe };
