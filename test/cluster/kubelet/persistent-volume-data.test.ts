// A PersistentVolume's files kept in the Durable Object's SQLite: one row a write, read back by a kubelet built again
// over the same storage (a restarted object), a replayed run writing nothing more, the bounds, and the drop.
import { describe, expect, it } from "vitest";
import { nodeStorage } from "../../../bench/cpu/sqlite-storage";
import { claimVolumeBytes, totalClaimBytes, VolumeStores } from "../../../src/cluster/kubelet/volume-stores";
import { versionBytes } from "../../../src/cluster/kubelet/volume-tree";
import { VolumeDataTable } from "../../../src/cluster/storage/volume-data";

const T = 1_000_000;

function rowCount(storage: ReturnType<typeof nodeStorage>, volume?: string): number {
  const where = volume ? "WHERE volume = ?" : "";
  const row = storage.sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM volume_data ${where}`, ...(volume ? [volume] : [])).toArray()[0];
  return Number(row?.n ?? 0);
}

/** Count the SQL statements that change rows (a storage write each). */
function countingWrites(storage: ReturnType<typeof nodeStorage>): { sql: SqlStorage; writes: () => number } {
  let writes = 0;
  const exec = (query: string, ...bindings: unknown[]) => {
    if (/^\s*(INSERT|UPDATE|DELETE)/i.test(query)) writes++;
    return storage.sql.exec(query, ...bindings);
  };
  return { sql: { exec } as unknown as SqlStorage, writes: () => writes };
}

describe("PersistentVolume files in storage", () => {
  it("keeps a file written through one pod for another pod on another node, and for a kubelet built again", () => {
    const storage = nodeStorage();
    const stores = new VolumeStores(new VolumeDataTable(storage.sql));
    const tree = stores.forPod("pod-a", "node-1").persistentVolume("pvc-1", undefined);
    expect(tree.writes.mkdir("www", T)).toBe(true);
    expect(tree.writes.write("www/index.html", "kept\n", T + 1, false)).toBe(true);
    expect(tree.writes.write("www/index.html", "more\n", T + 2, true)).toBe(true);
    stores.dropPod("pod-a");
    expect(stores.forPod("pod-b", "node-2").persistentVolume("pvc-1", undefined).read("www/index.html", T + 10)).toBe("kept\nmore\n");

    const restarted = new VolumeStores(new VolumeDataTable(storage.sql));
    const again = restarted.forPod("pod-c", "node-1").persistentVolume("pvc-1", undefined);
    expect(again.read("www/index.html", T + 10)).toBe("kept\nmore\n");
    expect(again.read("www/index.html", T + 1)).toBe("kept\n");
    expect(again.list("", T + 10)).toEqual(["www"]);
    expect(restarted.persistentBytes).toBe(stores.persistentBytes);
  });

  it("costs one storage write (one row) a file write, and none for the same write replayed", () => {
    const storage = nodeStorage();
    const counted = countingWrites(storage);
    const stores = new VolumeStores(new VolumeDataTable(counted.sql));
    const tree = stores.forPod("pod-a", "node-1").persistentVolume("pvc-1", undefined);
    const before = counted.writes();
    expect(tree.writes.write("note", "hello\n", T, false)).toBe(true);
    expect(counted.writes() - before).toBe(1);
    expect(tree.writes.write("note", "again\n", T + 1, true)).toBe(true);
    expect(counted.writes() - before).toBe(2);
    // A replayed run makes the same writes at the same moments: nothing more is stored.
    tree.writes.write("note", "hello\n", T, false);
    tree.writes.write("note", "again\n", T + 1, true);
    expect(counted.writes() - before).toBe(2);
    expect(rowCount(storage, "pvc-1")).toBe(2);
    // ...also after a restart, when the tree was read back from its rows.
    const restarted = new VolumeStores(new VolumeDataTable(counted.sql));
    const reread = restarted.forPod("pod-a", "node-1").persistentVolume("pvc-1", undefined);
    reread.writes.write("note", "hello\n", T, false);
    reread.writes.write("note", "again\n", T + 1, true);
    expect(rowCount(storage, "pvc-1")).toBe(2);
  });

  it("bounds a volume by its capacity and by claimVolumeBytes, and all volumes by totalClaimBytes: ENOSPC over them", () => {
    const stores = new VolumeStores(new VolumeDataTable(nodeStorage().sql));
    const small = stores.forPod("p", "n").persistentVolume("small", 100);
    expect(small.writes.write("a", "x".repeat(100 - versionBytes), T, false)).toBe(true);
    expect(small.writes.write("b", "", T, false)).toBe("ENOSPC");

    const big = "x".repeat(claimVolumeBytes - versionBytes);
    expect(stores.forPod("p", "n").persistentVolume("v0", 10 * claimVolumeBytes).writes.write("f", big + "x", T, false)).toBe("ENOSPC");
    const volumes = totalClaimBytes / claimVolumeBytes;
    for (let i = 0; i < volumes - 1; i++) expect(stores.forPod("p", "n").persistentVolume(`v${i}`, undefined).writes.write("f", big, T, false)).toBe(true);
    // The cluster's bound is reached before the last volume's own: its write is refused.
    const last = stores.forPod("p", "n").persistentVolume(`v${volumes - 1}`, undefined);
    expect(last.writes.write("f", big, T, false)).toBe("ENOSPC");
    // Deleting a volume gives its bytes back, in memory and in storage.
    stores.dropPersistentVolume("v0");
    expect(last.writes.write("f", big, T, false)).toBe(true);
  });

  it("drops a deleted volume's rows; a tree a run still holds writes nothing more to storage", () => {
    const storage = nodeStorage();
    const stores = new VolumeStores(new VolumeDataTable(storage.sql));
    const held = stores.forPod("p", "n").persistentVolume("pvc-1", undefined);
    held.writes.write("a", "1", T, false);
    stores.forPod("p", "n").persistentVolume("pvc-2", undefined).writes.write("b", "2", T, false);
    stores.dropPersistentVolume("pvc-1");
    expect(rowCount(storage, "pvc-1")).toBe(0);
    expect(rowCount(storage)).toBe(1);
    held.writes.write("c", "3", T + 1, false);
    expect(rowCount(storage, "pvc-1")).toBe(0);
    expect(stores.persistentVolumes()).toEqual(["pvc-2"]);
    expect(stores.forPod("q", "n").persistentVolume("pvc-1", undefined).list("", T + 5)).toEqual([]);
  });
});
