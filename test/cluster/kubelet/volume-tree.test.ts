// The kubelet's writable volume trees: reads as of a moment, replayed writes taken once, and the byte bounds.
import { describe, expect, it } from "vitest";
import { VersionedTree, versionBytes } from "../../../src/cluster/kubelet/volume-tree";
import { emptyDirBytes, totalVolumeBytes, VolumeStores } from "../../../src/cluster/kubelet/volume-stores";

const T = 1_000_000;

describe("VersionedTree", () => {
  it("answers what a path was at a moment: before a write, after it, after its removal", () => {
    const tree = new VersionedTree(1024);
    expect(tree.writes.mkdir("logs", T)).toBe(true);
    expect(tree.writes.write("logs/a", "one\n", T + 10, false)).toBe(true);
    expect(tree.writes.write("logs/a", "two\n", T + 20, true)).toBe(true);
    expect(tree.writes.remove("logs/a", T + 30)).toBe(true);
    expect(tree.kind("logs", T - 1)).toBeUndefined();
    expect(tree.read("logs/a", T + 9)).toBeUndefined();
    expect(tree.read("logs/a", T + 10)).toBe("one\n");
    expect(tree.read("logs/a", T + 25)).toBe("one\ntwo\n");
    expect(tree.list("logs", T + 25)).toEqual(["a"]);
    expect(tree.kind("logs/a", T + 30)).toBeUndefined();
    expect(tree.list("logs", T + 30)).toEqual([]);
    expect(tree.list("", T + 30)).toEqual(["logs"]);
  });

  it("refuses a write whose directory is missing or that names a directory", () => {
    const tree = new VersionedTree(1024);
    expect(tree.writes.write("nope/a", "x", T, false)).toBe(false);
    tree.writes.mkdir("d", T);
    expect(tree.writes.write("d", "x", T, false)).toBe(false);
    expect(tree.writes.mkdir("d", T + 1)).toBe(false);
  });

  it("takes a replayed run's writes once: the same writes at the same moments change nothing", () => {
    const tree = new VersionedTree(1024);
    const run = () => [tree.writes.write("index.html", "", T, false), tree.writes.write("index.html", "hello\n", T, true), tree.writes.write("log", "", T + 5, true), tree.writes.write("log", "tick\n", T + 5, true), tree.writes.write("log", "tick\n", T + 10, true)];
    expect(run()).toEqual([true, true, true, true, true]);
    const bytes = tree.bytes;
    expect(run()).toEqual([true, true, true, true, true]);
    expect(tree.bytes).toBe(bytes);
    expect(tree.read("index.html", T)).toBe("hello\n");
    expect(tree.read("log", T + 10)).toBe("tick\ntick\n");
  });

  it("keeps an appended piece alone, so a log written line by line costs its length (and each version's bookkeeping)", () => {
    const tree = new VersionedTree(4096);
    for (let i = 0; i < 10; i++) tree.writes.write("log", "0123456789", T + i, true);
    expect(tree.bytes).toBe(10 * (versionBytes + 10));
    expect(tree.read("log", T + 4)).toBe("0123456789".repeat(5));
  });

  it("refuses a write over its bound with ENOSPC, and over the budget it shares", () => {
    const tree = new VersionedTree(2 * versionBytes + 10);
    expect(tree.writes.write("a", "12345678", T, false)).toBe(true);
    expect(tree.writes.write("b", "123", T + 1, false)).toBe("ENOSPC");
    expect(tree.kind("b", T + 1)).toBeUndefined();
    expect(tree.writes.write("b", "12", T + 1, false)).toBe(true);
    const empty = new VersionedTree(3 * versionBytes);
    const made = [0, 1, 2, 3].map((i) => empty.writes.mkdir(`d${i}`, T));
    expect(made).toEqual([true, true, true, "ENOSPC"]);
    const budget = { used: 0, limit: versionBytes + 5 };
    const shared = [new VersionedTree(1000, budget), new VersionedTree(1000, budget)];
    expect(shared[0]!.writes.write("a", "1234", T, false)).toBe(true);
    expect(shared[1]!.writes.write("a", "12", T, false)).toBe("ENOSPC");
    shared[0]!.release();
    expect(budget.used).toBe(0);
    expect(shared[1]!.writes.write("a", "12", T, false)).toBe(true);
  });
});

describe("VolumeStores", () => {
  it("gives a pod's containers one tree per emptyDir, drops it with the pod, and keeps a node's filesystem across pods", () => {
    const stores = new VolumeStores();
    const first = stores.forPod("uid-1", "minikube");
    first.emptyDir("cache", emptyDirBytes).writes.write("index.html", "hello\n", T, false);
    expect(stores.forPod("uid-1", "minikube").emptyDir("cache", emptyDirBytes).read("index.html", T)).toBe("hello\n");
    expect(stores.forPod("uid-2", "minikube").emptyDir("cache", emptyDirBytes).read("index.html", T)).toBeUndefined();
    first.nodeFilesystem().writes.write("data/kept", "yes", T, false);
    const withPod = stores.bytes;
    stores.dropPod("uid-1");
    expect(withPod - stores.bytes).toBe(versionBytes + "hello\n".length);
    expect(stores.forPod("uid-1", "minikube", false).emptyDir("cache", emptyDirBytes).read("index.html", T)).toBeUndefined();
    expect(stores.forPod("uid-3", "minikube").nodeFilesystem().read("data/kept", T)).toBe("yes");
    expect(stores.forPod("uid-3", "minikube-m02").nodeFilesystem().read("data/kept", T)).toBeUndefined();
  });

  it("keeps nothing for a replay of a pod it forgot, and bounds all trees together", () => {
    const stores = new VolumeStores();
    stores.forPod("gone", "minikube", false).emptyDir("cache", emptyDirBytes).writes.write("f", "x".repeat(100), T, false);
    expect(stores.bytes).toBe(0);
    const big = "x".repeat(emptyDirBytes - versionBytes);
    let refused = -1;
    for (let i = 0; refused < 0 && i < 20; i++) if (stores.forPod(`uid-${i}`, "minikube").emptyDir("cache", emptyDirBytes).writes.write("f", big, T, false) === "ENOSPC") refused = i;
    expect(refused).toBe(totalVolumeBytes / emptyDirBytes);
  });
});
