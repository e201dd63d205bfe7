import { describe, expect, it } from "vitest";
import { podPhase } from "../../../src/cluster/kubelet/pod-status";

const running = { state: { running: {} } };
const exited = (code: number) => ({ state: { terminated: { exitCode: code } } });
const crashLooping = { state: { waiting: { reason: "CrashLoopBackOff" } }, lastState: { terminated: { exitCode: 1 } } };
const creating = { state: { waiting: { reason: "ContainerCreating" } }, lastState: {} };

describe("podPhase (the kubelet's getPhase)", () => {
  it("is Pending while initializing or while a container waits for its first start", () => {
    expect(podPhase([running], false, false, "Always")).toBe("Pending");
    expect(podPhase([running, creating], true, false, "Always")).toBe("Pending");
  });
  it("stays Running for a crash-looping container under restartPolicy Always", () => {
    expect(podPhase([crashLooping], true, false, "Always")).toBe("Running");
  });
  it("is Succeeded or Failed when every container stopped for good", () => {
    expect(podPhase([exited(0)], true, false, "Never")).toBe("Succeeded");
    expect(podPhase([exited(0), exited(2)], true, false, "Never")).toBe("Failed");
    expect(podPhase([exited(0)], true, false, "OnFailure")).toBe("Succeeded");
    expect(podPhase([], false, true, "Never")).toBe("Failed");
  });
});
