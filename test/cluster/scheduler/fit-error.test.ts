import { describe, expect, it } from "vitest";
import { fitErrorMessage, reasonHistogram, unschedulableMessage } from "../../../src/cluster/scheduler/fit-error";
import type { FilterFailure } from "../../../src/cluster/scheduler/types";

const taint: FilterFailure = { plugin: "TaintToleration", reasons: ["node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"], unresolvable: true };
const cpu: FilterFailure = { plugin: "NodeResourcesFit", reasons: ["Insufficient cpu"], unresolvable: false };

describe("FailedScheduling message", () => {
  it("appends what preemption said after `preemption: `, as kube-scheduler 1.33 does", () => {
    const failures = new Map([["control-plane", taint], ["worker", cpu], ["worker2", cpu]]);
    const dryRun = "0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.";
    expect(unschedulableMessage(3, failures, dryRun)).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. " +
        "preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    );
  });

  it("has no preemption part when preemption found victims", () => {
    const failures = new Map([["control-plane", taint], ["worker", cpu]]);
    expect(unschedulableMessage(2, failures)).toBe(
      "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.",
    );
  });

  it("sorts the counted reasons as strings (count first), counting each reason of a node", () => {
    const both: FilterFailure = { plugin: "NodeResourcesFit", reasons: ["Insufficient cpu", "Insufficient memory"], unresolvable: false };
    expect(reasonHistogram([both.reasons, cpu.reasons, ["node(s) were unschedulable"]])).toBe("1 Insufficient memory, 1 node(s) were unschedulable, 2 Insufficient cpu");
    expect(fitErrorMessage(2, [both, cpu])).toBe("0/2 nodes are available: 1 Insufficient memory, 2 Insufficient cpu.");
  });

  it("reports pods that may not preempt, and clusters without nodes", () => {
    expect(unschedulableMessage(1, new Map([["w", cpu]]), "not eligible due to preemptionPolicy=Never.")).toBe(
      "0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.",
    );
    expect(unschedulableMessage(0, new Map(), "ignored")).toBe("no nodes available to schedule pods");
  });
});
