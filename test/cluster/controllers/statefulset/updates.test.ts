// StatefulSet updates: RollingUpdate from the highest ordinal down, one pod at a time and each Ready before the next,
// held at the partition; OnDelete waits for the user's deletions; ControllerRevisions record each template, a rollback
// (the revision's patch, as `kubectl rollout undo` applies it) renumbers the old revision, and revisionHistoryLimit
// bounds the rest.
import { describe, expect, it } from "vitest";
import { nodeCluster, type NodeCluster } from "../../../helpers/node-cluster";
import { create, get, isReady, livePods, ns, patch, send, stsPath, webSet } from "./helpers";

const image = (tag: string) => ({ spec: { template: { spec: { containers: [{ name: "nginx", image: `nginx:${tag}` }] } } } });

async function images(cluster: NodeCluster, app: string): Promise<string[]> {
  return (await livePods(cluster, app)).map((p) => `${p.metadata.name}=${p.spec.containers[0].image}`);
}

async function revisionsOf(cluster: NodeCluster, name: string): Promise<any[]> {
  const list = await get(cluster, "/apis/apps/v1/namespaces/default/controllerrevisions");
  return list.items.filter((r: any) => r.metadata.ownerReferences?.[0]?.name === name).sort((a: any, b: any) => a.revision - b.revision);
}

describe("StatefulSet controller: updates", () => {
  it("rolls a new template out from the highest ordinal down, and stops at the partition", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    await create(cluster, stsPath, webSet("web", { replicas: 3 }, 5));
    cluster.advance(60_000);
    const first = (await get(cluster, `${stsPath}/web`)).status.currentRevision;

    await patch(cluster, `${stsPath}/web`, { spec: { updateStrategy: { rollingUpdate: { partition: 2 } } } });
    await patch(cluster, `${stsPath}/web`, image("1.28"));
    cluster.advance(60_000);
    expect(await images(cluster, "web")).toEqual(["web-0=nginx:1.27", "web-1=nginx:1.27", "web-2=nginx:1.28"]);
    let sts = await get(cluster, `${stsPath}/web`);
    expect(sts.status).toMatchObject({ currentRevision: first, currentReplicas: 2, updatedReplicas: 1, readyReplicas: 3 });
    expect(sts.status.updateRevision).not.toBe(first);
    expect((await get(cluster, `${ns}/pods/web-2`)).metadata.labels["controller-revision-hash"]).toBe(sts.status.updateRevision);

    // A pod below the partition deleted by hand comes back at the current revision.
    await send(cluster, "DELETE", `${ns}/pods/web-0`);
    cluster.advance(60_000);
    expect(await images(cluster, "web")).toEqual(["web-0=nginx:1.27", "web-1=nginx:1.27", "web-2=nginx:1.28"]);

    await patch(cluster, `${stsPath}/web`, { spec: { updateStrategy: { rollingUpdate: { partition: 0 } } } });
    cluster.advance(2_000);
    // One at a time: web-1 goes first, web-0 waits until the new web-1 is Ready.
    expect(await images(cluster, "web")).toEqual(["web-0=nginx:1.27", "web-1=nginx:1.28", "web-2=nginx:1.28"]);
    expect(isReady(await get(cluster, `${ns}/pods/web-1`))).toBe(false);
    cluster.advance(60_000);
    expect(await images(cluster, "web")).toEqual(["web-0=nginx:1.28", "web-1=nginx:1.28", "web-2=nginx:1.28"]);
    sts = await get(cluster, `${stsPath}/web`);
    expect(sts.status).toMatchObject({ currentReplicas: 3, updatedReplicas: 3, readyReplicas: 3 });
    expect(sts.status.currentRevision).toBe(sts.status.updateRevision);
  });

  it("OnDelete changes no pod until it is deleted, which then comes back at the new revision", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    await create(cluster, stsPath, webSet("web", { replicas: 2, updateStrategy: { type: "OnDelete" } }));
    cluster.runUntilIdle();
    await patch(cluster, `${stsPath}/web`, image("1.28"));
    cluster.runUntilIdle();
    expect(await images(cluster, "web")).toEqual(["web-0=nginx:1.27", "web-1=nginx:1.27"]);
    await send(cluster, "DELETE", `${ns}/pods/web-0`);
    cluster.runUntilIdle();
    expect(await images(cluster, "web")).toEqual(["web-0=nginx:1.28", "web-1=nginx:1.27"]);
    const sts = await get(cluster, `${stsPath}/web`);
    expect(sts.status).toMatchObject({ updatedReplicas: 1, currentReplicas: 1 });
  });

  it("records revisions; rolling back applies the old revision's patch and renumbers it; old ones beyond the limit go", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    await create(cluster, stsPath, webSet("web", { replicas: 2, revisionHistoryLimit: 1 }));
    cluster.runUntilIdle();
    await patch(cluster, `${stsPath}/web`, image("1.28"));
    cluster.runUntilIdle();
    let revisions = await revisionsOf(cluster, "web");
    expect(revisions.map((r) => r.revision)).toEqual([1, 2]);
    const [one, two] = revisions;
    expect(one.metadata.labels).toEqual({ app: "web", "controller.kubernetes.io/hash": one.metadata.name.slice("web-".length) });
    expect(one.data.spec.template.$patch).toBe("replace");
    expect(one.data.spec.template.spec.containers[0].image).toBe("nginx:1.27");
    expect(one.metadata.ownerReferences[0]).toMatchObject({ kind: "StatefulSet", name: "web", controller: true });

    // `kubectl rollout undo`: the previous revision's data as a strategic merge patch.
    await patch(cluster, `${stsPath}/web`, one.data);
    cluster.runUntilIdle();
    expect(await images(cluster, "web")).toEqual(["web-0=nginx:1.27", "web-1=nginx:1.27"]);
    revisions = await revisionsOf(cluster, "web");
    expect(revisions.map((r) => [r.metadata.name, r.revision])).toEqual([
      [two.metadata.name, 2],
      [one.metadata.name, 3],
    ]);
    const sts = await get(cluster, `${stsPath}/web`);
    expect(sts.status.updateRevision).toBe(one.metadata.name);

    await patch(cluster, `${stsPath}/web`, image("1.29"));
    cluster.runUntilIdle();
    // The limit of 1 keeps one revision besides the live one.
    expect((await revisionsOf(cluster, "web")).map((r) => r.revision)).toEqual([3, 4]);
  });
});
