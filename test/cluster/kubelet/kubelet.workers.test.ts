// The simulated kubelet end to end through the API: pods bound at creation (spec.nodeName), time driven by a fake
// clock and the cluster's alarm, on the fast pace.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../../src/api/platform";
import { coldStartMs, createCluster, kube, kubeJson } from "../../helpers/cluster";
import { create, getJson, settle } from "../controllers/workload-helpers";
import { fakeClockStart } from "../../helpers/fake-clock";

vi.setConfig({ testTimeout: 30_000, hookTimeout: coldStartMs });

let cluster: CreatedCluster;
let t = fakeClockStart();
let counter = 0;

beforeAll(async () => {
  cluster = await createCluster({ pace: "fast", workers: 1 });
});

afterEach(() => {
  vi.useRealTimers();
});

async function begin(): Promise<string> {
  vi.useFakeTimers({ toFake: ["Date"] });
  t += 3600_000;
  vi.setSystemTime(t);
  const ns = `k${counter++}`;
  await create(cluster, "/api/v1/namespaces", { metadata: { name: ns } });
  await settle(cluster, t);
  return ns;
}

async function pod(ns: string, name: string, spec: Record<string, unknown>): Promise<any> {
  return create(cluster, `/api/v1/namespaces/${ns}/pods`, { metadata: { name }, spec: { nodeName: "worker-1", ...spec } });
}

const getPod = (ns: string, name: string) => getJson(cluster, `/api/v1/namespaces/${ns}/pods/${name}`);

async function eventsOf(ns: string, name: string): Promise<any[]> {
  const list = await getJson(cluster, `/api/v1/namespaces/${ns}/events?fieldSelector=involvedObject.name%3D${name}`);
  return list.items.sort((a: any, b: any) => a.metadata.name.localeCompare(b.metadata.name));
}

async function advance(ms: number, step = 100): Promise<void> {
  for (let at = step; at <= ms; at += step) await settle(cluster, t + at);
  t += ms;
}

async function logs(ns: string, name: string, query = ""): Promise<{ status: number; text: string }> {
  const response = await kube(cluster, `/api/v1/namespaces/${ns}/pods/${name}/log${query}`);
  return { status: response.status, text: await response.text() };
}

describe("simulated kubelet", () => {
  it("takes nginx to Running and Ready with the kubelet's events", async () => {
    const ns = await begin();
    await pod(ns, "web", { containers: [{ name: "nginx", image: "nginx:1.25" }] });
    await advance(1000);
    const p = await getPod(ns, "web");
    expect(p.status.phase).toBe("Running");
    expect(p.status.podIP).toMatch(/^10\.244\.1\.\d+$/);
    expect(p.status.hostIP).toBe("172.18.0.3");
    expect(p.status.qosClass).toBe("BestEffort");
    expect(p.status.containerStatuses[0]).toMatchObject({ name: "nginx", ready: true, started: true, restartCount: 0 });
    expect(p.status.containerStatuses[0].containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(p.status.conditions.map((c: any) => `${c.type}=${c.status}`)).toEqual([
      "PodReadyToStartContainers=True",
      "Initialized=True",
      "Ready=True",
      "ContainersReady=True",
      "PodScheduled=True",
    ]);
    const events = await eventsOf(ns, "web");
    expect(events.map((e: any) => e.reason).filter((r: string) => r !== "Scheduled")).toEqual(["Pulling", "Pulled", "Created", "Started"]);
    expect(events.find((e: any) => e.reason === "Created").message).toBe("Created container: nginx");
    expect(events[0].source).toEqual({ component: "kubelet", host: "worker-1" });
  });

  it("shows ErrImagePull, then ImagePullBackOff for an image that does not exist", async () => {
    const ns = await begin();
    await pod(ns, "typo", { containers: [{ name: "web", image: "nginx:1.2345" }] });
    await advance(60, 10);
    expect((await getPod(ns, "typo")).status.containerStatuses[0].state.waiting.reason).toBe("ErrImagePull");
    await advance(500);
    const p = await getPod(ns, "typo");
    expect(p.status.containerStatuses[0].state.waiting.reason).toBe("ImagePullBackOff");
    expect(p.status.phase).toBe("Pending");
    const reasons = (await eventsOf(ns, "typo")).map((e: any) => `${e.reason}:${e.message.slice(0, 32)}`);
    expect(reasons).toContain('BackOff:Back-off pulling image "nginx:1.');
    expect((await logs(ns, "typo")).text).toContain('container \\"web\\" in pod \\"typo\\" is waiting to start');
  });

  it("restarts a crashing command into CrashLoopBackOff and serves current and previous logs", async () => {
    const ns = await begin();
    await pod(ns, "crash", { containers: [{ name: "sh", image: "busybox:1.36", command: ["sh", "-c", "echo hi; sleep 5; exit 1"] }] });
    await advance(13_000, 250);
    const p = await getPod(ns, "crash");
    const status = p.status.containerStatuses[0];
    expect(status.restartCount).toBeGreaterThanOrEqual(1);
    expect(status.lastState.terminated).toMatchObject({ exitCode: 1, reason: "Error" });
    expect(p.status.phase).toBe("Running");
    const events = await eventsOf(ns, "crash");
    expect(events.some((e: any) => e.reason === "BackOff" && e.message === `Back-off restarting failed container sh in pod crash_${ns}(${p.metadata.uid})`)).toBe(true);
    expect((await logs(ns, "crash", "?previous=true")).text).toBe("hi\n");
    const current = await logs(ns, "crash", "?timestamps=true");
    expect(current.text).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z hi\n$/);
  });

  it("completes a restartPolicy Never pod as Succeeded", async () => {
    const ns = await begin();
    await pod(ns, "job", { restartPolicy: "Never", containers: [{ name: "c", image: "busybox:1.36", command: ["sh", "-c", "echo done"] }] });
    await advance(1000);
    const p = await getPod(ns, "job");
    expect(p.status.phase).toBe("Succeeded");
    expect(p.status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 0, reason: "Completed" });
    expect((await logs(ns, "job")).text).toBe("done\n");
  });

  it("waits with CreateContainerConfigError until the ConfigMap exists", async () => {
    const ns = await begin();
    await pod(ns, "cfg", { containers: [{ name: "c", image: "nginx:1.25", envFrom: [{ configMapRef: { name: "settings" } }] }] });
    await advance(1000);
    expect((await getPod(ns, "cfg")).status.containerStatuses[0].state.waiting).toEqual({
      reason: "CreateContainerConfigError",
      message: 'configmap "settings" not found',
    });
    await create(cluster, `/api/v1/namespaces/${ns}/configmaps`, { metadata: { name: "settings" }, data: { MODE: "on" } });
    await advance(200);
    expect((await getPod(ns, "cfg")).status.phase).toBe("Running");
  });

  it("deletes a running pod gracefully: Killing, then gone", async () => {
    const ns = await begin();
    await pod(ns, "bye", { containers: [{ name: "nginx", image: "nginx:1.25" }] });
    await advance(500);
    const response = await kubeJson(cluster, `/api/v1/namespaces/${ns}/pods/bye`, { method: "DELETE" });
    expect(response.status).toBe(200);
    expect(response.body.metadata.deletionGracePeriodSeconds).toBe(30);
    await advance(200);
    expect((await kubeJson(cluster, `/api/v1/namespaces/${ns}/pods/bye`)).status).toBe(404);
    expect((await eventsOf(ns, "bye")).some((e: any) => e.reason === "Killing" && e.message === "Stopping container nginx")).toBe(true);
  });

  // A shell without a TERM trap ignores SIGTERM: the pod stays until its grace period of 3 s ends. The sleeper has an
  // exit timer; the looper is settled (nothing due), so its process is rebuilt from the spec to be stopped.
  for (const [what, script] of [["a sleeping shell", "sleep 3600"], ["a settled, looping shell", "while true; do sleep 1; done"]]) {
    it(`keeps a pod whose process ignores SIGTERM until its grace period ends: ${what}`, async () => {
      const ns = await begin();
      await pod(ns, "stubborn", { terminationGracePeriodSeconds: 3, containers: [{ name: "sh", image: "busybox:1.36", command: ["sh", "-c", script] }] });
      await advance(500);
      expect((await getPod(ns, "stubborn")).status.phase).toBe("Running");
      expect((await kubeJson(cluster, `/api/v1/namespaces/${ns}/pods/stubborn`, { method: "DELETE" })).status).toBe(200);
      await advance(2_500, 500);
      expect((await kubeJson(cluster, `/api/v1/namespaces/${ns}/pods/stubborn`)).status).toBe(200);
      await advance(1_000, 500);
      expect((await kubeJson(cluster, `/api/v1/namespaces/${ns}/pods/stubborn`)).status).toBe(404);
    });
  }

  it("restarts a settled container whose image is changed in place", async () => {
    const ns = await begin();
    await pod(ns, "web", { containers: [{ name: "nginx", image: "nginx:1.25" }] });
    await advance(500);
    const response = await kubeJson(cluster, `/api/v1/namespaces/${ns}/pods/web`, {
      method: "PATCH",
      contentType: "application/strategic-merge-patch+json",
      body: { spec: { containers: [{ name: "nginx", image: "nginx:1.26" }] } },
    });
    expect(response.status).toBe(200);
    await advance(500);
    const status = (await getPod(ns, "web")).status.containerStatuses[0];
    expect([status.restartCount, status.image, status.ready]).toEqual([1, "docker.io/library/nginx:1.26", true]);
  });

  it("runs a Job-like pod with a sidecar to Succeeded, stopping the sidecar after the main container", async () => {
    const ns = await begin();
    await pod(ns, "job", {
      restartPolicy: "Never",
      initContainers: [{ name: "proxy", image: "nginx:1.25", restartPolicy: "Always" }],
      containers: [{ name: "main", image: "busybox:1.36", command: ["sh", "-c", "echo done"] }],
    });
    await advance(1000);
    const p = await getPod(ns, "job");
    expect(p.status.phase).toBe("Succeeded");
    expect(p.status.initContainerStatuses[0]).toMatchObject({ name: "proxy", restartCount: 0, state: { terminated: { exitCode: 0 } } });
    expect(p.status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 0, reason: "Completed" });
    const reasons = (await eventsOf(ns, "job")).map((e: any) => `${e.reason} ${e.involvedObject.fieldPath ?? ""}`.trim());
    expect(reasons).toContain("Started spec.initContainers{proxy}");
    expect(reasons).toContain("Killing spec.initContainers{proxy}");
    const table = await kubeJson(cluster, `/api/v1/namespaces/${ns}/pods/job`, {
      accept: "application/json;as=Table;v=v1;g=meta.k8s.io",
    });
    expect(table.body.rows[0].cells.slice(1, 4)).toEqual(["0/2", "Completed", "0"]);
  });

  it("fails a pod past its activeDeadlineSeconds with reason DeadlineExceeded", async () => {
    const ns = await begin();
    await pod(ns, "deadline", { activeDeadlineSeconds: 2, containers: [{ name: "nginx", image: "nginx:1.25" }] });
    await advance(1000);
    expect((await getPod(ns, "deadline")).status.phase).toBe("Running");
    await advance(2000);
    const p = await getPod(ns, "deadline");
    expect(p.status).toMatchObject({ phase: "Failed", reason: "DeadlineExceeded", message: "Pod was active on the node longer than the specified deadline" });
    expect(p.status.containerStatuses[0].state.terminated).toBeDefined();
    const event = (await eventsOf(ns, "deadline")).find((e: any) => e.reason === "DeadlineExceeded");
    expect(event).toMatchObject({ type: "Normal", message: "Pod was active on the node longer than the specified deadline", source: { component: "kubelet" } });
  });

  it("asks for a container name when the pod has several", async () => {
    const ns = await begin();
    await pod(ns, "two", { containers: [{ name: "a", image: "nginx:1.25" }, { name: "b", image: "redis:7" }] });
    await advance(300);
    const { status, text } = await logs(ns, "two");
    expect(status).toBe(400);
    expect(JSON.parse(text).message).toBe("a container name must be specified for pod two, choose one of: [a b]");
  });
});
