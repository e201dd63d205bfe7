// A stand-in for the simulated container runtime (src/cluster/kubelet/runtime-adapter), for lifecycle tests that
// need precise control over timings. A container's command is read as keywords, not run:
//   `sleep`            the process ignores SIGTERM (killed after the grace period), as a shell's sleep does
//   `run N; exit C`    it exits with code C after N seconds (N defaults to 1)
//   `ready-after N`    its probe file exists from N seconds after start
//   `unhealthy-after N` … and is gone again from N seconds after start
// Exec probes check that file; other probes pass. Images containing "does-not-exist" fail to pull.
type Json = Record<string, any>;

function number(script: string, pattern: RegExp): number | undefined {
  const match = script.match(pattern);
  return match ? Number(match[1]) : undefined;
}

export function pull(image: string) {
  return image.includes("does-not-exist")
    ? { ok: false, message: "rpc error: code = NotFound desc = not found" }
    : { ok: true, size: "medium", digest: "sha256:abc" };
}

export function invalidImageMessage(image: string): string | undefined {
  return image !== image.toLowerCase() ? `Failed to apply default image tag "${image}": bad` : undefined;
}

export function start(spec: { command?: string[] }) {
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
  };
}

export function probe(probe: Json, _container: Json, process: any, at: number) {
  if (!probe.exec) return { ok: true, message: "" };
  return { ok: process.fileExists("/tmp/ready", at), message: "cat: can't open '/tmp/ready': No such file or directory" };
}
