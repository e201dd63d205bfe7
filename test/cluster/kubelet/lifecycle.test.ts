// The lifecycle simulation against a stand-in runtime (the real one is tested in test/container-sim/).
import { describe, expect, it } from "vitest";
import type { ContainerRuntimePort } from "../../../src/cluster/kubelet/runtime-port";
import { harness as simHarness, t0, timing } from "./sim-harness";

const runtime: ContainerRuntimePort = {
  pull: (image) =>
    image.includes("does-not-exist")
      ? { ok: false, message: "rpc error: code = NotFound desc = not found" }
      : { ok: true, size: "medium", digest: "sha256:abc" },
  invalidImageMessage: (image) => (image !== image.toLowerCase() ? `Failed to apply default image tag "${image}": bad` : undefined),
  start: (spec) => {
    const script = (spec.command ?? []).join(" ");
    const exit = script.includes("exit 1") ? ({ atMs: 5000, code: 1, reason: "Error" } as const) : script.includes("exit 0") ? ({ atMs: 2000, code: 0, reason: "Completed" } as const) : undefined;
    return {
      output: (from: number, until: number) => (from <= 0 && until > 0 ? [{ atMs: 0, stream: "stdout", text: "hi" }] : []),
      exit,
      ports: [80],
      stopsOnSigterm: !script.includes("sleep"),
      fileExists: (_path: string, at: number) => at < 30_000,
      httpGet: () => ({ status: 200, body: "" }),
      accept: () => ({ answer: { status: 200, body: "" }, log: [] }),
      listening: () => true,
      exec: () => ({ exitCode: 0, stdout: "", stderr: "" }),
    };
  },
  probe: (probe, _c, process, at) =>
    probe.exec ? { ok: process.fileExists("/tmp/healthy", at), message: "cat: can't open '/tmp/healthy': No such file or directory" } : { ok: true, message: "" },
};

function makePod(container: Record<string, unknown>, spec: Record<string, unknown> = {}) {
  return {
    metadata: { name: "p", namespace: "default", uid: "uid-1" },
    spec: { nodeName: "worker-1", restartPolicy: "Always", terminationGracePeriodSeconds: 30, containers: [{ name: "c", image: "nginx:1.25", ...container }], ...spec },
    status: { phase: "Pending" },
  } as any;
}

const harness = (pod: any, configMaps: Record<string, Record<string, string>> = {}) => simHarness(pod, t0, configMaps, runtime);

describe("advancePod", () => {
  it("pulls, creates and starts a server, then has nothing due", () => {
    const pod = makePod({});
    const h = harness(pod);
    const first = h.at(0);
    expect(first.nextAt).toBe(t0 + timing.podSandboxMs);
    expect(pod.status.containerStatuses[0].state.waiting.reason).toBe("ContainerCreating");
    const done = h.at(60_000);
    expect(done.nextAt).toBeUndefined();
    expect(h.reasons()).toEqual(["Pulling", "Pulled", "Created", "Started"]);
    expect(h.events[1].message).toMatch(/^Successfully pulled image "nginx:1.25" in 3\.5s \(3\.5s including waiting\)\. Image size: \d+ bytes\.$/);
    expect(pod.status.phase).toBe("Running");
    expect(pod.status.podIP).toBe("10.244.1.2");
    expect(pod.status.containerStatuses[0]).toMatchObject({ ready: true, started: true, restartCount: 0, image: "docker.io/library/nginx:1.25" });
    expect(pod.status.conditions.find((c: any) => c.type === "Ready").status).toBe("True");
  });

  it("shows ErrImagePull, then ImagePullBackOff, and retries after 10s then 20s", () => {
    const pod = makePod({ image: "nginx:does-not-exist" });
    const h = harness(pod);
    const pulledAt = timing.podSandboxMs + timing.imagePullMs.small;
    h.at(pulledAt);
    expect(pod.status.containerStatuses[0].state.waiting.reason).toBe("ErrImagePull");
    h.at(pulledAt + 1000);
    expect(pod.status.containerStatuses[0].state.waiting).toEqual({ reason: "ImagePullBackOff", message: 'Back-off pulling image "nginx:does-not-exist"' });
    const pulls = () => h.events.filter((e) => e.reason === "Pulling").map((e) => e.at - t0);
    h.at(pulledAt + 60_000);
    expect(pulls()).toEqual([timing.podSandboxMs, pulledAt + 10_000, pulledAt + 10_000 + timing.imagePullMs.small + 20_000]);
    expect(h.events.some((e) => e.message === "Error: ErrImagePull")).toBe(true);
    expect(pod.status.phase).toBe("Pending");
  });

  it("restarts a crashing container at once, then backs off with CrashLoopBackOff", () => {
    const pod = makePod({ image: "busybox:1.36", command: ["sh", "-c", "echo hi; exit 1"] });
    const h = harness(pod);
    const startedAt = timing.podSandboxMs + timing.imagePullMs.medium + timing.containerStartMs;
    h.at(startedAt + 5000);
    const secondStart = startedAt + 5000 + timing.containerStartMs;
    h.at(secondStart + 5000 + 2000);
    const status = pod.status.containerStatuses[0];
    expect(status.state.waiting.reason).toBe("CrashLoopBackOff");
    expect(status.state.waiting.message).toBe("back-off 10s restarting failed container=c pod=p_default(uid-1)");
    expect(status.lastState.terminated).toMatchObject({ exitCode: 1, reason: "Error" });
    expect(status.restartCount).toBe(1);
    expect(pod.status.phase).toBe("Running");
    expect(h.events.find((e) => e.reason === "BackOff").message).toBe("Back-off restarting failed container c in pod p_default(uid-1)");
    const restarted = h.at(secondStart + 5000 + 10_000 + timing.containerStartMs);
    expect(pod.status.containerStatuses[0].restartCount).toBe(2);
    expect(pod.status.containerStatuses[0].state.running).toBeDefined();
    expect(restarted.nextAt).toBe(t0 + secondStart + 5000 + 10_000 + timing.containerStartMs + 5000);
  });

  it("completes a restartPolicy Never pod as Succeeded", () => {
    const pod = makePod({ image: "busybox:1.36", command: ["sh", "-c", "exit 0"] }, { restartPolicy: "Never" });
    const h = harness(pod);
    const result = h.at(60_000);
    expect(result.nextAt).toBeUndefined();
    expect(pod.status.phase).toBe("Succeeded");
    expect(pod.status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 0, reason: "Completed" });
    expect(pod.status.conditions.find((c: any) => c.type === "Ready")).toMatchObject({ status: "False", reason: "PodCompleted" });
  });

  it("blocks on a missing ConfigMap with CreateContainerConfigError and starts once it exists", () => {
    const configMaps: Record<string, Record<string, string>> = {};
    const pod = makePod({ env: [{ name: "A", valueFrom: { configMapKeyRef: { name: "app", key: "a" } } }] });
    const h = harness(pod, configMaps);
    expect(h.at(60_000).nextAt).toBeUndefined();
    expect(pod.status.containerStatuses[0].state.waiting).toEqual({ reason: "CreateContainerConfigError", message: 'configmap "app" not found' });
    configMaps.app = { a: "1" };
    h.at(61_000);
    h.at(62_000);
    expect(pod.status.containerStatuses[0].state.running).toBeDefined();
  });

  it("restarts a container whose liveness probe fails three times", () => {
    const pod = makePod({ image: "busybox:1.36", command: ["sh", "-c", "touch /tmp/healthy; sleep 600"], livenessProbe: { exec: { command: ["cat", "/tmp/healthy"] }, initialDelaySeconds: 5, periodSeconds: 5, failureThreshold: 3 } });
    const h = harness(pod);
    h.at(120_000);
    const unhealthy = h.events.filter((e) => e.reason === "Unhealthy");
    expect(unhealthy.length).toBeGreaterThanOrEqual(3);
    expect(unhealthy[0].message).toBe("Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
    expect(h.events.find((e) => e.reason === "Killing").message).toBe("Container c failed liveness probe, will be restarted");
    expect(pod.status.containerStatuses[0].restartCount).toBe(1);
    expect(pod.status.containerStatuses[0].lastState.terminated).toMatchObject({ exitCode: 137, reason: "Error" });
  });

  it("stops containers on deletion: at once for a server, after the grace period for one ignoring SIGTERM", () => {
    const server = harness(makePod({}));
    server.at(60_000);
    expect(server.at(61_000, { graceSeconds: 30 }).stopped).toBe(true);
    expect(server.events.at(-1)).toMatchObject({ reason: "Killing", message: "Stopping container c" });
    const sleeper = harness(makePod({ image: "busybox:1.36", command: ["sleep", "3600"] }));
    sleeper.at(60_000);
    const first = sleeper.at(61_000, { graceSeconds: 30 });
    expect(first).toMatchObject({ stopped: false, nextAt: t0 + 91_000 });
    expect(sleeper.at(91_000, { graceSeconds: 30 }).stopped).toBe(true);
  });
});
