import { describe, expect, it } from "vitest";
import { podPhase } from "../../../src/cluster/kubelet/pod-status";

const running = (name = "c", extra: Record<string, unknown> = {}) => ({ name, state: { running: {} }, ...extra });
const exited = (code: number, name = "c") => ({ name, state: { terminated: { exitCode: code } } });
const crashLooping = (name = "c", code = 1) => ({ name, state: { waiting: { reason: "CrashLoopBackOff" } }, lastState: { terminated: { exitCode: code } } });
const waiting = (name = "c", reason = "ContainerCreating") => ({ name, state: { waiting: { reason } }, lastState: {} });
const noSidecars = () => false;
const sidecar = (name: string) => name === "proxy";

describe("podPhase (the kubelet's getPhase)", () => {
  it("is Pending while initializing or while a container waits for its first start", () => {
    expect(podPhase([running("init")], [waiting("c", "PodInitializing")], noSidecars, "Always", false)).toBe("Pending");
    expect(podPhase([], [running(), waiting("d")], noSidecars, "Always", false)).toBe("Pending");
  });
  it("stays Running for a crash-looping container under restartPolicy Always", () => {
    expect(podPhase([], [crashLooping()], noSidecars, "Always", true)).toBe("Running");
  });
  it("is Succeeded or Failed when every container stopped for good", () => {
    expect(podPhase([], [exited(0)], noSidecars, "Never", true)).toBe("Succeeded");
    expect(podPhase([], [exited(0), exited(2, "d")], noSidecars, "Never", true)).toBe("Failed");
    expect(podPhase([], [exited(0)], noSidecars, "OnFailure", true)).toBe("Succeeded");
    expect(podPhase([exited(1, "init")], [waiting("c", "PodInitializing")], noSidecars, "Never", false)).toBe("Failed");
  });
  it("a failed init container being retried keeps the pod Pending unless restartPolicy is Never", () => {
    expect(podPhase([crashLooping("init")], [waiting("c", "PodInitializing")], noSidecars, "OnFailure", false)).toBe("Pending");
  });
  it("counts a waiting container that ran before as stopped, not as succeeded", () => {
    expect(podPhase([], [crashLooping("c", 0)], noSidecars, "OnFailure", true)).toBe("Running");
  });
});

describe("podPhase with sidecars (restartable init containers)", () => {
  it("is Pending while a sidecar has not started, before the app containers ran", () => {
    const proxy = running("proxy", { started: false });
    expect(podPhase([proxy], [waiting("c", "PodInitializing")], sidecar, "Always", false)).toBe("Pending");
  });
  it("is Running once the app runs, even when the sidecar restarts (not started again yet)", () => {
    const proxy = running("proxy", { started: false });
    expect(podPhase([proxy], [running()], sidecar, "Always", true)).toBe("Running");
  });
  it("a running sidecar keeps a pod with finished app containers Running (the kubelet stops it next)", () => {
    expect(podPhase([running("proxy", { started: true })], [exited(0)], sidecar, "Never", true)).toBe("Running");
  });
  it("ignores the sidecar's own exit code: the app containers decide Succeeded or Failed", () => {
    expect(podPhase([exited(137, "proxy")], [exited(0)], sidecar, "Never", true)).toBe("Succeeded");
    expect(podPhase([exited(0, "proxy")], [exited(3)], sidecar, "Never", true)).toBe("Failed");
    expect(podPhase([crashLooping("proxy")], [exited(0)], sidecar, "Never", true)).toBe("Succeeded");
  });
});
