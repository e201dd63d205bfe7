// Ephemeral containers in the Durable Object, through the Worker as kubectl debug reaches them: a strategic merge
// patch of pods/ephemeralcontainers, the kubelet starting the container on the alarm (its status and events), the
// apiserver's refusals.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../src/api/platform";
import { coldStartMs, createCluster, kubeJson } from "../helpers/cluster";
import { fakeClockStart } from "../helpers/fake-clock";
import { settle } from "../cluster/controllers/workload-helpers";

vi.setConfig({ testTimeout: 30_000, hookTimeout: coldStartMs });

let cluster: CreatedCluster;
const t = fakeClockStart();
const podPath = "/api/v1/namespaces/default/pods/web";
const patch = (container: Record<string, unknown>) =>
  kubeJson(cluster, `${podPath}/ephemeralcontainers`, { method: "PATCH", contentType: "application/strategic-merge-patch+json", body: { spec: { ephemeralContainers: [container] } } });

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(t);
  cluster = await createCluster({ pace: "fast", workers: 1 });
  const created = await kubeJson(cluster, "/api/v1/namespaces/default/pods", {
    method: "POST",
    body: { apiVersion: "v1", kind: "Pod", metadata: { name: "web" }, spec: { nodeName: "worker-1", containers: [{ name: "app", image: "nginx:1.27" }] } },
  });
  expect(created.status).toBe(201);
  for (let at = 100; at <= 1500; at += 100) await settle(cluster, t + at);
});

afterAll(() => {
  vi.useRealTimers();
});

describe("pods/ephemeralcontainers in the Durable Object", () => {
  it("adds the container, which the kubelet starts on the alarm", async () => {
    const added = await patch({ name: "debugger", image: "busybox", command: ["sleep", "3600"], targetContainerName: "app", terminationMessagePolicy: "File", resources: {} });
    expect(added.status).toBe(200);
    expect(added.body.spec.ephemeralContainers).toEqual([
      { name: "debugger", image: "busybox", command: ["sleep", "3600"], targetContainerName: "app", terminationMessagePolicy: "File", resources: {}, terminationMessagePath: "/dev/termination-log", imagePullPolicy: "Always" },
    ]);
    for (let at = 1600; at <= 4000; at += 200) await settle(cluster, t + at);
    const pod = (await kubeJson(cluster, `${podPath}/ephemeralcontainers`)).body;
    expect(pod.status.ephemeralContainerStatuses).toEqual([
      expect.objectContaining({ name: "debugger", ready: false, restartCount: 0, state: { running: { startedAt: expect.any(String) } } }),
    ]);
    expect(pod.status.phase).toBe("Running");
    const events = (await kubeJson(cluster, "/api/v1/namespaces/default/events")).body.items as { reason: string; message: string; involvedObject: { fieldPath?: string } }[];
    const mine = events.filter((e) => e.involvedObject.fieldPath === "spec.ephemeralContainers{debugger}");
    expect(mine.map((e) => e.reason)).toEqual(["Pulling", "Pulled", "Created", "Started"]);
  });

  it("refuses what may not be added or changed, with the apiserver's messages", async () => {
    // A patch without $setElementOrder puts its new item first (kubectl sends the order; see the e2e test).
    const ports = await patch({ name: "web2", image: "busybox", ports: [{ containerPort: 80 }], lifecycle: { preStop: { exec: { command: ["true"] } } } });
    expect(ports.status).toBe(422);
    expect(ports.body.message).toBe(
      'Pod "web" is invalid: [spec.ephemeralContainers[0].ports: Forbidden: cannot be set for an Ephemeral Container, spec.ephemeralContainers[0].lifecycle: Forbidden: cannot be set for an Ephemeral Container]',
    );
    const changed = await patch({ name: "debugger", image: "alpine" });
    expect(changed.status).toBe(422);
    expect(changed.body.message).toContain('spec.ephemeralContainers: Forbidden: existing ephemeral containers "debugger" may not be changed');
    const plain = await kubeJson(cluster, podPath, { method: "PATCH", contentType: "application/strategic-merge-patch+json", body: { spec: { ephemeralContainers: [{ name: "x", image: "busybox" }] } } });
    expect(plain.status).toBe(422);
    expect(plain.body.message).toContain("pod updates may not change fields other than");
  });
});
