// A container whose command the image does not have: created, then the runtime fails to start it (StartError, exit
// code 128, containerd's message in the status and in a Warning Failed event), and it crash-loops like any failure.
import { describe, expect, it } from "vitest";
import { simulatedRuntime } from "../../../src/cluster/kubelet/simulated-runtime";
import { harness, makePod, t0 } from "./sim-harness";

const MESSAGE =
  'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "x": executable file not found in $PATH: unknown';

describe("a container whose command is not found", () => {
  it("terminates with StartError, exit code 128 and the runtime's message, and records a Failed event", () => {
    const pod = makePod({ containers: [{ name: "c", image: "busybox:1.36", command: ["x"] }] });
    const h = harness(pod, t0, {}, simulatedRuntime);
    h.at(0);
    h.at(30_000);
    const status = h.app("c");
    const terminated = status.state.terminated ?? status.lastState.terminated;
    expect(terminated).toMatchObject({ exitCode: 128, reason: "StartError", message: MESSAGE });
    expect(h.reasons()).toContain("Created");
    expect(h.reasons()).not.toContain("Started");
    const failed = h.events.find((e) => e.reason === "Failed");
    expect(failed).toMatchObject({ type: "Warning", message: `Error: ${MESSAGE}` });
  });

  it("keeps the message across a kubelet restart and crash-loops", () => {
    const pod = makePod({ containers: [{ name: "c", image: "busybox:1.36", command: ["x"] }] });
    const h = harness(pod, t0, {}, simulatedRuntime);
    h.at(0);
    h.at(30_000);
    h.restart(30_000);
    h.at(31_000);
    const status = h.app("c");
    expect(status.lastState.terminated?.message ?? status.state.terminated?.message).toBe(MESSAGE);
    h.at(120_000);
    expect(h.app("c").restartCount).toBeGreaterThan(0);
    expect(h.reasons()).toContain("BackOff");
  });

  it("a path that does not exist says stat", () => {
    const pod = makePod({ containers: [{ name: "c", image: "busybox:1.36", command: ["/app"] }] });
    const h = harness(pod, t0, {}, simulatedRuntime);
    h.at(0);
    h.at(30_000);
    const failed = h.events.find((e) => e.reason === "Failed");
    expect(failed.message).toContain('exec: "/app": stat /app: no such file or directory: unknown');
  });
});
