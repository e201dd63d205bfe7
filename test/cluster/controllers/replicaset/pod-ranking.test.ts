import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../../src/api/object";
import { podsToDelete } from "../../../../src/cluster/controllers/replicaset/pod-ranking";

function pod(name: string, opts: { node?: string; phase?: string; ready?: boolean; readySince?: string; created?: string; restarts?: number } = {}): KubeObject {
  return {
    metadata: { name, creationTimestamp: opts.created ?? "2025-01-01T00:00:00Z" },
    spec: opts.node ? { nodeName: opts.node } : {},
    status: {
      phase: opts.phase ?? "Running",
      conditions: [{ type: "Ready", status: opts.ready ? "True" : "False", lastTransitionTime: opts.readySince ?? "2025-01-01T00:01:00Z" }],
      containerStatuses: [{ name: "c", restartCount: opts.restarts ?? 0 }],
    },
  };
}

const names = (pods: KubeObject[]) => pods.map((p) => p.metadata.name);

describe("podsToDelete", () => {
  it("deletes unscheduled pods before scheduled ones", () => {
    const pods = [pod("scheduled", { node: "n1", phase: "Pending" }), pod("unscheduled", { phase: "Pending" })];
    expect(names(podsToDelete(pods, 1))).toEqual(["unscheduled"]);
  });

  it("deletes pending before running, and not-ready before ready", () => {
    const pods = [pod("running-ready", { node: "n1", ready: true }), pod("running", { node: "n2" }), pod("pending", { node: "n3", phase: "Pending" })];
    expect(names(podsToDelete(pods, 2))).toEqual(["pending", "running"]);
  });

  it("prefers pods doubled up on a node", () => {
    const pods = [pod("alone", { node: "n1", ready: true }), pod("shared-1", { node: "n2", ready: true }), pod("shared-2", { node: "n2", ready: true })];
    expect(names(podsToDelete(pods, 1))[0]).toMatch(/^shared-/);
  });

  it("deletes the pod ready for less time, then more restarts, then the newer one", () => {
    const recent = pod("recent", { node: "n1", ready: true, readySince: "2025-01-01T00:05:00Z" });
    const long = pod("long", { node: "n2", ready: true, readySince: "2025-01-01T00:01:00Z" });
    expect(names(podsToDelete([long, recent], 1))).toEqual(["recent"]);
    const flaky = pod("flaky", { node: "n1", restarts: 3 });
    const steady = pod("steady", { node: "n2" });
    expect(names(podsToDelete([steady, flaky], 1))).toEqual(["flaky"]);
    const older = pod("older", { node: "n1", created: "2025-01-01T00:00:00Z" });
    const newer = pod("newer", { node: "n2", created: "2025-01-01T00:09:00Z" });
    expect(names(podsToDelete([older, newer], 1))).toEqual(["newer"]);
  });

  it("returns every pod when asked for as many", () => {
    expect(podsToDelete([pod("a"), pod("b")], 5)).toHaveLength(2);
  });
});
