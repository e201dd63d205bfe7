// Sidecar containers (restartable init containers, KEP-753) in the lifecycle simulation, against a stand-in runtime.
import { describe, expect, it } from "vitest";

import { harness, makePod, pullAndStart, t0, timing } from "./sim-harness";
import { summarizePod } from "../../../src/cluster/registry/pods/printer";

const sandbox = timing.podSandboxMs;
const start = timing.containerStartMs;
/** Sidecars: `proxy` stops on SIGTERM, `logs` (a shell sleeping) ignores it. */
const proxy = { name: "proxy", image: "nginx:1.25", restartPolicy: "Always" };
const logs = { name: "logs", image: "busybox:1.36", restartPolicy: "Always", command: ["sh", "-c", "sleep infinity"] };
const app = { name: "app", image: "nginx:1.25" };

describe("sidecar ordering", () => {
  it("starts the next init container once the sidecar runs, and keeps the sidecar running beside the app", () => {
    const migrate = { name: "migrate", image: "busybox:1.36", command: ["sh", "-c", "run 3; exit 0"] };
    const pod = makePod({ initContainers: [proxy, migrate], containers: [app] });
    const h = harness(pod);
    const proxyStarted = sandbox + pullAndStart;
    h.at(proxyStarted - 1);
    expect(h.init("migrate").state.waiting.reason).toBe("PodInitializing");
    expect(summarizePod(pod, 0).status).toBe("Init:0/2");
    h.at(proxyStarted);
    expect(h.init("proxy")).toMatchObject({ started: true, ready: true, state: { running: {} } });
    expect(summarizePod(pod, 0)).toMatchObject({ status: "Init:1/2", ready: "1/2" });
    const migrateDone = proxyStarted + pullAndStart + 3000;
    h.at(migrateDone + start);
    expect(h.timeline()).toEqual([
      "300 Pulling spec.initContainers{proxy}",
      "3800 Pulled spec.initContainers{proxy}",
      "4200 Created spec.initContainers{proxy}",
      "4200 Started spec.initContainers{proxy}",
      "4200 Pulling spec.initContainers{migrate}",
      "7700 Pulled spec.initContainers{migrate}",
      "8100 Created spec.initContainers{migrate}",
      "8100 Started spec.initContainers{migrate}",
      "11100 Pulled spec.containers{app}",
      "11500 Created spec.containers{app}",
      "11500 Started spec.containers{app}",
    ]);
    expect(h.events.find((e) => e.reason === "Created" && e.fieldPath.includes("proxy")).message).toBe("Created container: proxy");
    expect(h.init("proxy")).toMatchObject({ started: true, ready: true, restartCount: 0, state: { running: { startedAt: "2025-01-01T00:00:04Z" } } });
    expect(h.init("migrate")).toMatchObject({ ready: true, started: false, state: { terminated: { exitCode: 0, reason: "Completed" } } });
    expect(pod.status.phase).toBe("Running");
    expect(pod.status.conditions.map((c: any) => `${c.type}=${c.status}`)).toEqual([
      "PodReadyToStartContainers=True",
      "Initialized=True",
      "Ready=True",
      "ContainersReady=True",
      "PodScheduled=True",
    ]);
    expect(summarizePod(pod, 0)).toEqual({ ready: "2/2", status: "Running", restarts: "0" });
  });

  it("holds the next init container until the sidecar's startup probe succeeds", () => {
    const probed = { ...proxy, command: ["nginx", "ready-after 6"], startupProbe: { exec: { command: ["cat", "/tmp/ready"] }, periodSeconds: 2, failureThreshold: 10 } };
    const pod = makePod({ initContainers: [probed, { name: "migrate", image: "busybox:1.36", command: ["run 1; exit 0"] }], containers: [app] });
    const h = harness(pod);
    const proxyStarted = sandbox + pullAndStart;
    h.at(proxyStarted + 5000);
    expect(h.init("proxy")).toMatchObject({ started: false, ready: false, state: { running: {} } });
    expect(h.reasons().filter((r) => r === "Pulling")).toHaveLength(1);
    expect(h.condition("Initialized")).toMatchObject({ status: "False", reason: "ContainersNotInitialized", message: "containers with incomplete status: [proxy migrate]" });
    expect(pod.status.phase).toBe("Pending");
    h.at(proxyStarted + 6000);
    expect(h.init("proxy")).toMatchObject({ started: true, ready: true });
    const pulls = h.events.filter((e) => e.reason === "Pulling").map((e) => `${e.at - t0} ${e.fieldPath}`);
    expect(pulls).toEqual([`${sandbox} spec.initContainers{proxy}`, `${proxyStarted + 6000} spec.initContainers{migrate}`]);
    expect(h.events.filter((e) => e.reason === "Unhealthy")[0].message).toBe("Startup probe failed: cat: can't open '/tmp/ready': No such file or directory");
  });

  it("counts the sidecar's readiness for Ready and ContainersReady", () => {
    const gated = { ...proxy, command: ["nginx", "ready-after 20"], readinessProbe: { exec: { command: ["cat", "/tmp/ready"] }, periodSeconds: 5 } };
    const pod = makePod({ initContainers: [gated], containers: [app] });
    const h = harness(pod);
    h.at(15_000);
    expect(h.app("app")).toMatchObject({ ready: true, state: { running: {} } });
    expect(h.init("proxy")).toMatchObject({ started: true, ready: false });
    expect(h.condition("Initialized").status).toBe("True");
    for (const type of ["Ready", "ContainersReady"]) {
      expect(h.condition(type)).toMatchObject({ status: "False", reason: "ContainersNotReady", message: "containers with unready status: [proxy]" });
    }
    expect(summarizePod(pod, 0)).toMatchObject({ ready: "1/2", status: "Running" });
    h.at(30_000);
    expect(h.init("proxy").ready).toBe(true);
    expect(h.condition("Ready").status).toBe("True");
    expect(summarizePod(pod, 0).ready).toBe("2/2");
  });
});

describe("sidecar restarts", () => {
  it("restarts an exited sidecar whatever the pod's restartPolicy, with the crash back-off", () => {
    const crashing = { ...proxy, command: ["nginx", "run 5; exit 1"] };
    const pod = makePod({ restartPolicy: "Never", initContainers: [crashing], containers: [app] });
    const h = harness(pod);
    const proxyStarted = sandbox + pullAndStart;
    const firstExit = proxyStarted + 5000;
    h.at(firstExit + start);
    expect(h.init("proxy")).toMatchObject({ restartCount: 1, state: { running: {} }, lastState: { terminated: { exitCode: 1, reason: "Error" } } });
    const secondExit = firstExit + start + 5000;
    h.at(secondExit + 2000);
    expect(h.init("proxy")).toMatchObject({ restartCount: 1, started: false, ready: false, state: { waiting: { reason: "CrashLoopBackOff" } } });
    expect(h.init("proxy").state.waiting.message).toBe("back-off 10s restarting failed container=proxy pod=p_default(uid-1)");
    expect(pod.status.phase).toBe("Running");
    expect(h.app("app").state.running).toBeDefined();
    expect(h.condition("Initialized").status).toBe("True");
    expect(h.condition("Ready")).toMatchObject({ status: "False", message: "containers with unready status: [proxy]" });
    // printPod: a restarting sidecar reads Init:<reason> even after initialization; its restarts count.
    expect(summarizePod(pod, t0 + secondExit + 2000)).toMatchObject({ ready: "1/2", status: "Init:CrashLoopBackOff", restarts: "1 (2s ago)" });
    h.at(secondExit + 10_000 + start);
    expect(h.init("proxy")).toMatchObject({ restartCount: 2, state: { running: {} } });
    expect(h.app("app").restartCount).toBe(0);
  });

  it("kills a sidecar whose liveness probe fails with the init container message, and restarts it", () => {
    const flaky = { ...proxy, command: ["nginx", "unhealthy-after 20"], livenessProbe: { exec: { command: ["cat", "/tmp/ready"] }, periodSeconds: 5, failureThreshold: 1 } };
    const pod = makePod({ restartPolicy: "Never", initContainers: [flaky], containers: [app] });
    const h = harness(pod);
    h.at(40_000);
    expect(h.events.find((e) => e.reason === "Killing")).toMatchObject({ message: "Init container proxy failed liveness probe", fieldPath: "spec.initContainers{proxy}" });
    expect(h.init("proxy").restartCount).toBe(1);
    expect(pod.status.phase).toBe("Running");
  });

  it("a rebuilt runtime keeps the started sidecar and carries on with the next init container", () => {
    const migrate = { name: "migrate", image: "busybox:1.36", command: ["run 3; exit 0"] };
    const pod = makePod({ initContainers: [proxy, migrate], containers: [app] });
    const h = harness(pod);
    const migrateStarted = sandbox + 2 * pullAndStart;
    h.at(migrateStarted + 1000);
    expect(h.init("migrate").state.running).toBeDefined();
    h.restart(migrateStarted + 1500);
    h.at(migrateStarted + 10_000);
    expect(h.init("proxy")).toMatchObject({ restartCount: 0, started: true, state: { running: {} } });
    expect(h.app("app").state.running).toBeDefined();
    expect(h.reasons().filter((r) => r === "Started")).toHaveLength(3);
  });
});

describe("sidecars when the pod ends", () => {
  it("a restartPolicy Never pod succeeds when its main container exits 0: sidecars are stopped in reverse order", () => {
    const main = { name: "main", image: "busybox:1.36", command: ["run 4; exit 0"] };
    const pod = makePod({ restartPolicy: "Never", initContainers: [proxy, logs], containers: [main] });
    const h = harness(pod);
    const mainStarted = sandbox + 2 * pullAndStart + start; // busybox is on the node by then
    const mainExit = mainStarted + 4000;
    h.at(mainExit - 1);
    expect(pod.status.phase).toBe("Running");
    const ending = h.at(mainExit);
    // Both sidecars are told at once; `logs` (declared last) gets SIGTERM first and ignores it for the grace period,
    // `proxy` waits for it, then stops at once.
    expect(h.events.filter((e) => e.reason === "Killing").map((e) => `${e.at - t0} ${e.message}`)).toEqual([
      `${mainExit} Stopping container proxy`,
      `${mainExit} Stopping container logs`,
    ]);
    expect(ending.nextAt).toBe(t0 + mainExit + 30_000);
    expect(pod.status.phase).toBe("Running");
    expect(h.init("proxy").state.running).toBeDefined();
    const done = h.at(mainExit + 30_000);
    expect(done.nextAt).toBeUndefined();
    expect(done.stopped).toBe(false);
    expect(pod.status.phase).toBe("Succeeded");
    expect(h.init("logs").state.terminated).toMatchObject({ exitCode: 137, reason: "Error" });
    expect(h.init("proxy").state.terminated).toMatchObject({ exitCode: 0, reason: "Completed" });
    expect(Date.parse(h.init("proxy").state.terminated.finishedAt)).toBeGreaterThanOrEqual(Date.parse(h.init("logs").state.terminated.finishedAt));
    expect(h.init("proxy").restartCount).toBe(0);
    expect(pod.status.conditions.map((c: any) => `${c.type}=${c.status}${c.reason ? `/${c.reason}` : ""}`)).toEqual([
      "PodReadyToStartContainers=False",
      "Initialized=True/PodCompleted",
      "Ready=False/PodCompleted",
      "ContainersReady=False/PodCompleted",
      "PodScheduled=True",
    ]);
    expect(summarizePod(pod, 0)).toMatchObject({ ready: "0/3", status: "Completed" });
  });

  it("a runtime rebuilt while sidecars are being stopped does not restart them", () => {
    const main = { name: "main", image: "busybox:1.36", command: ["run 4; exit 0"] };
    const pod = makePod({ restartPolicy: "Never", initContainers: [logs, proxy], containers: [main] });
    const h = harness(pod);
    const mainExit = sandbox + 2 * pullAndStart + start + 4000;
    h.at(mainExit + 1000);
    expect(h.init("proxy").state.terminated).toMatchObject({ exitCode: 0 });
    expect(h.init("logs").state.running).toBeDefined();
    h.restart(mainExit + 2000);
    h.at(mainExit + 2000);
    expect(pod.status.phase).toBe("Running");
    h.at(mainExit + 40_000);
    expect(pod.status.phase).toBe("Succeeded");
    expect(h.reasons().filter((r) => r === "Pulled" || r === "Started")).toHaveLength(6);
    expect(h.init("logs")).toMatchObject({ restartCount: 0, state: { terminated: { exitCode: 137 } } });
    expect(h.init("proxy")).toMatchObject({ restartCount: 0, state: { terminated: { exitCode: 0 } } });
  });

  it("a sidecar's own failure does not fail the pod, and its back-off stops when the pod ends", () => {
    const crashing = { ...proxy, command: ["nginx", "run 2; exit 1"] };
    const main = { name: "main", image: "busybox:1.36", command: ["run 30; exit 0"] };
    const pod = makePod({ restartPolicy: "Never", initContainers: [crashing], containers: [main] });
    const h = harness(pod);
    expect(h.at(120_000).nextAt).toBeUndefined();
    expect(pod.status.phase).toBe("Succeeded");
    expect(h.init("proxy").restartCount).toBeGreaterThan(0);
  });

  it("fails a Never pod whose regular init container fails, once its sidecar has stopped", () => {
    const setup = { name: "setup", image: "busybox:1.36", command: ["run 1; exit 3"] };
    const pod = makePod({ restartPolicy: "Never", initContainers: [logs, setup], containers: [app] });
    const h = harness(pod);
    const setupExit = sandbox + 2 * pullAndStart + 1000;
    h.at(setupExit);
    expect(h.init("setup").state.terminated.exitCode).toBe(3);
    expect(pod.status.phase).toBe("Pending");
    expect(h.events.at(-1)).toMatchObject({ reason: "Killing", message: "Stopping container logs" });
    h.at(setupExit + 30_000);
    expect(pod.status.phase).toBe("Failed");
    expect(h.condition("Initialized")).toMatchObject({ status: "False", reason: "ContainersNotInitialized", message: "containers with incomplete status: [logs setup]" });
    expect(h.condition("Ready")).toMatchObject({ status: "False", reason: "PodFailed" });
    expect(h.app("app").state.waiting.reason).toBe("PodInitializing");
    expect(summarizePod(pod, 0).status).toBe("Init:Error");
  });

  it("on deletion stops app containers first, then sidecars in reverse order, with what is left of the grace period", () => {
    const sleeper = { name: "app", image: "busybox:1.36", command: ["sleep 3600"] };
    const pod = makePod({ initContainers: [proxy, logs], containers: [sleeper] });
    const h = harness(pod);
    h.at(60_000);
    expect(h.app("app").state.running).toBeDefined();
    const first = h.at(61_000, { graceSeconds: 10 });
    expect(h.events.filter((e) => e.reason === "Killing").map((e) => `${e.at - t0} ${e.message}`)).toEqual([
      "61000 Stopping container proxy",
      "61000 Stopping container logs",
      "61000 Stopping container app",
    ]);
    expect(first).toMatchObject({ stopped: false, nextAt: t0 + 71_000 });
    // The app is killed at the end of the grace period; the sleeping sidecar then gets SIGTERM and the 2 s minimum.
    const second = h.at(71_000, { graceSeconds: 10 });
    expect(h.app("app").state.terminated).toMatchObject({ exitCode: 137 });
    expect(h.init("logs").state.running).toBeDefined();
    expect(second).toMatchObject({ stopped: false, nextAt: t0 + 73_000 });
    expect(h.at(73_000, { graceSeconds: 10 }).stopped).toBe(true);
    expect(h.init("proxy").state.terminated).toMatchObject({ exitCode: 0, reason: "Completed" });
  });
});
