// The StatefulSet controller on a whole cluster with a fake clock: stable names and identity, OrderedReady creation
// (each pod Running and Ready before the next exists), reverse-order scale-down one at a time, Parallel, failed pods
// made again under the same name.
import { describe, expect, it } from "vitest";
import { nodeCluster } from "../../../helpers/node-cluster";
import { create, eventsOf, get, isReady, livePods, ns, patch, podNames, send, slowStopSet, stsPath, terminating, webSet } from "./helpers";

describe("StatefulSet controller: ordering", () => {
  it("creates web-0 and waits for it to be Running and Ready before it creates web-1", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    await create(cluster, stsPath, webSet("web", { replicas: 3 }, 30));
    cluster.advance(20_000);
    const early = await livePods(cluster, "web");
    expect(early.map((p) => p.metadata.name)).toEqual(["web-0"]);
    expect(early[0].status.phase).toBe("Running");
    expect(isReady(early[0])).toBe(false);

    cluster.advance(15_000);
    const pods = await livePods(cluster, "web");
    expect(isReady(pods[0])).toBe(true);
    expect(pods.map((p) => p.metadata.name)).toEqual(["web-0", "web-1"]);
    expect(isReady(pods[1])).toBe(false);
    cluster.advance(80_000);
    expect(await podNames(cluster, "web")).toEqual(["web-0", "web-1", "web-2"]);

    const pod = (await livePods(cluster, "web"))[1];
    expect(pod.spec.hostname).toBe("web-1");
    expect(pod.spec.subdomain).toBe("nginx");
    expect(pod.metadata.labels).toMatchObject({ app: "web", "statefulset.kubernetes.io/pod-name": "web-1", "apps.kubernetes.io/pod-index": "1" });
    expect(pod.metadata.ownerReferences).toEqual([expect.objectContaining({ apiVersion: "apps/v1", kind: "StatefulSet", name: "web", controller: true, blockOwnerDeletion: true })]);
    const sts = await get(cluster, `${stsPath}/web`);
    expect(pod.metadata.labels["controller-revision-hash"]).toBe(sts.status.updateRevision);
    expect(sts.status).toMatchObject({ replicas: 3, readyReplicas: 3, availableReplicas: 3, currentReplicas: 3, updatedReplicas: 3, observedGeneration: 1, collisionCount: 0 });
    expect(sts.status.currentRevision).toBe(sts.status.updateRevision);
    expect(await eventsOf(cluster, "web")).toEqual([
      "Normal SuccessfulCreate create Pod web-0 in StatefulSet web successful",
      "Normal SuccessfulCreate create Pod web-1 in StatefulSet web successful",
      "Normal SuccessfulCreate create Pod web-2 in StatefulSet web successful",
    ]);
  });

  it("scales down from the highest ordinal, one pod at a time, each gone before the next is deleted", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    await create(cluster, stsPath, slowStopSet("web", { replicas: 4 }));
    cluster.advance(10_000);
    expect(await podNames(cluster, "web")).toEqual(["web-0", "web-1", "web-2", "web-3"]);
    await patch(cluster, `${stsPath}/web`, { spec: { replicas: 1 } }, "application/merge-patch+json");
    cluster.runOnce();
    expect(await terminating(cluster, "web")).toEqual(["web-3"]);
    cluster.advance(8_000);
    expect(await terminating(cluster, "web")).toEqual(["web-3"]);
    expect(await podNames(cluster, "web")).toEqual(["web-0", "web-1", "web-2"]);
    cluster.advance(4_000);
    expect(await terminating(cluster, "web")).toEqual(["web-2"]);
    cluster.advance(60_000);
    expect(await podNames(cluster, "web")).toEqual(["web-0"]);
    const deletions = (await eventsOf(cluster, "web")).filter((e) => e.includes("SuccessfulDelete"));
    expect(deletions).toEqual([
      "Normal SuccessfulDelete delete Pod web-3 in StatefulSet web successful",
      "Normal SuccessfulDelete delete Pod web-2 in StatefulSet web successful",
      "Normal SuccessfulDelete delete Pod web-1 in StatefulSet web successful",
    ]);
  });

  it("Parallel creates every pod at once and deletes every condemned pod at once", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    await create(cluster, stsPath, slowStopSet("par", { replicas: 3, podManagementPolicy: "Parallel" }));
    cluster.runOnce();
    const created = (await get(cluster, `${ns}/pods?labelSelector=app%3Dpar`)).items;
    expect(created.map((p: any) => p.metadata.name).sort()).toEqual(["par-0", "par-1", "par-2"]);
    expect(created.some(isReady)).toBe(false);
    cluster.advance(10_000);
    await patch(cluster, `${stsPath}/par`, { spec: { replicas: 0 } }, "application/merge-patch+json");
    cluster.runOnce();
    expect(await terminating(cluster, "par")).toEqual(["par-0", "par-1", "par-2"]);
  });

  it("deletes a failed pod and makes it again under the same name once the name is free", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    await create(cluster, stsPath, webSet("web", { replicas: 1 }));
    cluster.runUntilIdle();
    const before = (await livePods(cluster, "web"))[0];
    const failed = { status: { ...before.status, phase: "Failed" } };
    await patch(cluster, `${ns}/pods/web-0/status`, failed, "application/merge-patch+json");
    cluster.runUntilIdle();
    const after = (await livePods(cluster, "web"))[0];
    expect(after.metadata.name).toBe("web-0");
    expect(after.metadata.uid).not.toBe(before.metadata.uid);
    expect(isReady(after)).toBe(true);
    expect(await eventsOf(cluster, "web")).toContain("Normal SuccessfulDelete delete Pod web-0 in StatefulSet web successful");
  });

  it("adopts the pods and revision a set deleted with --cascade=orphan left behind, restarting none", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    await create(cluster, stsPath, webSet("web", { replicas: 2 }));
    cluster.runUntilIdle();
    const uids = (await livePods(cluster, "web")).map((p) => p.metadata.uid);
    const orphan = await send(cluster, "DELETE", `${stsPath}/web`, { kind: "DeleteOptions", apiVersion: "v1", propagationPolicy: "Orphan" });
    expect(orphan.status).toBe(200);
    cluster.runUntilIdle();
    expect((await livePods(cluster, "web")).map((p) => p.metadata.ownerReferences)).toEqual([undefined, undefined]);

    const again = await create(cluster, stsPath, webSet("web", { replicas: 2 }));
    cluster.runUntilIdle();
    const pods = await livePods(cluster, "web");
    expect(pods.map((p) => p.metadata.uid)).toEqual(uids);
    expect(pods.map((p) => p.metadata.ownerReferences[0].uid)).toEqual([again.metadata.uid, again.metadata.uid]);
    const revisions = (await get(cluster, "/apis/apps/v1/namespaces/default/controllerrevisions")).items;
    expect(revisions).toHaveLength(1);
    expect(revisions[0].metadata.ownerReferences[0].uid).toBe(again.metadata.uid);
    expect((await get(cluster, `${stsPath}/web`)).status).toMatchObject({ readyReplicas: 2, updatedReplicas: 2, collisionCount: 0 });
  });

  it("waits minReadySeconds after web-0 is Ready before creating web-1, and counts it available only then", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    await create(cluster, stsPath, webSet("web", { replicas: 2, minReadySeconds: 20 }));
    cluster.advance(10_000);
    expect(await podNames(cluster, "web")).toEqual(["web-0"]);
    expect((await get(cluster, `${stsPath}/web`)).status).toMatchObject({ readyReplicas: 1, availableReplicas: 0 });
    cluster.advance(15_000);
    expect(await podNames(cluster, "web")).toEqual(["web-0", "web-1"]);
    expect((await get(cluster, `${stsPath}/web`)).status.availableReplicas).toBe(1);
  });

  it("numbers the pods from ordinals.start", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    await create(cluster, stsPath, webSet("web", { replicas: 2, ordinals: { start: 5 } }));
    cluster.runUntilIdle();
    expect(await podNames(cluster, "web")).toEqual(["web-5", "web-6"]);
    expect((await get(cluster, `${ns}/pods/web-5`)).metadata.labels["apps.kubernetes.io/pod-index"]).toBe("5");
  });

  it("reports a refused create as FailedCreate and tries again with back-off", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    await create(cluster, `${ns}/resourcequotas`, { apiVersion: "v1", kind: "ResourceQuota", metadata: { name: "pods" }, spec: { hard: { pods: "1" } } });
    cluster.runUntilIdle();
    await create(cluster, stsPath, webSet("web", { replicas: 2, podManagementPolicy: "Parallel" }));
    cluster.advance(5_000);
    expect(await podNames(cluster, "web")).toEqual(["web-0"]);
    const failed = (await eventsOf(cluster, "web")).filter((e) => e.includes("FailedCreate"));
    expect(failed[0]).toMatch(/^Warning FailedCreate create Pod web-1 in StatefulSet web failed error: pods "web-1" is forbidden: exceeded quota: pods/);
    await patch(cluster, `${ns}/resourcequotas/pods`, { spec: { hard: { pods: "5" } } }, "application/merge-patch+json");
    cluster.advance(60_000);
    expect(await podNames(cluster, "web")).toEqual(["web-0", "web-1"]);
  });
});
