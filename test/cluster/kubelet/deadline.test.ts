// spec.activeDeadlineSeconds in the lifecycle simulation, against a stand-in runtime.
import { describe, expect, it } from "vitest";

import { harness, makePod, pullAndStart, t0, timing } from "./sim-harness";
import { activeDeadlineAt } from "../../../src/cluster/kubelet/deadline";
import { summarizePod } from "../../../src/cluster/registry/pods/printer";

const message = "Pod was active on the node longer than the specified deadline";
const server = { name: "c", image: "nginx:1.25" };
const sleeper = { name: "c", image: "busybox:1.36", command: ["sh", "-c", "sleep 3600"] };
const conditions = (pod: any) => pod.status.conditions.map((c: any) => `${c.type}=${c.status}${c.reason ? `/${c.reason}` : ""}`);

describe("activeDeadlineSeconds", () => {
  it("is a timer: the only step due for a quiet server is its deadline", () => {
    const pod = makePod({ activeDeadlineSeconds: 60, containers: [server] });
    const h = harness(pod);
    expect(h.at(30_000).nextAt).toBe(t0 + 60_000);
    expect(pod.status.phase).toBe("Running");
    expect(h.reasons()).not.toContain("DeadlineExceeded");
  });

  it("fails the pod with reason DeadlineExceeded once its containers stopped, and records the kubelet's event", () => {
    const pod = makePod({ activeDeadlineSeconds: 60, containers: [server] });
    const h = harness(pod);
    h.at(59_999);
    expect(pod.status.phase).toBe("Running");
    const result = h.at(60_000);
    expect(result.nextAt).toBeUndefined();
    expect(result.stopped).toBe(false);
    expect(h.events.slice(-2)).toEqual([
      { at: t0 + 60_000, type: "Normal", reason: "DeadlineExceeded", message, fieldPath: undefined },
      { at: t0 + 60_000, type: "Normal", reason: "Killing", message: "Stopping container c", fieldPath: "spec.containers{c}" },
    ]);
    expect(pod.status).toMatchObject({ phase: "Failed", reason: "DeadlineExceeded", message });
    expect(Object.keys(pod.status).slice(0, 4)).toEqual(["phase", "conditions", "message", "reason"]);
    expect(h.app("c")).toMatchObject({ ready: false, started: false, restartCount: 0 });
    expect(h.app("c").state.terminated).toMatchObject({ exitCode: 0, reason: "Completed", finishedAt: "2025-01-01T00:01:00Z" });
    expect(conditions(pod)).toEqual([
      "PodReadyToStartContainers=False",
      "Initialized=True",
      "Ready=False/PodFailed",
      "ContainersReady=False/PodFailed",
      "PodScheduled=True",
    ]);
    // printPod: the container's terminated reason overrides status.reason.
    expect(summarizePod(pod, t0 + 60_000).status).toBe("Completed");
  });

  it("waits for a container ignoring SIGTERM: Running until it is killed after the grace period, then Failed", () => {
    const pod = makePod({ activeDeadlineSeconds: 60, terminationGracePeriodSeconds: 20, containers: [sleeper] });
    const h = harness(pod);
    h.at(30_000);
    const first = h.at(60_000);
    expect(first.nextAt).toBe(t0 + 80_000);
    expect(pod.status.phase).toBe("Running");
    expect(pod.status.reason).toBeUndefined();
    expect(h.app("c").state.running).toBeDefined();
    h.at(80_000);
    expect(pod.status).toMatchObject({ phase: "Failed", reason: "DeadlineExceeded" });
    expect(h.app("c").state.terminated).toMatchObject({ exitCode: 137, reason: "Error" });
    expect(summarizePod(pod, t0 + 80_000).status).toBe("Error");
    expect(h.reasons().filter((r) => r === "DeadlineExceeded")).toHaveLength(1);
  });

  it("does not restart a container killed at the deadline, whatever the restartPolicy", () => {
    const pod = makePod({ restartPolicy: "Always", activeDeadlineSeconds: 30, containers: [server] });
    const h = harness(pod);
    h.at(30_000);
    expect(h.at(120_000).nextAt).toBeUndefined();
    expect(h.app("c").restartCount).toBe(0);
    expect(h.reasons().filter((r) => r === "Started")).toHaveLength(1);
  });

  it("fails a pod still waiting for its image at once, keeping the waiting state", () => {
    const pod = makePod({ activeDeadlineSeconds: 20, containers: [{ name: "c", image: "nginx:does-not-exist" }] });
    const h = harness(pod);
    h.at(19_000);
    expect(h.app("c").state.waiting.reason).toBe("ImagePullBackOff");
    h.at(20_000);
    expect(pod.status).toMatchObject({ phase: "Failed", reason: "DeadlineExceeded" });
    expect(h.app("c").state.waiting.reason).toBe("ImagePullBackOff");
    expect(h.reasons()).not.toContain("Killing");
    expect(h.at(60_000).nextAt).toBeUndefined();
    expect(h.reasons().filter((r) => r === "Pulling")).toHaveLength(2);
  });

  it("counts from status.startTime, so a rebuilt runtime honours the same deadline", () => {
    const pod = makePod({ activeDeadlineSeconds: 60, containers: [sleeper] });
    const h = harness(pod, t0 + 700);
    expect(activeDeadlineAt(pod, h.rt)).toBe(t0 + 60_000);
    h.at(10_000);
    expect(pod.status.startTime).toBe("2025-01-01T00:00:00Z");
    h.restart(25_000);
    expect(h.rt.containers[0]!.phase).toBe("running");
    expect(h.at(25_000).nextAt).toBe(t0 + 60_000);
    h.at(60_000);
    expect(h.events.at(-2)).toMatchObject({ at: t0 + 60_000, reason: "DeadlineExceeded" });
    h.at(90_000);
    expect(pod.status).toMatchObject({ phase: "Failed", reason: "DeadlineExceeded", message });
  });

  it("a deadline already past when the kubelet picks the pod up fails it at once", () => {
    const pod = makePod({ activeDeadlineSeconds: 5, containers: [server] });
    const h = harness(pod);
    h.at(4_000);
    h.restart(timing.podSandboxMs + pullAndStart + 10_000);
    h.at(timing.podSandboxMs + pullAndStart + 10_000);
    expect(pod.status).toMatchObject({ phase: "Failed", reason: "DeadlineExceeded" });
  });

  it("a deletion during the deadline's grace period removes the pod", () => {
    const pod = makePod({ activeDeadlineSeconds: 60, containers: [sleeper] });
    const h = harness(pod);
    h.at(60_000);
    expect(h.at(61_000, { graceSeconds: 0 }).stopped).toBe(true);
    expect(h.reasons().filter((r) => r === "Killing")).toHaveLength(1);
  });
});
