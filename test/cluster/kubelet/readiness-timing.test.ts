// When a pod with a readiness probe becomes Ready: the kubelet runs the first readiness probe as soon as its status
// sync after the container's start asks for it (within a second), not one period later, so a server that listens at
// once is Ready about a second after it starts, with no Unhealthy event.
import { describe, expect, it } from "vitest";
import { simulatedRuntime } from "../../../src/cluster/kubelet/simulated-runtime";
import { harness, makePod, t0 } from "./sim-harness";

/** Drive the pod from one due moment to the next until it is Ready; the ms after t0 at which it became Ready. */
function readyAt(pod: ReturnType<typeof makePod>, h: ReturnType<typeof harness>): number {
  let now = 0;
  for (let step = 0; step < 100; step++) {
    const result = h.at(now);
    if (h.condition("Ready")?.status === "True") return now;
    if (result.nextAt === undefined) break;
    now = result.nextAt - t0;
  }
  throw new Error(`never Ready: ${JSON.stringify(pod.status)}`);
}

describe("readiness timing", () => {
  it("makes an nginx pod with a readiness probe (no initial delay) Ready a second after its container starts", () => {
    const pod = makePod({ containers: [{ name: "web", image: "nginx:1.25", readinessProbe: { httpGet: { path: "/", port: 80 }, periodSeconds: 10 } }] });
    const h = harness(pod, t0, {}, simulatedRuntime);
    const ready = readyAt(pod, h);
    const started = h.events.find((e) => e.reason === "Started").at - t0;
    expect(ready - started).toBeGreaterThan(0);
    expect(ready - started).toBeLessThanOrEqual(1000);
    expect(h.reasons()).not.toContain("Unhealthy");
  });

  it("still waits for initialDelaySeconds when it is longer", () => {
    const probe = { httpGet: { path: "/", port: 80 }, initialDelaySeconds: 5, periodSeconds: 10 };
    const pod = makePod({ containers: [{ name: "web", image: "nginx:1.25", readinessProbe: probe }] });
    const h = harness(pod, t0, {}, simulatedRuntime);
    const ready = readyAt(pod, h);
    const started = h.events.find((e) => e.reason === "Started").at - t0;
    expect(ready - started).toBeGreaterThanOrEqual(5000);
    expect(ready - started).toBeLessThan(6000);
  });
});
