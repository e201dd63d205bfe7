// The deployment controller through the API, with the alarm and a fake clock: creation, rolling update step by
// step, rollout undo reusing the old ReplicaSet, scaling, pause and resume, Recreate and the progress deadline. The
// cluster has no worker node, so pods stay unscheduled and the tests play the kubelet (readiness).
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../../../src/api/platform";
import { coldStartMs, createCluster, kubeJson } from "../../../helpers/cluster";
import { create, eventsFor, getJson, podsMatching, readyPod, settle } from "../workload-helpers";
import { fakeClockStart } from "../../../helpers/fake-clock";

vi.setConfig({ testTimeout: 60_000, hookTimeout: coldStartMs });

let cluster: CreatedCluster;
let t = fakeClockStart();

beforeAll(async () => {
  cluster = await createCluster({ pace: "fast", workers: 0 });
});

afterEach(() => {
  vi.useRealTimers();
});

async function start(): Promise<void> {
  vi.useFakeTimers({ toFake: ["Date"] });
  t += 3600_000;
  vi.setSystemTime(t);
}

const deployPath = "/apis/apps/v1/namespaces/default/deployments";
const rsPath = "/apis/apps/v1/namespaces/default/replicasets";
const revision = "deployment.kubernetes.io/revision";

function deployBody(name: string, replicas: number, spec: Record<string, unknown> = {}) {
  return {
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "nginx", image: "nginx:1.25", resources: {} }] } },
      ...spec,
    },
  };
}

async function replicaSetsOf(name: string): Promise<any[]> {
  const list = await getJson(cluster, `${rsPath}?labelSelector=${encodeURIComponent(`app=${name}`)}`);
  return list.items.sort((a: any, b: any) => Number(a.metadata.annotations[revision]) - Number(b.metadata.annotations[revision]));
}

/** Play the kubelet: every live, not yet ready pod of the deployment becomes Ready now. */
async function readyAll(name: string): Promise<void> {
  for (const pod of await podsMatching(cluster, "default", `app=${name}`)) {
    const ready = (pod.status.conditions ?? []).some((c: any) => c.type === "Ready" && c.status === "True");
    if (!ready && !pod.metadata.deletionTimestamp) await readyPod(cluster, pod, t);
  }
}

function condition(d: any, type: string): any {
  return d.status.conditions?.find((c: any) => c.type === type);
}

async function patch(path: string, body: unknown, contentType = "application/strategic-merge-patch+json"): Promise<any> {
  const response = await kubeJson(cluster, path, { method: "PATCH", body, contentType });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

const sizes = (list: any[]) => list.map((rs) => rs.spec.replicas);

describe("deployment controller", () => {
  it("creates a ReplicaSet named by the template hash, with revision 1, and rolls it out", async () => {
    await start();
    const d = await create(cluster, deployPath, deployBody("web", 3));
    expect(d.spec.strategy).toEqual({ type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } });
    await settle(cluster, (t += 1000));
    const [rs] = await replicaSetsOf("web");
    const hash = rs.metadata.labels["pod-template-hash"];
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(rs.spec.selector.matchLabels).toEqual({ app: "web", "pod-template-hash": hash });
    expect(rs.spec.template.metadata.labels).toEqual({ app: "web", "pod-template-hash": hash });
    expect(rs.spec.replicas).toBe(3);
    expect(rs.metadata.annotations).toEqual({
      [revision]: "1",
      "deployment.kubernetes.io/desired-replicas": "3",
      "deployment.kubernetes.io/max-replicas": "4",
    });
    expect(rs.metadata.ownerReferences[0]).toMatchObject({ kind: "Deployment", name: "web", uid: d.metadata.uid, controller: true });
    const pods = await podsMatching(cluster, "default", "app=web");
    expect(pods).toHaveLength(3);
    expect(pods[0].metadata.labels["pod-template-hash"]).toBe(hash);

    let current = await getJson(cluster, `${deployPath}/web`);
    expect(current.metadata.annotations[revision]).toBe("1");
    expect(current.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, unavailableReplicas: 3 });
    expect(condition(current, "Available")).toMatchObject({ status: "False", reason: "MinimumReplicasUnavailable", message: "Deployment does not have minimum availability." });
    expect(condition(current, "Progressing")).toMatchObject({ status: "True" });
    const events = await eventsFor(cluster, "default", "web");
    expect(events).toContainEqual({ type: "Normal", reason: "ScalingReplicaSet", message: `Scaled up replica set web-${hash} from 0 to 3` });

    await readyAll("web");
    await settle(cluster, (t += 1000));
    current = await getJson(cluster, `${deployPath}/web`);
    expect(current.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(current.status.unavailableReplicas).toBeUndefined();
    expect(condition(current, "Available")).toMatchObject({ status: "True", reason: "MinimumReplicasAvailable", message: "Deployment has minimum availability." });
    expect(condition(current, "Progressing")).toMatchObject({
      status: "True",
      reason: "NewReplicaSetAvailable",
      message: `ReplicaSet "web-${hash}" has successfully progressed.`,
    });
  });

  it("rolls a new image out one surge pod at a time, then undo reuses the first ReplicaSet", async () => {
    await start();
    await create(cluster, deployPath, deployBody("roll", 3));
    await settle(cluster, (t += 1000));
    await readyAll("roll");
    await settle(cluster, (t += 1000));
    await patch(`${deployPath}/roll`, {
      metadata: { annotations: { "kubernetes.io/change-cause": "image 1.27" } },
      spec: { template: { spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } } },
    });
    await settle(cluster, (t += 1000));
    let [first, second] = await replicaSetsOf("roll");
    expect(second.metadata.annotations[revision]).toBe("2");
    expect(second.metadata.annotations["kubernetes.io/change-cause"]).toBe("image 1.27");
    expect(sizes([first, second])).toEqual([3, 1]);

    for (let step = 0; step < 6; step++) {
      await readyAll("roll");
      await settle(cluster, (t += 1000));
    }
    [first, second] = await replicaSetsOf("roll");
    expect(sizes([first, second])).toEqual([0, 3]);
    let d = await getJson(cluster, `${deployPath}/roll`);
    expect(d.metadata.annotations[revision]).toBe("2");
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, availableReplicas: 3, observedGeneration: 2 });
    expect(condition(d, "Progressing").reason).toBe("NewReplicaSetAvailable");
    const scaling = (await eventsFor(cluster, "default", "roll")).filter((e) => e.reason === "ScalingReplicaSet").map((e) => e.message);
    expect(scaling).toContain(`Scaled down replica set ${first.metadata.name} from 3 to 2`);
    expect(scaling).toContain(`Scaled up replica set ${second.metadata.name} from 1 to 2`);

    // kubectl rollout undo: the old ReplicaSet's template as client-go re-encodes it, hash label removed.
    const template = structuredClone(first.spec.template);
    delete template.metadata.labels["pod-template-hash"];
    template.metadata.creationTimestamp = null;
    await patch(
      `${deployPath}/roll`,
      [
        { op: "replace", path: "/spec/template", value: template },
        { op: "replace", path: "/metadata/annotations", value: { [revision]: "2" } },
      ],
      "application/json-patch+json",
    );
    for (let step = 0; step < 6; step++) {
      await settle(cluster, (t += 1000));
      await readyAll("roll");
    }
    await settle(cluster, (t += 1000));
    const after = await replicaSetsOf("roll");
    expect(after.map((rs) => rs.metadata.name)).toEqual([second.metadata.name, first.metadata.name]);
    const reused = after[1];
    expect(reused.metadata.annotations[revision]).toBe("3");
    expect(reused.metadata.annotations["deployment.kubernetes.io/revision-history"]).toBe("1");
    expect(sizes(after)).toEqual([0, 3]);
    d = await getJson(cluster, `${deployPath}/roll`);
    expect(d.metadata.annotations[revision]).toBe("3");
    expect(d.spec.template.spec.containers[0].image).toBe("nginx:1.25");
  });

  it("scales through the scale subresource", async () => {
    await start();
    await create(cluster, deployPath, deployBody("grow", 2));
    await settle(cluster, (t += 1000));
    const scaled = await patch(`${deployPath}/grow/scale`, { spec: { replicas: 5 } }, "application/merge-patch+json");
    expect(scaled).toMatchObject({ kind: "Scale", spec: { replicas: 5 }, status: { selector: "app=grow" } });
    await settle(cluster, (t += 1000));
    const [rs] = await replicaSetsOf("grow");
    expect(rs.spec.replicas).toBe(5);
    expect(rs.metadata.annotations["deployment.kubernetes.io/desired-replicas"]).toBe("5");
    expect((await eventsFor(cluster, "default", "grow")).map((e) => e.message)).toContain(`Scaled up replica set ${rs.metadata.name} from 2 to 5`);
  });

  it("does not roll out while paused, and does on resume", async () => {
    await start();
    await create(cluster, deployPath, deployBody("hold", 1));
    await settle(cluster, (t += 1000));
    await patch(`${deployPath}/hold`, { spec: { paused: true } });
    await settle(cluster, (t += 1000));
    let d = await getJson(cluster, `${deployPath}/hold`);
    expect(condition(d, "Progressing")).toMatchObject({ status: "Unknown", reason: "DeploymentPaused", message: "Deployment is paused" });
    await patch(`${deployPath}/hold`, { spec: { template: { spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } } } });
    await settle(cluster, (t += 1000));
    expect(await replicaSetsOf("hold")).toHaveLength(1);
    await patch(`${deployPath}/hold`, { spec: { paused: null } });
    await settle(cluster, (t += 1000));
    expect(await replicaSetsOf("hold")).toHaveLength(2);
    d = await getJson(cluster, `${deployPath}/hold`);
    expect(d.metadata.annotations[revision]).toBe("2");
  });

  it("Recreate removes every old pod before creating new ones", async () => {
    await start();
    await create(cluster, deployPath, deployBody("redo", 2, { strategy: { type: "Recreate" } }));
    await settle(cluster, (t += 1000));
    await patch(`${deployPath}/redo`, { spec: { template: { spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } } } });
    await settle(cluster, (t += 1000));
    const list = await replicaSetsOf("redo");
    expect(sizes(list)).toEqual([0, 2]);
    const events = (await eventsFor(cluster, "default", "redo")).filter((e) => e.reason === "ScalingReplicaSet").map((e) => e.message);
    const down = events.findIndex((m) => m.startsWith(`Scaled down replica set ${list[0].metadata.name}`));
    const up = events.findIndex((m) => m.startsWith(`Scaled up replica set ${list[1].metadata.name}`));
    expect(down).toBeGreaterThanOrEqual(0);
    expect(up).toBeGreaterThan(down);
  });

  it("reports ProgressDeadlineExceeded when pods never become available", async () => {
    await start();
    await create(cluster, deployPath, deployBody("stuck", 1, { progressDeadlineSeconds: 10 }));
    await settle(cluster, (t += 1000));
    expect(condition(await getJson(cluster, `${deployPath}/stuck`), "Progressing").status).toBe("True");
    await settle(cluster, (t += 12_000));
    const d = await getJson(cluster, `${deployPath}/stuck`);
    const [rs] = await replicaSetsOf("stuck");
    expect(condition(d, "Progressing")).toMatchObject({
      status: "False",
      reason: "ProgressDeadlineExceeded",
      message: `ReplicaSet "${rs.metadata.name}" has timed out progressing.`,
    });
  });

  it("rejects a template whose labels the selector does not match", async () => {
    await start();
    const body = deployBody("bad", 1);
    body.spec.selector = { matchLabels: { app: "other" } };
    const { status, body: answer } = await kubeJson(cluster, deployPath, { method: "POST", body });
    expect(status).toBe(422);
    expect(answer.message).toBe(
      'Deployment.apps "bad" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"bad"}: `selector` does not match template `labels`',
    );
  });
});
