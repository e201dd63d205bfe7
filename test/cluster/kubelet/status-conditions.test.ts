// The kubelet writes its own pod conditions and keeps those of other components.
import { describe, expect, it } from "vitest";

import { harness, makePod } from "./sim-harness";

describe("pod conditions", () => {
  it("keeps a condition another component set (the scheduler's DisruptionTarget), and its own stay unique", () => {
    const pod = makePod({ containers: [{ name: "c", image: "nginx:1.25" }] });
    const h = harness(pod);
    h.at(10_000);
    const disruption = { type: "DisruptionTarget", status: "True", reason: "PreemptionByScheduler", message: "x: preempting", lastTransitionTime: "2025-01-01T00:00:10Z" };
    pod.status.conditions.push(disruption);
    h.at(20_000);
    expect(pod.status.conditions).toContainEqual(disruption);
    const types = pod.status.conditions.map((c: { type: string }) => c.type);
    expect(types).toEqual(["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled", "DisruptionTarget"]);
  });
});
