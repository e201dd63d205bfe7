import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../../src/api/object";
import {
  cleanupUnhealthy,
  maxScaledDown,
  maxSurgeOf,
  maxUnavailableOf,
  newReplicaSetSize,
  proportionalScale,
  resolveFenceposts,
  scaleDownOld,
  scaledValue,
} from "../../../../src/cluster/controllers/deployment/rollout-math";

function deployment(replicas: number, maxSurge: unknown = "25%", maxUnavailable: unknown = "25%", type = "RollingUpdate"): KubeObject {
  return {
    metadata: { name: "web" },
    spec: { replicas, strategy: type === "RollingUpdate" ? { type, rollingUpdate: { maxSurge, maxUnavailable } } : { type } },
    status: {},
  };
}

function rs(name: string, replicas: number, available: number, created: string, annotations: Record<string, string> = {}): KubeObject {
  return { metadata: { name, creationTimestamp: created, annotations }, spec: { replicas }, status: { replicas, availableReplicas: available } };
}

describe("budgets", () => {
  it("rounds percentages like intstr: surge up, unavailability down", () => {
    expect(scaledValue("25%", 10, true)).toBe(3);
    expect(scaledValue("25%", 10, false)).toBe(2);
    expect(scaledValue(2, 10, true)).toBe(2);
    expect(resolveFenceposts("25%", "25%", 3)).toEqual({ surge: 1, unavailable: 0 });
    expect(resolveFenceposts("25%", "25%", 10)).toEqual({ surge: 3, unavailable: 2 });
  });

  it("makes unavailability 1 when both budgets resolve to 0", () => {
    expect(resolveFenceposts("10%", "10%", 1)).toEqual({ surge: 1, unavailable: 0 });
    expect(resolveFenceposts(0, "10%", 5)).toEqual({ surge: 0, unavailable: 1 });
  });

  it("caps unavailability at the replica count and gives Recreate no budgets", () => {
    expect(maxUnavailableOf(deployment(2, 0, 5))).toBe(2);
    expect(maxSurgeOf(deployment(3, "25%", "25%", "Recreate"))).toBe(0);
    expect(maxUnavailableOf(deployment(3, "25%", "25%", "Recreate"))).toBe(0);
  });
});

describe("a rolling update of 3 replicas with 25%/25%", () => {
  const d = deployment(3);
  const old = rs("web-old", 3, 3, "2025-01-01T00:00:00Z");

  it("first surges the new ReplicaSet by one pod", () => {
    const fresh = rs("web-new", 0, 0, "2025-01-01T00:01:00Z");
    expect(newReplicaSetSize(d, [old, fresh], fresh)).toBe(1);
  });

  it("scales nothing down until a new pod is available (maxUnavailable rounds to 0)", () => {
    const fresh = rs("web-new", 1, 0, "2025-01-01T00:01:00Z");
    expect(maxScaledDown(d, [old, fresh], fresh)).toBe(0);
  });

  it("then removes one old pod per available new pod", () => {
    const fresh = rs("web-new", 1, 1, "2025-01-01T00:01:00Z");
    expect(maxScaledDown(d, [old, fresh], fresh)).toBe(1);
    expect(scaleDownOld(d, [old, fresh], [old])).toEqual([{ rs: old, replicas: 2 }]);
  });

  it("does not grow past replicas + maxSurge", () => {
    const fresh = rs("web-new", 1, 1, "2025-01-01T00:01:00Z");
    expect(newReplicaSetSize(d, [old, fresh], fresh)).toBe(1);
    const shrunk = rs("web-old", 2, 2, "2025-01-01T00:00:00Z");
    expect(newReplicaSetSize(d, [shrunk, fresh], fresh)).toBe(2);
  });

  it("Recreate sizes the new ReplicaSet at once", () => {
    const fresh = rs("web-new", 0, 0, "2025-01-01T00:01:00Z");
    expect(newReplicaSetSize(deployment(3, 0, 0, "Recreate"), [old, fresh], fresh)).toBe(3);
  });
});

describe("cleanupUnhealthy", () => {
  it("shrinks the oldest ReplicaSets by their unavailable pods first, within the budget", () => {
    const a = rs("a", 3, 1, "2025-01-01T00:00:00Z");
    const b = rs("b", 2, 0, "2025-01-01T00:01:00Z");
    expect(cleanupUnhealthy([b, a], 3)).toEqual([
      { rs: a, replicas: 1 },
      { rs: b, replicas: 1 },
    ]);
  });
});

describe("proportionalScale", () => {
  it("splits a resize mid-rollout by each ReplicaSet's share (the documented 10 → 15 example)", () => {
    const d = deployment(15, 3, 2);
    const annotations = { "deployment.kubernetes.io/max-replicas": "13" };
    const old = rs("old", 8, 8, "2025-01-01T00:00:00Z", annotations);
    const fresh = rs("new", 5, 0, "2025-01-01T00:01:00Z", annotations);
    const steps = proportionalScale(d, [old, fresh]);
    expect(steps.map((s) => [s.rs.metadata.name, s.replicas])).toEqual([
      ["old", 11],
      ["new", 7],
    ]);
  });

  it("takes everything away when scaled to zero", () => {
    const d = deployment(0, 3, 2);
    const steps = proportionalScale(d, [rs("old", 8, 8, "2025-01-01T00:00:00Z"), rs("new", 5, 0, "2025-01-01T00:01:00Z")]);
    expect(steps.map((s) => s.replicas)).toEqual([0, 0]);
  });
});
