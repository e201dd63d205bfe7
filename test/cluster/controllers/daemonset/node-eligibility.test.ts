import { describe, expect, it } from "vitest";
import type { Taint } from "../../../../src/api/schemas/core/node";
import { nodeVerdict, pinnedNode, pinToNode } from "../../../../src/cluster/controllers/daemonset/node-eligibility";
import { templateHash } from "../../../../src/cluster/controllers/daemonset/revisions";
import { scaledValue } from "../../../../src/cluster/controllers/daemonset/controller";

const node = (name: string, labels: Record<string, string> = {}, taints: Taint[] = []) => ({ metadata: { name, labels }, spec: { taints } });
const controlPlaneTaint = { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" };

describe("nodeVerdict", () => {
  it("skips nodes with untolerated NoSchedule taints but lets running pods stay", () => {
    expect(nodeVerdict({}, node("cp", {}, [controlPlaneTaint]))).toEqual({ shouldRun: false, shouldContinueRunning: true });
    const tolerating = { tolerations: [{ key: "node-role.kubernetes.io/control-plane", operator: "Exists", effect: "NoSchedule" }] };
    expect(nodeVerdict(tolerating, node("cp", {}, [controlPlaneTaint]))).toEqual({ shouldRun: true, shouldContinueRunning: true });
  });
  it("evicts from nodes with untolerated NoExecute taints", () => {
    expect(nodeVerdict({}, node("w", {}, [{ key: "dedicated", value: "db", effect: "NoExecute" }]))).toEqual({ shouldRun: false, shouldContinueRunning: false });
  });
  it("runs on cordoned and not-ready nodes through the daemon tolerations", () => {
    const taints = [
      { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" },
      { key: "node.kubernetes.io/not-ready", effect: "NoExecute" },
    ];
    expect(nodeVerdict({}, node("w", {}, taints)).shouldRun).toBe(true);
  });
  it("follows nodeSelector and required node affinity", () => {
    expect(nodeVerdict({ nodeSelector: { disk: "ssd" } }, node("w", { disk: "hdd" })).shouldRun).toBe(false);
    const affinity = {
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "zone", operator: "In", values: ["a", "b"] }] }] } } },
    };
    expect(nodeVerdict(affinity, node("w", { zone: "b" })).shouldRun).toBe(true);
    expect(nodeVerdict(affinity, node("w", { zone: "c" })).shouldRun).toBe(false);
  });
});

describe("pinToNode", () => {
  it("adds a matchFields metadata.name term, keeping the template's expressions", () => {
    const spec: any = {
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }] }] } } },
    };
    pinToNode(spec, "worker-1");
    expect(spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms).toEqual([
      { matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }], matchFields: [{ key: "metadata.name", operator: "In", values: ["worker-1"] }] },
    ]);
    expect(pinnedNode(spec)).toBe("worker-1");
    const bare: any = {};
    pinToNode(bare, "worker-2");
    expect(pinnedNode(bare)).toBe("worker-2");
  });
});

describe("templateHash and maxUnavailable", () => {
  it("is stable under key order, differs for different templates, and uses the safe alphabet", () => {
    const a = templateHash({ metadata: { labels: { app: "x" } }, spec: { containers: [{ name: "c", image: "i:1" }] } });
    const b = templateHash({ spec: { containers: [{ image: "i:1", name: "c" }] }, metadata: { labels: { app: "x" } } });
    expect(a).toBe(b);
    expect(a).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(templateHash({ spec: { containers: [{ name: "c", image: "i:2" }] } })).not.toBe(a);
    expect(templateHash({ spec: {} }, 1)).not.toBe(templateHash({ spec: {} }));
  });
  it("scales percentages up, as the DaemonSet controller does", () => {
    expect(scaledValue(1, 10)).toBe(1);
    expect(scaledValue("25%", 10)).toBe(3);
    expect(scaledValue("0%", 10)).toBe(0);
  });
});
