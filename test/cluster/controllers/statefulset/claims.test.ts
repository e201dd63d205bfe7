// StatefulSet claims: one claim per pod and template, `<template>-<set>-<ordinal>`, created before its pod and kept
// when the set scales down (Retain); persistentVolumeClaimRetentionPolicy Delete as owner references the garbage
// collector follows; a pod is not made while its claim still belongs to the pod it replaces.
import { describe, expect, it } from "vitest";
import { nodeCluster } from "../../../helpers/node-cluster";
import { create, eventsOf, get, ns, patch, podNames, send, slowStopSet, stsPath, webSet } from "./helpers";

const claimTemplate = {
  metadata: { name: "www" },
  spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } },
};

function withClaims(name: string, spec: Record<string, unknown> = {}) {
  const set = webSet(name, { volumeClaimTemplates: [claimTemplate], ...spec });
  (set.spec.template.spec.containers[0] as Record<string, unknown>).volumeMounts = [{ name: "www", mountPath: "/usr/share/nginx/html" }];
  return set;
}

async function claimNames(cluster: ReturnType<typeof nodeCluster>): Promise<string[]> {
  const list = await get(cluster, `${ns}/persistentvolumeclaims`);
  return list.items.filter((c: any) => !c.metadata.deletionTimestamp).map((c: any) => c.metadata.name).sort();
}

async function claim(cluster: ReturnType<typeof nodeCluster>, name: string): Promise<any> {
  return get(cluster, `${ns}/persistentvolumeclaims/${name}`);
}

describe("StatefulSet controller: claims", () => {
  it("creates each pod's claim before the pod, mounts it, and keeps the claims when scaled down", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    const sts = await create(cluster, stsPath, withClaims("web"));
    expect(sts.spec.volumeClaimTemplates[0]).toMatchObject({ apiVersion: "v1", kind: "PersistentVolumeClaim", spec: { volumeMode: "Filesystem" }, status: { phase: "Pending" } });
    cluster.runUntilIdle();
    expect(await podNames(cluster, "web")).toEqual(["web-0", "web-1"]);
    expect(await claimNames(cluster)).toEqual(["www-web-0", "www-web-1"]);
    const www0 = await claim(cluster, "www-web-0");
    expect(www0.metadata.labels).toEqual({ app: "web" });
    expect(www0.metadata.ownerReferences).toBeUndefined();
    expect(www0.spec).toMatchObject({ accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } });
    const pod = await get(cluster, `${ns}/pods/web-1`);
    expect(pod.spec.volumes[0]).toEqual({ name: "www", persistentVolumeClaim: { claimName: "www-web-1" } });
    expect((await eventsOf(cluster, "web")).slice(0, 2)).toEqual([
      "Normal SuccessfulCreate create Claim www-web-0 Pod web-0 in StatefulSet web success",
      "Normal SuccessfulCreate create Pod web-0 in StatefulSet web successful",
    ]);

    const claimUid = (await claim(cluster, "www-web-1")).metadata.uid;
    await patch(cluster, `${stsPath}/web`, { spec: { replicas: 1 } }, "application/merge-patch+json");
    cluster.runUntilIdle();
    expect(await podNames(cluster, "web")).toEqual(["web-0"]);
    expect(await claimNames(cluster)).toEqual(["www-web-0", "www-web-1"]);
    // Scaled up again, web-1 gets its old claim back.
    await patch(cluster, `${stsPath}/web`, { spec: { replicas: 2 } }, "application/merge-patch+json");
    cluster.runUntilIdle();
    expect(await podNames(cluster, "web")).toEqual(["web-0", "web-1"]);
    expect((await claim(cluster, "www-web-1")).metadata.uid).toBe(claimUid);
    expect((await eventsOf(cluster, "web")).filter((e) => e.includes("Claim"))).toHaveLength(2);
  });

  it("whenDeleted: Delete makes the StatefulSet the claims' controller, so they go with it", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    await create(cluster, stsPath, withClaims("web", { persistentVolumeClaimRetentionPolicy: { whenDeleted: "Delete", whenScaled: "Retain" } }));
    cluster.runUntilIdle();
    const sts = await get(cluster, `${stsPath}/web`);
    const owners = (await claim(cluster, "www-web-0")).metadata.ownerReferences;
    expect(owners).toEqual([{ apiVersion: "apps/v1", kind: "StatefulSet", name: "web", uid: sts.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    // Scaled down, the claim stays (whenScaled: Retain).
    await patch(cluster, `${stsPath}/web`, { spec: { replicas: 1 } }, "application/merge-patch+json");
    cluster.runUntilIdle();
    expect(await claimNames(cluster)).toEqual(["www-web-0", "www-web-1"]);
    expect((await send(cluster, "DELETE", `${stsPath}/web`)).status).toBe(200);
    cluster.runUntilIdle();
    expect(await claimNames(cluster)).toEqual([]);
    expect(await podNames(cluster, "web")).toEqual([]);
  });

  it("whenScaled: Delete hands a scaled-down pod's claim to that pod, and the claim goes with it", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    const set = slowStopSet("db", { replicas: 2, volumeClaimTemplates: [claimTemplate], persistentVolumeClaimRetentionPolicy: { whenDeleted: "Retain", whenScaled: "Delete" } }, 5);
    await create(cluster, stsPath, set);
    cluster.advance(10_000);
    expect((await claim(cluster, "www-db-1")).metadata.ownerReferences).toBeUndefined();
    await patch(cluster, `${stsPath}/db`, { spec: { replicas: 1 } }, "application/merge-patch+json");
    cluster.runOnce();
    const pod = await get(cluster, `${ns}/pods/db-1`);
    expect((await claim(cluster, "www-db-1")).metadata.ownerReferences).toEqual([
      { apiVersion: "v1", kind: "Pod", name: "db-1", uid: pod.metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
    cluster.advance(30_000);
    expect(await podNames(cluster, "db")).toEqual(["db-0"]);
    expect(await claimNames(cluster)).toEqual(["www-db-0"]);
  });
});
