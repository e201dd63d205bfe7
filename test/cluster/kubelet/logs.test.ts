import { describe, expect, it } from "vitest";
import type { ContainerStatus, Pod } from "../../../src/api/schemas";
import { logSource, parseLogQuery, renderLines, rfc3339Nano } from "../../../src/cluster/kubelet/logs";

const t0 = Date.parse("2025-01-01T00:00:00Z");

type ContainerState = ContainerStatus["state"];

function pod(state: ContainerState, lastState: ContainerState = {}, containers = [{ name: "c" }], containerID?: string): Pod {
  const status = { name: "c", state, lastState, ready: false, restartCount: 0, image: "", imageID: "", ...(containerID ? { containerID } : {}) };
  return { metadata: { name: "p" }, spec: { nodeName: "worker-1", containers }, status: { containerStatuses: [status] } };
}

const terminated = { terminated: { containerID: "containerd://old", startedAt: "2025-01-01T00:00:00Z", finishedAt: "2025-01-01T00:00:05Z", exitCode: 1 } };

describe("logSource", () => {
  it("reads the running instance, or the last terminated one for --previous", () => {
    const p = pod({ running: { startedAt: "2025-01-01T00:00:10Z" } }, terminated, undefined, "containerd://new");
    expect(logSource(p, {})).toMatchObject({ containerID: "containerd://new", startedAt: t0 + 10_000 });
    expect(logSource(p, { previous: true })).toMatchObject({ containerID: "containerd://old", finishedAt: t0 + 5000 });
  });

  it("answers the kubelet's messages for waiting and missing previous containers", () => {
    expect(() => logSource(pod({ waiting: { reason: "ContainerCreating" } }), {})).toThrow('container "c" in pod "p" is waiting to start: ContainerCreating');
    expect(() => logSource(pod({ waiting: { reason: "ImagePullBackOff" } }), {})).toThrow('container "c" in pod "p" is waiting to start: trying and failing to pull image');
    expect(() => logSource(pod({ running: { startedAt: "2025-01-01T00:00:10Z" } }), { previous: true })).toThrow('previous terminated container "c" in pod "p" not found');
    expect(() => logSource(pod({}, {}, [{ name: "a" }, { name: "b" }]), {})).toThrow("a container name must be specified for pod p, choose one of: [a b]");
  });

  it("serves a crash-looping container's last run", () => {
    expect(logSource(pod({ waiting: { reason: "CrashLoopBackOff" } }, terminated), {})).toMatchObject({ containerID: "containerd://old" });
  });
});

describe("renderLines", () => {
  const process = {
    output: (from: number, until: number) =>
      [0, 1000, 2000, 3000].filter((at) => at >= from && at < until).map((at) => ({ atMs: at, stream: "stdout" as const, text: `line ${at / 1000}` })),
  } as any;
  const source = { container: { name: "c" }, containerID: "x", startedAt: t0 };

  it("applies tailLines, since, timestamps and limitBytes", () => {
    expect(renderLines(process, source, t0, t0 + 10_000, {})).toBe("line 0\nline 1\nline 2\nline 3\n");
    expect(renderLines(process, source, t0, t0 + 10_000, { tailLines: 2 })).toBe("line 2\nline 3\n");
    expect(renderLines(process, source, t0, t0 + 10_000, { sinceMs: t0 + 2000 })).toBe("line 2\nline 3\n");
    expect(renderLines(process, source, t0, t0 + 1500, { timestamps: true })).toBe("2025-01-01T00:00:00Z line 0\n2025-01-01T00:00:01Z line 1\n");
    expect(renderLines(process, source, t0, t0 + 10_000, { limitBytes: 9 })).toBe("line 0\nli");
  });

  it("merges a run's access-log lines with its output by time, before tailLines, since and timestamps", () => {
    const lines = [
      { atMs: t0 + 1000, stream: "stdout" as const, text: "GET /a" },
      { atMs: t0 + 2500, stream: "stdout" as const, text: "GET /b" },
    ];
    const access = (from: number, until: number) => lines.filter((l) => l.atMs >= from && l.atMs < until);
    expect(renderLines(process, source, t0, t0 + 10_000, {}, access)).toBe("line 0\nline 1\nGET /a\nline 2\nGET /b\nline 3\n");
    expect(renderLines(process, source, t0, t0 + 10_000, { tailLines: 2 }, access)).toBe("GET /b\nline 3\n");
    expect(renderLines(process, source, t0, t0 + 10_000, { sinceMs: t0 + 2200 }, access)).toBe("GET /b\nline 3\n");
    expect(renderLines(process, source, t0 + 2000, t0 + 2600, { timestamps: true }, access)).toBe("2025-01-01T00:00:02Z line 2\n2025-01-01T00:00:02.5Z GET /b\n");
  });

  it("formats RFC3339Nano without trailing zeros", () => {
    expect(rfc3339Nano(t0 + 120)).toBe("2025-01-01T00:00:00.12Z");
  });

  it("parses the query", () => {
    expect(parseLogQuery(new URLSearchParams("container=c&previous=true&tailLines=5&sinceSeconds=10&timestamps=true"), t0)).toMatchObject({
      container: "c",
      previous: true,
      tailLines: 5,
      sinceMs: t0 - 10_000,
      timestamps: true,
      follow: false,
    });
  });
});
