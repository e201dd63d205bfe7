// The ReplicaSet and ReplicationController controllers through the API, with the alarm and a fake clock. The
// cluster has no worker node, so pods stay unscheduled and the tests play the kubelet where readiness matters.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../../../src/api/platform";
import { coldStartMs, createCluster, kubeJson } from "../../../helpers/cluster";
import { create, eventsFor, getJson, podsMatching, readyPod, settle } from "../workload-helpers";
import { fakeClockStart } from "../../../helpers/fake-clock";

vi.setConfig({ testTimeout: 30_000, hookTimeout: coldStartMs });

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

const rsPath = "/apis/apps/v1/namespaces/default/replicasets";

function rsBody(name: string, replicas: number, extra: Record<string, unknown> = {}) {
  return {
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name, tier: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.25" }] } },
      ...extra,
    },
  };
}

const active = (pods: any[]) => pods.filter((p) => !p.metadata.deletionTimestamp);

describe("ReplicaSet controller", () => {
  it("creates the pods, owned and named after it, and reports status", async () => {
    await start();
    const rs = await create(cluster, rsPath, rsBody("front", 3));
    expect(rs.spec.template.spec.restartPolicy).toBe("Always");
    await settle(cluster, (t += 1000));
    const pods = await podsMatching(cluster, "default", "app=front");
    expect(pods).toHaveLength(3);
    for (const pod of pods) {
      expect(pod.metadata.name).toMatch(/^front-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(pod.metadata.labels).toEqual({ app: "front", tier: "web" });
      expect(pod.metadata.ownerReferences).toEqual([
        { apiVersion: "apps/v1", kind: "ReplicaSet", name: "front", uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true },
      ]);
    }
    const current = await getJson(cluster, `${rsPath}/front`);
    expect(current.status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
    const events = await eventsFor(cluster, "default", "front");
    expect(events.filter((e) => e.reason === "SuccessfulCreate").map((e) => e.message).sort()).toEqual(pods.map((p) => `Created pod: ${p.metadata.name}`).sort());
  });

  it("counts ready pods, and available ones after minReadySeconds", async () => {
    await start();
    await create(cluster, rsPath, rsBody("ready", 2, { minReadySeconds: 30 }));
    await settle(cluster, (t += 1000));
    const pods = await podsMatching(cluster, "default", "app=ready");
    for (const pod of pods) await readyPod(cluster, pod, t);
    await settle(cluster, (t += 1000));
    expect((await getJson(cluster, `${rsPath}/ready`)).status).toMatchObject({ replicas: 2, readyReplicas: 2 });
    expect((await getJson(cluster, `${rsPath}/ready`)).status.availableReplicas).toBeUndefined();
    await settle(cluster, (t += 30_000));
    expect((await getJson(cluster, `${rsPath}/ready`)).status).toMatchObject({ replicas: 2, readyReplicas: 2, availableReplicas: 2 });
  });

  it("scales down through the scale subresource, deleting not-ready pods first", async () => {
    await start();
    await create(cluster, rsPath, rsBody("shrink", 3));
    await settle(cluster, (t += 1000));
    const pods = await podsMatching(cluster, "default", "app=shrink");
    await readyPod(cluster, pods[0], t);
    const scaled = await kubeJson(cluster, `${rsPath}/shrink/scale`, { method: "PATCH", body: { spec: { replicas: 1 } }, contentType: "application/merge-patch+json" });
    expect(scaled.status).toBe(200);
    expect(scaled.body.status.selector).toBe("app=shrink");
    await settle(cluster, (t += 1000));
    const left = active(await podsMatching(cluster, "default", "app=shrink"));
    expect(left.map((p) => p.metadata.name)).toEqual([pods[0].metadata.name]);
    const deleted = (await eventsFor(cluster, "default", "shrink")).filter((e) => e.reason === "SuccessfulDelete");
    expect(deleted).toHaveLength(2);
    expect((await getJson(cluster, `${rsPath}/shrink`)).status).toMatchObject({ replicas: 1, observedGeneration: 2 });
  });

  it("replaces a deleted pod", async () => {
    await start();
    await create(cluster, rsPath, rsBody("heal", 2));
    await settle(cluster, (t += 1000));
    const [victim] = await podsMatching(cluster, "default", "app=heal");
    const removed = await kubeJson(cluster, `/api/v1/namespaces/default/pods/${victim.metadata.name}`, { method: "DELETE" });
    expect(removed.status).toBe(200);
    await settle(cluster, (t += 1000));
    const pods = active(await podsMatching(cluster, "default", "app=heal"));
    expect(pods).toHaveLength(2);
    expect(pods.map((p) => p.metadata.name)).not.toContain(victim.metadata.name);
  });

  it("adopts a matching orphan pod instead of creating one, and releases a relabelled pod", async () => {
    await start();
    await create(cluster, "/api/v1/namespaces/default/pods", {
      metadata: { name: "stray", labels: { app: "adopt" } },
      spec: { containers: [{ name: "nginx", image: "nginx:1.25" }] },
    });
    const rs = await create(cluster, rsPath, rsBody("adopt", 2));
    await settle(cluster, (t += 1000));
    const stray = await getJson(cluster, "/api/v1/namespaces/default/pods/stray");
    expect(stray.metadata.ownerReferences?.[0]).toMatchObject({ kind: "ReplicaSet", name: "adopt", uid: rs.metadata.uid, controller: true });
    expect(active(await podsMatching(cluster, "default", "app=adopt"))).toHaveLength(2);

    const relabel = await kubeJson(cluster, "/api/v1/namespaces/default/pods/stray", {
      method: "PATCH",
      body: { metadata: { labels: { app: "elsewhere" } } },
      contentType: "application/merge-patch+json",
    });
    expect(relabel.status).toBe(200);
    await settle(cluster, (t += 1000));
    expect((await getJson(cluster, "/api/v1/namespaces/default/pods/stray")).metadata.ownerReferences).toBeUndefined();
    expect(active(await podsMatching(cluster, "default", "app=adopt"))).toHaveLength(2);
  });

  it("rejects a selector change with the apps/v1 message", async () => {
    await start();
    await create(cluster, rsPath, rsBody("fixed", 1));
    const { status, body } = await kubeJson(cluster, `${rsPath}/fixed`, {
      method: "PATCH",
      body: { spec: { selector: { matchLabels: { app: "fixed", x: "y" } } } },
      contentType: "application/merge-patch+json",
    });
    expect(status).toBe(422);
    expect(body.message).toContain('spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"fixed", "x":"y"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable');
  });
});

describe("ReplicationController controller", () => {
  it("defaults its selector from the template and keeps its pods", async () => {
    await start();
    const rc = await create(cluster, "/api/v1/namespaces/default/replicationcontrollers", {
      metadata: { name: "legacy" },
      spec: { replicas: 2, template: { metadata: { labels: { app: "legacy" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.25" }] } } },
    });
    expect(rc.spec.selector).toEqual({ app: "legacy" });
    await settle(cluster, (t += 1000));
    const pods = await podsMatching(cluster, "default", "app=legacy");
    expect(pods).toHaveLength(2);
    expect(pods[0].metadata.ownerReferences[0]).toMatchObject({ apiVersion: "v1", kind: "ReplicationController", name: "legacy", controller: true });
    const events = await getJson(cluster, `/api/v1/namespaces/default/events?fieldSelector=${encodeURIComponent("involvedObject.name=legacy")}`);
    expect(events.items[0].source.component).toBe("replication-controller");
    expect((await getJson(cluster, "/api/v1/namespaces/default/replicationcontrollers/legacy")).status).toMatchObject({ replicas: 2, observedGeneration: 1 });
  });
});
