// What the dashboard says about pods and nodes: kubectl's status words (as the cluster's Table prints them),
// readiness, allocation.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../src/api/object";
import type { Table } from "../../src/api/table";
import { toTable } from "../../src/cluster/apiserver/table";
import { resources } from "../../src/cluster/registry/resources";
import type { Row } from "../../src/dashboard/cluster-client";
import { age, allocatable, formatAmount, nodeFacts, podState, requested, unscheduledReason } from "../../src/dashboard/pod-state";

const pod = (spec: Record<string, unknown>, status: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): KubeObject =>
  ({ apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "default", ...meta }, spec: { containers: [{ name: "c" }], ...spec }, status }) as KubeObject;

const podsDef = resources.find((d) => d.group === "" && d.resource === "pods")!;

/** The pod as the cluster's Table prints it for `kubectl get pods` (what the dashboard reads), as one row. */
function printed(p: KubeObject): Row {
  const table = JSON.parse(JSON.stringify(toTable(podsDef, [p], 0, "Object", {}))) as Table;
  return { object: p, cells: table.rows[0].cells, columns: table.columnDefinitions };
}

describe("podState", () => {
  it("an unscheduled pod is Pending", () => {
    expect(podState(printed(pod({}, { phase: "Pending" })))).toEqual({ label: "Pending", tone: "pending" });
  });
  it("a pod on a node whose containers are being created is ContainerCreating (Pending until the kubelet says so)", () => {
    expect(podState(printed(pod({ nodeName: "n" }, { phase: "Pending" })))).toEqual({ label: "Pending", tone: "pending" });
    const waiting = { containerStatuses: [{ name: "c", state: { waiting: { reason: "ContainerCreating" } } }] };
    expect(podState(printed(pod({ nodeName: "n" }, { phase: "Pending", ...waiting })))).toEqual({ label: "ContainerCreating", tone: "creating" });
  });
  it("Running, Completed and Failed as kubectl prints them", () => {
    const running = { containerStatuses: [{ name: "c", ready: true, state: { running: {} } }] };
    expect(podState(printed(pod({ nodeName: "n" }, { phase: "Running", ...running })))).toEqual({ label: "Running", tone: "running" });
    const completed = { containerStatuses: [{ name: "c", state: { terminated: { exitCode: 0, reason: "Completed" } } }] };
    expect(podState(printed(pod({ nodeName: "n" }, { phase: "Succeeded", ...completed })))).toEqual({ label: "Completed", tone: "succeeded" });
    const failed = { containerStatuses: [{ name: "c", state: { terminated: { exitCode: 1, reason: "Error" } } }] };
    expect(podState(printed(pod({ nodeName: "n" }, { phase: "Failed", ...failed })))).toEqual({ label: "Error", tone: "failed" });
    expect(podState(printed(pod({ nodeName: "n" }, { phase: "Failed", reason: "Evicted" })))).toEqual({ label: "Evicted", tone: "failed" });
  });
  it("init containers show Init:N/M, and a started sidecar lets the pod run", () => {
    const spec = { nodeName: "n", initContainers: [{ name: "setup" }, { name: "proxy", restartPolicy: "Always" }] };
    const initializing = { phase: "Pending", initContainerStatuses: [{ name: "setup", state: { running: {} } }, { name: "proxy", state: { waiting: { reason: "PodInitializing" } } }] };
    expect(podState(printed(pod(spec, initializing)))).toEqual({ label: "Init:0/2", tone: "creating" });
    const running = {
      phase: "Running",
      conditions: [{ type: "Initialized", status: "True" }, { type: "Ready", status: "True" }],
      initContainerStatuses: [
        { name: "setup", state: { terminated: { exitCode: 0, reason: "Completed" } } },
        { name: "proxy", ready: true, started: true, restartCount: 1, state: { running: {} } },
      ],
      containerStatuses: [{ name: "c", ready: true, restartCount: 2, state: { running: {} } }],
    };
    expect(podState(printed(pod(spec, running)))).toEqual({ label: "Running", tone: "running" });
  });
  it("a container in CrashLoopBackOff wins over the Running phase", () => {
    const status = { phase: "Running", containerStatuses: [{ name: "c", state: { waiting: { reason: "CrashLoopBackOff" } } }] };
    expect(podState(printed(pod({ nodeName: "n" }, status)))).toEqual({ label: "CrashLoopBackOff", tone: "crash" });
  });
  it("image pull failures show their reason as a failure", () => {
    const status = { phase: "Pending", containerStatuses: [{ name: "c", state: { waiting: { reason: "ImagePullBackOff" } } }] };
    expect(podState(printed(pod({ nodeName: "n" }, status)))).toEqual({ label: "ImagePullBackOff", tone: "failed" });
  });
  it("a pod being deleted is Terminating whatever its phase", () => {
    expect(podState(printed(pod({ nodeName: "n" }, { phase: "Running" }, { deletionTimestamp: "2026-01-01T00:00:00Z" })))).toEqual({ label: "Terminating", tone: "terminating" });
  });
});

describe("pod facts", () => {
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
