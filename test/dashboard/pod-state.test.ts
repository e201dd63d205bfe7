// What the dashboard says about pods and nodes: kubectl's status words, readiness, allocation.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../src/api/object";
import { age, allocatable, formatAmount, nodeFacts, podReadiness, podState, requested, unscheduledReason } from "../../src/dashboard/pod-state";

const pod = (spec: Record<string, unknown>, status: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): KubeObject =>
  ({ apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "default", ...meta }, spec: { containers: [{ name: "c" }], ...spec }, status }) as KubeObject;

describe("podState", () => {
  it("an unscheduled pod is Pending", () => {
    expect(podState(pod({}, { phase: "Pending" }))).toEqual({ label: "Pending", tone: "pending" });
  });
  it("a pod on a node whose containers have not started is ContainerCreating", () => {
    expect(podState(pod({ nodeName: "n" }, { phase: "Pending" }))).toEqual({ label: "ContainerCreating", tone: "creating" });
    const waiting = { containerStatuses: [{ name: "c", state: { waiting: { reason: "ContainerCreating" } } }] };
    expect(podState(pod({ nodeName: "n" }, { phase: "Pending", ...waiting })).label).toBe("ContainerCreating");
  });
  it("Running, Succeeded (Completed) and Failed follow the phase", () => {
    expect(podState(pod({ nodeName: "n" }, { phase: "Running" }))).toEqual({ label: "Running", tone: "running" });
    expect(podState(pod({ nodeName: "n" }, { phase: "Succeeded" }))).toEqual({ label: "Completed", tone: "succeeded" });
    expect(podState(pod({ nodeName: "n" }, { phase: "Failed" }))).toEqual({ label: "Failed", tone: "failed" });
    expect(podState(pod({ nodeName: "n" }, { phase: "Failed", reason: "Evicted" })).label).toBe("Evicted");
  });
  it("a container in CrashLoopBackOff wins over the Running phase", () => {
    const status = { phase: "Running", containerStatuses: [{ name: "c", state: { waiting: { reason: "CrashLoopBackOff" } } }] };
    expect(podState(pod({ nodeName: "n" }, status))).toEqual({ label: "CrashLoopBackOff", tone: "crash" });
  });
  it("image pull failures show their reason as a failure", () => {
    const status = { phase: "Pending", containerStatuses: [{ name: "c", state: { waiting: { reason: "ImagePullBackOff" } } }] };
    expect(podState(pod({ nodeName: "n" }, status))).toEqual({ label: "ImagePullBackOff", tone: "failed" });
  });
  it("a pod being deleted is Terminating whatever its phase", () => {
    expect(podState(pod({ nodeName: "n" }, { phase: "Running" }, { deletionTimestamp: "2026-01-01T00:00:00Z" }))).toEqual({ label: "Terminating", tone: "terminating" });
  });
});

describe("pod facts", () => {
  it("readiness counts ready containers and restarts", () => {
    const p = pod({ containers: [{ name: "a" }, { name: "b" }] }, { containerStatuses: [{ name: "a", ready: true, restartCount: 2 }, { name: "b", ready: false, restartCount: 1 }] });
    expect(podReadiness(p)).toEqual({ ready: "1/2", restarts: 3 });
  });
  it("the unscheduled reason comes from the PodScheduled condition", () => {
    const p = pod({}, { conditions: [{ type: "PodScheduled", status: "False", reason: "Unschedulable", message: "0/3 nodes are available" }] });
    expect(unscheduledReason(p)).toBe("Unschedulable: 0/3 nodes are available");
    expect(unscheduledReason(pod({}))).toBe("waiting for the scheduler");
  });
});

describe("nodes", () => {
  const node = {
    metadata: { name: "cp", labels: { "node-role.kubernetes.io/control-plane": "" } },
    spec: { unschedulable: true, taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }] },
    status: { allocatable: { cpu: "2", memory: "4Gi" }, conditions: [{ type: "Ready", status: "True" }] },
  } as KubeObject;

  it("role, readiness, cordon and taints", () => {
    expect(nodeFacts(node)).toEqual({ role: "control-plane", ready: true, readyLabel: "Ready", cordoned: true, taints: ["node-role.kubernetes.io/control-plane:NoSchedule"] });
    expect(nodeFacts({ metadata: { name: "w" } } as KubeObject)).toMatchObject({ role: "worker", ready: false, readyLabel: "Unknown" });
  });

  it("requests of non-terminal pods against allocatable", () => {
    const running = pod({ nodeName: "cp", containers: [{ name: "a", resources: { requests: { cpu: "250m", memory: "64Mi" } } }, { name: "b", resources: { requests: { cpu: "0.5" } } }] }, { phase: "Running" });
    const done = pod({ nodeName: "cp", containers: [{ name: "a", resources: { requests: { cpu: "1" } } }] }, { phase: "Succeeded" });
    expect(requested([running, done], "cpu")).toBe(0.75);
    expect(requested([running, done], "memory")).toBe(64 * 2 ** 20);
    expect(allocatable(node, "memory")).toBe(4 * 2 ** 30);
    expect(formatAmount("cpu", 0.75)).toBe("0.75");
    expect(formatAmount("memory", 64 * 2 ** 20)).toBe("64Mi");
    expect(formatAmount("memory", 3.5 * 2 ** 30)).toBe("3.5Gi");
  });
});

describe("age", () => {
  it("prints like kubectl's short ages", () => {
    const now = Date.parse("2026-01-02T00:00:00Z");
    expect(age("2026-01-01T23:59:30Z", now)).toBe("30s");
    expect(age("2026-01-01T23:50:00Z", now)).toBe("10m");
    expect(age("2026-01-01T19:00:00Z", now)).toBe("5h");
    expect(age("2025-12-28T00:00:00Z", now)).toBe("5d");
  });
});
