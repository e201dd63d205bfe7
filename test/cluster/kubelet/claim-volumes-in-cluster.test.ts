// Claim-backed volumes in a whole cluster: a file written through a claim outlives its pod and a restart of the object
// and is read on another node; a readOnly claim refuses writes; a deleted PV takes its files along; a claim that does
// not exist keeps the pod from starting.
import { describe, expect, it } from "vitest";
import { nodeStorage } from "../../../bench/cpu/sqlite-storage";
import { nodeCluster, type NodeCluster } from "../../helpers/node-cluster";
import { post, text } from "../../helpers/node-requests";

const json = { "content-type": "application/json" };
const ns = "/api/v1/namespaces/default";

async function remove(cluster: NodeCluster, path: string): Promise<void> {
  expect((await cluster.request(path, { method: "DELETE" })).status).toBe(200);
  cluster.runUntilIdle();
}

async function phaseOf(cluster: NodeCluster, name: string): Promise<string> {
  return ((await (await cluster.request(`${ns}/pods/${name}`)).json()) as { status: { phase: string } }).status.phase;
}

/** A static PV and a claim of no class that names it (spec.volumeName), bound by the PV controller. */
async function boundClaim(cluster: NodeCluster, claim: string, pv: string, size = "1Gi"): Promise<void> {
  await post(cluster, "/api/v1/persistentvolumes", {
    apiVersion: "v1",
    kind: "PersistentVolume",
    metadata: { name: pv },
    spec: { capacity: { storage: size }, accessModes: ["ReadWriteOnce"], hostPath: { path: `/tmp/hostpath-provisioner/${pv}` } },
  });
  await post(cluster, `${ns}/persistentvolumeclaims`, {
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    metadata: { name: claim },
    spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: size } }, storageClassName: "", volumeName: pv },
  });
}

function claimPod(name: string, script: string, options: { claim?: string; readOnly?: boolean; nodeName?: string } = {}) {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name },
    spec: {
      restartPolicy: "Never",
      ...(options.nodeName ? { nodeName: options.nodeName } : {}),
      containers: [{ name: "c", image: "busybox", command: ["sh", "-c", script], volumeMounts: [{ name: "data", mountPath: "/data" }] }],
      volumes: [{ name: "data", persistentVolumeClaim: { claimName: options.claim ?? "data", ...(options.readOnly ? { readOnly: true } : {}) } }],
    },
  };
}

async function nodeNames(cluster: NodeCluster): Promise<string[]> {
  const nodes = (await (await cluster.request("/api/v1/nodes")).json()) as { items: { metadata: { name: string } }[] };
  return nodes.items.map((n) => n.metadata.name);
}

function rows(storage: ReturnType<typeof nodeStorage>, volume: string): number {
  return Number(storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM volume_data WHERE volume = ?", volume).toArray()[0]?.n ?? 0);
}

describe("claim volumes in a cluster", () => {
  it("keeps a file written through a claim after its pod, for a new pod on another node, also after the object restarts", async () => {
    const storage = nodeStorage();
    const before = nodeCluster({ storage });
    before.runUntilIdle();
    const [first, second] = await nodeNames(before);
    await boundClaim(before, "data", "pv-data");
    await post(before, `${ns}/pods`, claimPod("writer", "mkdir -p /data/www && echo kept > /data/www/note", { nodeName: first }));
    before.runUntilIdle();
    before.advance(1_000);
    expect(await phaseOf(before, "writer")).toBe("Succeeded");
    // Reading the writer's log replays its run: nothing more is stored.
    const stored = rows(storage, "pv-data");
    // mkdir, the file made by the redirection, its content: a row each.
    expect(stored).toBe(3);
    expect(await text(before, `${ns}/pods/writer/log`)).toBe("");
    expect(rows(storage, "pv-data")).toBe(stored);
    await remove(before, `${ns}/pods/writer`);

    await post(before, `${ns}/pods`, claimPod("reader", "cat /data/www/note", { nodeName: second }));
    before.runUntilIdle();
    before.advance(1_000);
    expect(await text(before, `${ns}/pods/reader/log`)).toBe("kept\n");

    const after = nodeCluster({ storage, bootstrap: false, start: before.now + 60_000 });
    after.runUntilIdle();
    await post(after, `${ns}/pods`, claimPod("later", "echo again >> /data/www/note", { nodeName: first }));
    after.runUntilIdle();
    after.advance(1_000);
    expect(rows(storage, "pv-data")).toBe(stored + 1);
    await post(after, `${ns}/pods`, claimPod("last", "cat /data/www/note"));
    after.runUntilIdle();
    after.advance(1_000);
    expect(await text(after, `${ns}/pods/last/log`)).toBe("kept\nagain\n");
  });

  it("makes a running container's writes once: replayed after a restart of the object, its run stores nothing more", async () => {
    const storage = nodeStorage();
    const before = nodeCluster({ storage });
    before.runUntilIdle();
    await boundClaim(before, "data", "pv-run");
    await post(before, `${ns}/pods`, claimPod("app", "echo start >> /data/log; sleep 2; echo tick >> /data/log; sleep infinity"));
    before.runUntilIdle();
    before.advance(5_000);
    expect(await phaseOf(before, "app")).toBe("Running");
    expect(await text(before, `${ns}/pods/app/log`)).toBe("");
    const stored = rows(storage, "pv-run");

    const after = nodeCluster({ storage, bootstrap: false, start: before.now + 1_000 });
    after.runUntilIdle();
    after.advance(2_000);
    expect(await text(after, `${ns}/pods/app/log`)).toBe("");
    expect(rows(storage, "pv-run")).toBe(stored);
    await post(after, `${ns}/pods`, claimPod("reader", "cat /data/log"));
    after.runUntilIdle();
    after.advance(1_000);
    expect(await text(after, `${ns}/pods/reader/log`)).toBe("start\ntick\n");
  });

  it("refuses writes through a readOnly claim", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    await boundClaim(cluster, "data", "pv-ro");
    await post(cluster, `${ns}/pods`, claimPod("ro", "echo x > /data/x; ls /data", { readOnly: true }));
    cluster.runUntilIdle();
    cluster.advance(1_000);
    expect(await text(cluster, `${ns}/pods/ro/log`)).toBe("sh: can't create /data/x: Read-only file system\n");
  });

  it("bounds a claim by its PV's capacity: a write over it gets ENOSPC", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    // Each version costs 64 bytes besides its content: "a" (made, then 41 bytes) takes 169 of the 200.
    await boundClaim(cluster, "data", "pv-small", "200");
    await post(cluster, `${ns}/pods`, claimPod("full", "echo 0123456789012345678901234567890123456789 > /data/a; echo more > /data/b; ls /data"));
    cluster.runUntilIdle();
    cluster.advance(1_000);
    expect(await text(cluster, `${ns}/pods/full/log`)).toBe("sh: can't create /data/b: No space left on device\na\n");
  });

  it("drops a PV's files when the PV is deleted: a PV made again with its name is empty", async () => {
    const storage = nodeStorage();
    const cluster = nodeCluster({ storage });
    cluster.runUntilIdle();
    await boundClaim(cluster, "data", "pv-gone");
    await post(cluster, `${ns}/pods`, claimPod("writer", "echo kept > /data/note"));
    cluster.runUntilIdle();
    cluster.advance(1_000);
    expect(rows(storage, "pv-gone")).toBe(2);
    await remove(cluster, `${ns}/pods/writer`);
    await remove(cluster, `${ns}/persistentvolumeclaims/data`);
    await remove(cluster, "/api/v1/persistentvolumes/pv-gone");
    expect(rows(storage, "pv-gone")).toBe(0);

    await boundClaim(cluster, "data", "pv-gone");
    await post(cluster, `${ns}/pods`, claimPod("reader", "ls /data"));
    cluster.runUntilIdle();
    cluster.advance(1_000);
    expect(await text(cluster, `${ns}/pods/reader/log`)).toBe("");
  });

  it("drops, when the object starts, the files of a PV that is no more (deleted while the kubelet did not look)", async () => {
    const storage = nodeStorage();
    const before = nodeCluster({ storage });
    before.runUntilIdle();
    await boundClaim(before, "data", "pv-kept");
    await post(before, `${ns}/pods`, claimPod("writer", "echo kept > /data/note"));
    before.runUntilIdle();
    before.advance(1_000);
    storage.sql.exec("INSERT INTO volume_data (volume, seq, path, at, kind, content) VALUES ('pv-orphan', 1, 'f', 0, 'file', 'x')");
    const after = nodeCluster({ storage, bootstrap: false, start: before.now + 1_000 });
    after.runUntilIdle();
    expect(rows(storage, "pv-orphan")).toBe(0);
    expect(rows(storage, "pv-kept")).toBe(2);
  });

  it("keeps a pod whose claim does not exist in ContainerCreating, and starts it once the claim is bound", async () => {
    const cluster = nodeCluster();
    cluster.runUntilIdle();
    const [node] = await nodeNames(cluster);
    await post(cluster, `${ns}/pods`, claimPod("waiting", "echo ok > /data/f; cat /data/f", { claim: "later", nodeName: node }));
    cluster.runUntilIdle();
    cluster.advance(5_000);
    expect(await phaseOf(cluster, "waiting")).toBe("Pending");
    const events = (await (await cluster.request(`${ns}/events`)).json()) as { items: { reason: string; message: string }[] };
    expect(events.items.find((e) => e.reason === "FailedMount")?.message).toBe(
      'MountVolume.SetUp failed for volume "data" : error processing PVC default/later: failed to fetch PVC from API server: persistentvolumeclaims "later" not found',
    );
    await boundClaim(cluster, "later", "pv-later");
    cluster.runUntilIdle();
    cluster.advance(1_000);
    expect(await phaseOf(cluster, "waiting")).toBe("Succeeded");
    expect(await text(cluster, `${ns}/pods/waiting/log`)).toBe("ok\n");
  });
});
