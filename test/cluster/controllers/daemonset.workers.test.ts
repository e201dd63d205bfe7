// The DaemonSet kind and controller, driven through the API with the alarm; the tests play the kubelet.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../../src/api/platform";
import { coldStartMs, createCluster, kubeJson } from "../../helpers/cluster";
import { create, eventsFor, getJson, podsMatching, readyPod, settle } from "./workload-helpers";
import { fakeClockStart } from "../../helpers/fake-clock";

vi.setConfig({ testTimeout: 30_000, hookTimeout: coldStartMs });

let cluster: CreatedCluster;
let t = fakeClockStart();

beforeAll(async () => {
  cluster = await createCluster({ pace: "fast", workers: 2 });
});

afterEach(() => {
  vi.useRealTimers();
});

const dsPath = "/apis/apps/v1/namespaces/default/daemonsets";

function dsBody(name: string, podSpec: Record<string, unknown> = {}) {
  return {
    metadata: { name },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "agent", image: "fluentd:v1.16" }], ...podSpec } },
    },
  };
}

function start(): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  t += 3600_000;
  vi.setSystemTime(t);
}

/** Live (not terminating) pods by the node they are pinned to. */
async function podsByNode(app: string): Promise<Map<string, any>> {
  const pods = (await podsMatching(cluster, "default", `app=${app}`)).filter((p) => !p.metadata.deletionTimestamp);
  const pin = (p: any) => p.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values[0];
  return new Map(pods.map((p) => [pin(p), p]));
}

async function labelNode(name: string, labels: Record<string, string | null>): Promise<void> {
  const r = await kubeJson(cluster, `/api/v1/nodes/${name}`, { method: "PATCH", body: { metadata: { labels } }, contentType: "application/merge-patch+json" });
  expect(r.status).toBe(200);
}

describe("DaemonSet kind", () => {
  it("defaults the update strategy and history limit", async () => {
    const ds = await create(cluster, dsPath, dsBody("defaults", { nodeSelector: { nowhere: "true" } }));
    expect(ds.spec.updateStrategy).toEqual({ type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(ds.spec.revisionHistoryLimit).toBe(10);
    expect(ds.metadata.generation).toBe(1);
  });

  it("rejects a selector that does not match the template, and a changed selector", async () => {
    const body = dsBody("mismatch");
    body.spec.selector.matchLabels.app = "other";
    const bad = await kubeJson(cluster, dsPath, { method: "POST", body });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toBe('DaemonSet.apps "mismatch" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"mismatch"}: `selector` does not match template `labels`');
    const ds = await getJson(cluster, `${dsPath}/defaults`);
    ds.spec.selector.matchLabels.tier = "x";
    ds.spec.template.metadata.labels.tier = "x";
    const changed = await kubeJson(cluster, `${dsPath}/defaults`, { method: "PUT", body: ds });
    expect(changed.status).toBe(422);
    expect(changed.body.message).toMatch(/spec\.selector: Invalid value: .*: field is immutable$/);
  });
});

describe("DaemonSet controller", () => {
  it("runs one pod per worker, none on the tainted control plane, pinned by node affinity with the daemon tolerations", async () => {
    start();
    await create(cluster, dsPath, dsBody("agent"));
    await settle(cluster, t);
    const pods = await podsByNode("agent");
    expect([...pods.keys()].sort()).toEqual(["worker-1", "worker-2"]);
    const pod = pods.get("worker-1");
    expect(pod.metadata.ownerReferences[0]).toMatchObject({ kind: "DaemonSet", name: "agent", controller: true });
    expect(pod.metadata.labels["pod-template-generation"]).toBe("1");
    expect(pod.spec.tolerations).toEqual(
      expect.arrayContaining([
        { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute" },
        { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute" },
        { key: "node.kubernetes.io/disk-pressure", operator: "Exists", effect: "NoSchedule" },
        { key: "node.kubernetes.io/memory-pressure", operator: "Exists", effect: "NoSchedule" },
        { key: "node.kubernetes.io/pid-pressure", operator: "Exists", effect: "NoSchedule" },
        { key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" },
      ]),
    );
    const revisions = (await getJson(cluster, "/apis/apps/v1/namespaces/default/controllerrevisions")).items.filter((r: any) => r.metadata.ownerReferences[0].name === "agent");
    expect(revisions).toHaveLength(1);
    expect(revisions[0].revision).toBe(1);
    expect(revisions[0].metadata.name).toBe(`agent-${pod.metadata.labels["controller-revision-hash"]}`);
    const ds = await getJson(cluster, `${dsPath}/agent`);
    expect(ds.status).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 0, updatedNumberScheduled: 2, numberMisscheduled: 0, observedGeneration: 1 });
    const events = await eventsFor(cluster, "default", "agent");
    expect(events.filter((e) => e.reason === "SuccessfulCreate")).toHaveLength(2);
  });

  it("includes the control plane when the template tolerates its taint", async () => {
    start();
    await create(cluster, dsPath, dsBody("everywhere", { tolerations: [{ key: "node-role.kubernetes.io/control-plane", operator: "Exists", effect: "NoSchedule" }] }));
    await settle(cluster, t);
    expect([...(await podsByNode("everywhere")).keys()].sort()).toEqual(["control-plane", "worker-1", "worker-2"]);
  });

  it("follows node labels for nodeSelector, and new and removed nodes", async () => {
    start();
    await labelNode("worker-1", { disk: "ssd" });
    await create(cluster, dsPath, dsBody("ssd", { nodeSelector: { disk: "ssd" } }));
    await settle(cluster, t);
    expect([...(await podsByNode("ssd")).keys()]).toEqual(["worker-1"]);
    await labelNode("worker-2", { disk: "ssd" });
    await settle(cluster, (t += 1000));
    expect([...(await podsByNode("ssd")).keys()].sort()).toEqual(["worker-1", "worker-2"]);
    await labelNode("worker-1", { disk: null });
    await settle(cluster, (t += 1000));
    expect([...(await podsByNode("ssd")).keys()]).toEqual(["worker-2"]);

    await create(cluster, "/api/v1/nodes", { metadata: { name: "worker-9", labels: { disk: "ssd", "kubernetes.io/hostname": "worker-9" } } });
    await settle(cluster, (t += 1000));
    expect([...(await podsByNode("ssd")).keys()].sort()).toEqual(["worker-2", "worker-9"]);
    expect((await kubeJson(cluster, "/api/v1/nodes/worker-9", { method: "DELETE" })).status).toBe(200);
    await settle(cluster, (t += 1000));
    expect([...(await podsByNode("ssd")).keys()]).toEqual(["worker-2"]);
    await labelNode("worker-2", { disk: null });
  });

  it("rolls a template change out one node at a time, records revisions and rolls back to a renumbered revision", async () => {
    start();
    await create(cluster, dsPath, dsBody("roll"));
    await settle(cluster, t);
    for (const pod of (await podsByNode("roll")).values()) await readyPod(cluster, pod, t);
    await settle(cluster, (t += 1000));
    expect((await getJson(cluster, `${dsPath}/roll`)).status).toMatchObject({ numberReady: 2, numberAvailable: 2 });
    const firstHash = [...(await podsByNode("roll")).values()][0].metadata.labels["controller-revision-hash"];

    const patch = { spec: { template: { spec: { containers: [{ name: "agent", image: "fluentd:v1.17" }] } } } };
    const r = await kubeJson(cluster, `${dsPath}/roll`, { method: "PATCH", body: patch, contentType: "application/strategic-merge-patch+json" });
    expect(r.status).toBe(200);
    await settle(cluster, (t += 1000));
    let pods = [...(await podsByNode("roll")).values()];
    const images = pods.map((p) => p.spec.containers[0].image).sort();
    // maxUnavailable 1: one node replaced, the other still on the old template.
    expect(images).toEqual(["fluentd:v1.16", "fluentd:v1.17"]);
    let ds = await getJson(cluster, `${dsPath}/roll`);
    expect(ds.status).toMatchObject({ observedGeneration: 2, updatedNumberScheduled: 1, desiredNumberScheduled: 2 });
    for (const pod of pods.filter((p) => p.spec.containers[0].image === "fluentd:v1.17")) await readyPod(cluster, pod, t);
    await settle(cluster, (t += 1000));
    pods = [...(await podsByNode("roll")).values()];
    for (const pod of pods.filter((p) => !(p.status.conditions ?? []).some((c: any) => c.type === "Ready"))) await readyPod(cluster, pod, t);
    await settle(cluster, (t += 1000));
    ds = await getJson(cluster, `${dsPath}/roll`);
    expect(ds.status).toMatchObject({ updatedNumberScheduled: 2, numberAvailable: 2 });
    expect([...(await podsByNode("roll")).values()].map((p) => p.spec.containers[0].image)).toEqual(["fluentd:v1.17", "fluentd:v1.17"]);

    let revisions = (await getJson(cluster, "/apis/apps/v1/namespaces/default/controllerrevisions")).items.filter((x: any) => x.metadata.ownerReferences[0].name === "roll");
    expect(revisions.map((x: any) => x.revision).sort()).toEqual([1, 2]);
    const first = revisions.find((x: any) => x.revision === 1);
    expect(first.metadata.labels["controller-revision-hash"]).toBe(firstHash);
    // What `kubectl rollout undo ds/roll --to-revision=1` sends: the revision's data as a strategic merge patch.
    const undo = await kubeJson(cluster, `${dsPath}/roll`, { method: "PATCH", body: first.data, contentType: "application/strategic-merge-patch+json" });
    expect(undo.status, JSON.stringify(undo.body)).toBe(200);
    expect(undo.body.spec.template.spec.containers[0].image).toBe("fluentd:v1.16");
    await settle(cluster, (t += 1000));
    revisions = (await getJson(cluster, "/apis/apps/v1/namespaces/default/controllerrevisions")).items.filter((x: any) => x.metadata.ownerReferences[0].name === "roll");
    expect(revisions.map((x: any) => [x.metadata.labels["controller-revision-hash"], x.revision]).sort((a: any, b: any) => a[1] - b[1])).toEqual([
      [expect.any(String), 2],
      [firstHash, 3],
    ]);
  });
});
