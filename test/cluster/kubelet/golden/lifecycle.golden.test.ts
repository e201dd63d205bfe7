// Golden timelines of the kubelet's lifecycle: a pod spec (and what happens to it) in, the states and events the
// kubelet writes out, compared with golden/<name>.txt. A change to a file here is a change of behaviour.
import { describe, expect, it } from "vitest";
import { timeline, type Scenario } from "./timeline";

const sh = (script: string) => ["sh", "-c", script];
const server = { name: "web", image: "nginx:1.25" };

const scenarios: Record<string, Scenario> = {
  "server-runs": { spec: { containers: [server] }, until: 600_000 },
  "server-runs-fast": { pace: "fast", spec: { containers: [server] }, until: 60_000 },
  "err-image-pull": { spec: { containers: [{ name: "web", image: "nginx:1.2345" }] }, until: 120_000 },
  "invalid-image-name": { spec: { containers: [{ name: "web", image: "NGINX:1.25" }] }, until: 600_000 },
  "image-never-pull": { spec: { containers: [{ name: "web", image: "nginx:1.25", imagePullPolicy: "Never" }] }, until: 600_000 },
  "crash-loop": {
    spec: { containers: [{ name: "app", image: "busybox:1.36", command: sh("echo starting; exit 1") }] },
    until: 420_000,
  },
  "job-never-succeeds": {
    spec: { restartPolicy: "Never", containers: [{ name: "job", image: "busybox:1.36", command: sh("echo working; sleep 5; echo done") }] },
    until: 600_000,
  },
  "job-never-fails": {
    spec: { restartPolicy: "Never", containers: [{ name: "job", image: "busybox:1.36", command: sh("sleep 2; exit 3") }] },
    until: 600_000,
  },
  "job-onfailure-retries": {
    spec: { restartPolicy: "OnFailure", containers: [{ name: "job", image: "busybox:1.36", command: sh("sleep 2; exit 3") }] },
    until: 60_000,
  },
  "init-containers": {
    spec: {
      initContainers: [
        { name: "wait", image: "busybox:1.36", command: sh("sleep 3") },
        { name: "migrate", image: "busybox:1.36", command: sh("echo migrating; sleep 2") },
      ],
      containers: [server],
    },
    until: 600_000,
  },
  "init-container-fails-never": {
    spec: { restartPolicy: "Never", initContainers: [{ name: "check", image: "busybox:1.36", command: sh("sleep 1; exit 1") }], containers: [server] },
    until: 600_000,
  },
  "init-container-fails-always": {
    spec: { initContainers: [{ name: "check", image: "busybox:1.36", command: sh("sleep 1; exit 1") }], containers: [server] },
    until: 60_000,
  },
  sidecar: {
    spec: {
      initContainers: [{ name: "proxy", image: "nginx:1.25", restartPolicy: "Always" }],
      containers: [{ name: "app", image: "busybox:1.36", command: sh("sleep 10; echo done") }],
      restartPolicy: "Never",
    },
    until: 600_000,
  },
  "liveness-restart": {
    spec: {
      containers: [
        {
          name: "app",
          image: "busybox:1.36",
          command: sh("touch /tmp/healthy; sleep 20; rm /tmp/healthy; sleep 3600"),
          livenessProbe: { exec: { command: ["cat", "/tmp/healthy"] }, initialDelaySeconds: 5, periodSeconds: 5, failureThreshold: 3 },
        },
      ],
    },
    until: 90_000,
  },
  "readiness-gating": {
    spec: {
      containers: [
        {
          name: "app",
          image: "busybox:1.36",
          command: sh("sleep 12; touch /tmp/ready; sleep 3600"),
          readinessProbe: { exec: { command: ["cat", "/tmp/ready"] }, periodSeconds: 5 },
        },
      ],
    },
    until: 600_000,
  },
  // The first readiness probe runs a second after the start (the kubelet's next sync), when nginx listens: Ready at once.
  "readiness-server": {
    spec: { containers: [{ ...server, readinessProbe: { httpGet: { path: "/", port: 80 } } }] },
    until: 600_000,
  },
  "readiness-server-fast": {
    pace: "fast",
    spec: { containers: [{ ...server, readinessProbe: { httpGet: { path: "/", port: 80 } } }] },
    until: 60_000,
  },
  "startup-probe": {
    spec: {
      containers: [
        {
          ...server,
          startupProbe: { httpGet: { path: "/", port: 80 }, periodSeconds: 3 },
          readinessProbe: { httpGet: { path: "/", port: 80 }, periodSeconds: 5 },
        },
      ],
    },
    until: 600_000,
  },
  "delete-graceful": { spec: { containers: [server] }, until: 600_000, inputs: [{ at: 30_000, delete: { graceSeconds: 30 } }] },
  "delete-ignores-sigterm": {
    spec: { containers: [{ name: "app", image: "busybox:1.36", command: sh("sleep 3600") }] },
    until: 600_000,
    inputs: [{ at: 30_000, delete: { graceSeconds: 30 } }],
  },
  "delete-with-sidecar": {
    spec: {
      initContainers: [{ name: "logs", image: "busybox:1.36", restartPolicy: "Always", command: sh("sleep 3600") }],
      containers: [server],
    },
    until: 600_000,
    inputs: [{ at: 30_000, delete: { graceSeconds: 20 } }],
  },
  "active-deadline": {
    spec: { activeDeadlineSeconds: 30, containers: [{ name: "app", image: "busybox:1.36", command: sh("sleep 3600") }] },
    until: 600_000,
  },
  "image-changed": { spec: { containers: [server] }, until: 600_000, inputs: [{ at: 30_000, image: { container: "web", image: "nginx:1.27" } }] },
  "kubelet-restart-during-crash-loop": {
    spec: { containers: [{ name: "app", image: "busybox:1.36", command: sh("sleep 4; exit 1") }] },
    until: 120_000,
    inputs: [{ at: 30_000, kubeletRestart: true }],
  },
  "missing-configmap-key": {
    spec: { containers: [{ ...server, env: [{ name: "MODE", valueFrom: { configMapKeyRef: { name: "settings", key: "mode" } } }] }] },
    configMaps: { settings: { other: "x" } },
    until: 600_000,
    inputs: [{ at: 20_000, configMap: { name: "settings", data: { mode: "prod" } } }],
  },
  "missing-configmap-volume": {
    spec: { volumes: [{ name: "conf", configMap: { name: "conf" } }], containers: [{ ...server, volumeMounts: [{ name: "conf", mountPath: "/etc/conf" }] }] },
    until: 600_000,
    inputs: [{ at: 20_000, configMap: { name: "conf", data: { "a.conf": "a" } } }],
  },
};

describe("kubelet lifecycle timelines (golden)", () => {
  for (const [name, scenario] of Object.entries(scenarios)) {
    it(name, async () => {
      await expect(timeline(scenario)).toMatchFileSnapshot(`./${name}.txt`);
    });
  }
});
