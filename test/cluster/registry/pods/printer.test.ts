import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../../src/api/object";
import { printer, summarizePod } from "../../../../src/cluster/registry/pods/printer";

const now = Date.parse("2025-06-01T12:00:00Z");
const ago = (ms: number) => new Date(now - ms).toISOString().replace(".000Z", "Z");
const MIN = 60_000;

function pod(spec: Record<string, unknown>, status: Record<string, unknown>, meta: Record<string, unknown> = {}): KubeObject {
  return { metadata: { name: "p", creationTimestamp: ago(5 * MIN), ...meta }, spec, status };
}
const oneContainer = { containers: [{ name: "app", image: "nginx" }] };
const running = (extra: Record<string, unknown> = {}) => ({
  name: "app",
  ready: true,
  restartCount: 0,
  state: { running: { startedAt: ago(4 * MIN) } },
  ...extra,
});

describe("pod READY / STATUS / RESTARTS", () => {
  it("a running ready pod", () => {
    const p = pod(oneContainer, { phase: "Running", containerStatuses: [running()] });
    expect(printer.cells(p, now).slice(0, 5)).toEqual(["p", "1/1", "Running", "0", "5m"]);
  });

  it("a pending pod without statuses", () => {
    expect(summarizePod(pod(oneContainer, { phase: "Pending" }), now)).toEqual({
      ready: "0/1",
      status: "Pending",
      restarts: "0",
    });
  });

  it("restarts carry the age of the last termination", () => {
    const p = pod(oneContainer, {
      phase: "Running",
      containerStatuses: [running({ restartCount: 3, lastState: { terminated: { exitCode: 1, finishedAt: ago(5 * MIN) } } })],
    });
    expect(summarizePod(p, now).restarts).toBe("3 (5m ago)");
  });

  it("restarts without a recorded termination are a bare count", () => {
    const p = pod(oneContainer, { phase: "Running", containerStatuses: [running({ restartCount: 2 })] });
    expect(summarizePod(p, now).restarts).toBe("2");
  });

  it("a waiting reason wins (CrashLoopBackOff, ContainerCreating)", () => {
    const crash = pod(oneContainer, {
      phase: "Running",
      containerStatuses: [
        {
          name: "app",
          ready: false,
          restartCount: 5,
          state: { waiting: { reason: "CrashLoopBackOff" } },
          lastState: { terminated: { exitCode: 1, reason: "Error", finishedAt: ago(30_000) } },
        },
      ],
    });
    expect(summarizePod(crash, now)).toEqual({ ready: "0/1", status: "CrashLoopBackOff", restarts: "5 (30s ago)" });
    const creating = pod(oneContainer, {
      phase: "Pending",
      containerStatuses: [{ name: "app", ready: false, restartCount: 0, state: { waiting: { reason: "ContainerCreating" } } }],
    });
    expect(summarizePod(creating, now).status).toBe("ContainerCreating");
  });

  it("terminated containers: reason, else Signal:n, else ExitCode:n", () => {
    const term = (terminated: Record<string, unknown>) =>
      summarizePod(
        pod(oneContainer, { phase: "Failed", containerStatuses: [{ name: "app", ready: false, state: { terminated } }] }),
        now,
      ).status;
    expect(term({ exitCode: 0, reason: "Completed" })).toBe("Completed");
    expect(term({ exitCode: 137, reason: "OOMKilled" })).toBe("OOMKilled");
    expect(term({ exitCode: 143, signal: 15 })).toBe("Signal:15");
    expect(term({ exitCode: 2 })).toBe("ExitCode:2");
  });

  it("a Completed container next to a running one reads Running, or NotReady without the Ready condition", () => {
    const spec = { containers: [{ name: "job" }, { name: "sidecar" }] };
    const statuses = [
      { name: "job", ready: false, state: { terminated: { exitCode: 0, reason: "Completed" } } },
      { name: "sidecar", ready: true, state: { running: {} } },
    ];
    const ready = pod(spec, { phase: "Running", conditions: [{ type: "Ready", status: "True" }], containerStatuses: statuses });
    expect(summarizePod(ready, now)).toEqual({ ready: "1/2", status: "Running", restarts: "0" });
    const notReady = pod(spec, { phase: "Running", conditions: [{ type: "Ready", status: "False" }], containerStatuses: statuses });
    expect(summarizePod(notReady, now).status).toBe("NotReady");
  });

  it("the pod-level reason (Evicted) shows when no container overrides it", () => {
    const p = pod(oneContainer, { phase: "Failed", reason: "Evicted" });
    expect(summarizePod(p, now).status).toBe("Evicted");
  });

  it("a scheduling-gated pod", () => {
    const p = pod(oneContainer, {
      phase: "Pending",
      conditions: [{ type: "PodScheduled", status: "False", reason: "SchedulingGated" }],
    });
    expect(summarizePod(p, now).status).toBe("SchedulingGated");
  });

  it("Terminating while deleting, Unknown for NodeLost, terminal phases kept", () => {
    const deleting = { deletionTimestamp: ago(10_000) };
    expect(summarizePod(pod(oneContainer, { phase: "Running", containerStatuses: [running()] }, deleting), now).status).toBe(
      "Terminating",
    );
    expect(summarizePod(pod(oneContainer, { phase: "Running", reason: "NodeLost" }, deleting), now).status).toBe("Unknown");
    const done = pod(
      oneContainer,
      { phase: "Succeeded", containerStatuses: [{ name: "app", state: { terminated: { exitCode: 0, reason: "Completed" } } }] },
      deleting,
    );
    expect(summarizePod(done, now).status).toBe("Completed");
  });
});

describe("pod init containers", () => {
  const spec = { initContainers: [{ name: "init-a" }, { name: "init-b" }], containers: [{ name: "app" }] };
  const done = { name: "init-a", state: { terminated: { exitCode: 0, reason: "Completed" } } };
  const appWaiting = [{ name: "app", ready: false, state: { waiting: { reason: "PodInitializing" } } }];

  it("Init:i/n counts the completed init containers", () => {
    const first = pod(spec, {
      phase: "Pending",
      initContainerStatuses: [
        { name: "init-a", state: { running: {} } },
        { name: "init-b", state: { waiting: { reason: "PodInitializing" } } },
      ],
      containerStatuses: appWaiting,
    });
    expect(summarizePod(first, now)).toEqual({ ready: "0/1", status: "Init:0/2", restarts: "0" });
    const second = pod(spec, {
      phase: "Pending",
      initContainerStatuses: [done, { name: "init-b", state: { running: {} } }],
      containerStatuses: appWaiting,
    });
    expect(summarizePod(second, now).status).toBe("Init:1/2");
  });

  it("Init:<waiting reason> and Init:<terminated reason|Signal|ExitCode>", () => {
    const withInit = (state: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      summarizePod(
        pod(spec, { phase: "Pending", initContainerStatuses: [{ name: "init-a", state, ...extra }], containerStatuses: appWaiting }),
        now,
      );
    expect(withInit({ waiting: { reason: "ImagePullBackOff" } }).status).toBe("Init:ImagePullBackOff");
    expect(withInit({ terminated: { exitCode: 1, reason: "Error" } }).status).toBe("Init:Error");
    expect(withInit({ terminated: { exitCode: 137, signal: 9 } }).status).toBe("Init:Signal:9");
    expect(withInit({ terminated: { exitCode: 3 } }).status).toBe("Init:ExitCode:3");
    const crashing = withInit(
      { waiting: { reason: "CrashLoopBackOff" } },
      { restartCount: 4, lastState: { terminated: { exitCode: 1, finishedAt: ago(2 * 60_000) } } },
    );
    expect(crashing).toEqual({ ready: "0/1", status: "Init:CrashLoopBackOff", restarts: "4 (2m ago)" });
  });

  it("restartable init containers (sidecars) count toward READY and RESTARTS once started", () => {
    const sidecarSpec = {
      initContainers: [{ name: "proxy", restartPolicy: "Always" }],
      containers: [{ name: "app" }],
    };
    const p = pod(sidecarSpec, {
      phase: "Running",
      conditions: [{ type: "Initialized", status: "True" }],
      initContainerStatuses: [
        {
          name: "proxy",
          started: true,
          ready: true,
          restartCount: 2,
          state: { running: {} },
          lastState: { terminated: { exitCode: 1, finishedAt: ago(7 * 60_000) } },
        },
      ],
      containerStatuses: [
        running({ restartCount: 1, lastState: { terminated: { exitCode: 1, finishedAt: ago(3 * 60_000) } } }),
      ],
    });
    expect(summarizePod(p, now)).toEqual({ ready: "2/2", status: "Running", restarts: "3 (3m ago)" });
  });
});

describe("pod sidecars (restartable init containers), as printPod counts them", () => {
  const spec = {
    initContainers: [{ name: "proxy", restartPolicy: "Always" }, { name: "migrate" }],
    containers: [{ name: "app" }],
  };
  const appWaiting = { name: "app", ready: false, restartCount: 0, state: { waiting: { reason: "PodInitializing" } } };
  const migrateWaiting = { name: "migrate", ready: false, restartCount: 0, state: { waiting: { reason: "PodInitializing" } } };

  it("a sidecar not started yet is Init:0/n and counts in READY's total", () => {
    const p = pod(spec, {
      phase: "Pending",
      conditions: [{ type: "Initialized", status: "False" }],
      initContainerStatuses: [{ name: "proxy", started: false, ready: false, restartCount: 0, state: { running: {} } }, migrateWaiting],
      containerStatuses: [appWaiting],
    });
    expect(summarizePod(p, now)).toEqual({ ready: "0/2", status: "Init:0/2", restarts: "0" });
  });

  it("a started sidecar lets the count move on; it counts as ready only when ready", () => {
    const status = (ready: boolean) => ({
      phase: "Pending",
      conditions: [{ type: "Initialized", status: "False" }],
      initContainerStatuses: [
        { name: "proxy", started: true, ready, restartCount: 0, state: { running: {} } },
        { name: "migrate", ready: false, restartCount: 0, state: { running: {} } },
      ],
      containerStatuses: [appWaiting],
    });
    expect(summarizePod(pod(spec, status(true)), now)).toEqual({ ready: "1/2", status: "Init:1/2", restarts: "0" });
    expect(summarizePod(pod(spec, status(false)), now).ready).toBe("0/2");
  });

  it("while initializing, RESTARTS counts every init container; once initialized only sidecars and app containers", () => {
    const crashing = {
      name: "migrate",
      ready: false,
      restartCount: 3,
      state: { waiting: { reason: "CrashLoopBackOff" } },
      lastState: { terminated: { exitCode: 1, finishedAt: ago(3 * MIN) } },
    };
    const proxy = { name: "proxy", started: true, ready: true, restartCount: 1, state: { running: {} } };
    const initializing = pod(spec, {
      phase: "Pending",
      conditions: [{ type: "Initialized", status: "False" }],
      initContainerStatuses: [proxy, crashing],
      containerStatuses: [appWaiting],
    });
    expect(summarizePod(initializing, now)).toEqual({ ready: "1/2", status: "Init:CrashLoopBackOff", restarts: "4 (3m ago)" });
    const done = { name: "migrate", ready: true, restartCount: 3, state: { terminated: { exitCode: 0, reason: "Completed" } } };
    const running = pod(spec, {
      phase: "Running",
      conditions: [
        { type: "Initialized", status: "True" },
        { type: "Ready", status: "True" },
      ],
      initContainerStatuses: [proxy, done],
      containerStatuses: [{ name: "app", ready: true, restartCount: 0, state: { running: {} } }],
    });
    expect(summarizePod(running, now)).toEqual({ ready: "2/2", status: "Running", restarts: "1" });
  });

  it("a sidecar restarting after initialization reads Init:<reason>, as printPod does", () => {
    const p = pod(spec, {
      phase: "Running",
      conditions: [{ type: "Initialized", status: "True" }],
      initContainerStatuses: [
        {
          name: "proxy",
          started: false,
          ready: false,
          restartCount: 2,
          state: { waiting: { reason: "CrashLoopBackOff" } },
          lastState: { terminated: { exitCode: 1, finishedAt: ago(30_000) } },
        },
        { name: "migrate", ready: true, restartCount: 0, state: { terminated: { exitCode: 0, reason: "Completed" } } },
      ],
      containerStatuses: [{ name: "app", ready: true, restartCount: 0, state: { running: {} } }],
    });
    expect(summarizePod(p, now)).toEqual({ ready: "1/2", status: "Init:CrashLoopBackOff", restarts: "2 (30s ago)" });
  });

  it("a finished job pod whose sidecar was killed reads Completed", () => {
    const p = pod(
      { initContainers: [{ name: "proxy", restartPolicy: "Always" }], containers: [{ name: "main" }] },
      {
        phase: "Succeeded",
        conditions: [{ type: "Initialized", status: "True", reason: "PodCompleted" }],
        initContainerStatuses: [{ name: "proxy", started: false, ready: false, restartCount: 0, state: { terminated: { exitCode: 137, reason: "Error" } } }],
        containerStatuses: [{ name: "main", ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: "Completed" } } }],
      },
    );
    expect(summarizePod(p, now)).toEqual({ ready: "0/2", status: "Completed", restarts: "0" });
  });
});

describe("pod failed by its active deadline", () => {
  it("shows DeadlineExceeded (status.reason) unless a container's state overrides it", () => {
    expect(summarizePod(pod(oneContainer, { phase: "Failed", reason: "DeadlineExceeded" }), now).status).toBe("DeadlineExceeded");
    const killed = pod(oneContainer, {
      phase: "Failed",
      reason: "DeadlineExceeded",
      containerStatuses: [{ name: "app", ready: false, state: { terminated: { exitCode: 137, reason: "Error" } } }],
    });
    expect(summarizePod(killed, now).status).toBe("Error");
  });
});

describe("pod wide columns", () => {
  it("IP, NODE, NOMINATED NODE and READINESS GATES", () => {
    const p = pod(
      { ...oneContainer, nodeName: "node-1", readinessGates: [{ conditionType: "a" }, { conditionType: "b" }] },
      {
        phase: "Running",
        podIPs: [{ ip: "10.244.0.9" }],
        conditions: [
          { type: "a", status: "True" },
          { type: "b", status: "False" },
        ],
        containerStatuses: [running()],
      },
    );
    expect(printer.cells(p, now).slice(5)).toEqual(["10.244.0.9", "node-1", "<none>", "1/2"]);
    expect(printer.cells(pod(oneContainer, {}), now).slice(5)).toEqual(["<none>", "<none>", "<none>", "<none>"]);
  });

  it("declares the 1.33 column set", () => {
    expect(printer.columns.map((c) => [c.name, c.priority])).toEqual([
      ["Name", 0],
      ["Ready", 0],
      ["Status", 0],
      ["Restarts", 0],
      ["Age", 0],
      ["IP", 1],
      ["Node", 1],
      ["Nominated Node", 1],
      ["Readiness Gates", 1],
    ]);
  });
});
