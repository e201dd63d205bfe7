// How the kubelet mounts its writable volumes: one emptyDir tree for every container of the pod, subPath directories
// made in the volume, hostPath trees of the node with their type's creation, readOnly passed to the runtime, and the
// medium: Memory sizeLimit as the tree's bound.
import { describe, expect, it } from "vitest";
import type { Container, Pod } from "../../../src/api/schemas";
import { VolumeStores } from "../../../src/cluster/kubelet/volume-stores";
import { versionBytes, type VersionedTree } from "../../../src/cluster/kubelet/volume-tree";
import { missingVolumeSource, volumeMounts } from "../../../src/cluster/kubelet/volumes";
import { standInSources } from "./stand-in-sources";

const T = 5_000;

function podWith(volumes: NonNullable<Pod["spec"]>["volumes"]): Pod {
  return { metadata: { name: "web", namespace: "default", uid: "u-1" }, spec: { nodeName: "worker-1", containers: [], volumes } } as Pod;
}

describe("writable volume mounts", () => {
  it("gives every container of the pod the same emptyDir, a subPath as a directory made in it, and readOnly as asked", () => {
    const stores = new VolumeStores();
    const sources = { ...standInSources(), volumes: stores.forPod("u-1", "worker-1") };
    const pod = podWith([{ name: "cache", emptyDir: {} }]);
    const writer: Container = { name: "init", volumeMounts: [{ name: "cache", mountPath: "/cache" }] };
    const reader: Container = { name: "app", volumeMounts: [{ name: "cache", mountPath: "/site", subPath: "html", readOnly: true }] };
    const [w] = volumeMounts(pod, writer, sources);
    const [r] = volumeMounts(pod, reader, sources);
    expect(w!.source).toBe(r!.source);
    expect(r).toMatchObject({ mountPath: "/site", subPath: "html", readOnly: true });
    expect(w!.source.kind("html", 0)).toBe("dir");
    (w!.source as VersionedTree).writes.write("html/index.html", "hi\n", T, false);
    expect(r!.source.read("html/index.html", T)).toBe("hi\n");
  });

  it("bounds a medium: Memory emptyDir by its sizeLimit", () => {
    const sources = { ...standInSources(), volumes: new VolumeStores().forPod("u-1", "worker-1") };
    const pod = podWith([{ name: "ram", emptyDir: { medium: "Memory", sizeLimit: "1Ki" } }]);
    const [m] = volumeMounts(pod, { name: "c", volumeMounts: [{ name: "ram", mountPath: "/ram" }] }, sources);
    const tree = m!.source as VersionedTree;
    expect(tree.writes.write("a", "x".repeat(1024 - versionBytes), T, false)).toBe(true);
    expect(tree.writes.write("b", "x", T, false)).toBe("ENOSPC");
  });

  it("shows the node's tree under a hostPath, made by DirectoryOrCreate and FileOrCreate, checked for Directory and File", () => {
    const stores = new VolumeStores();
    const sources = { ...standInSources(), volumes: stores.forPod("u-1", "worker-1") };
    const pod = podWith([
      { name: "dir", hostPath: { path: "/srv/app", type: "DirectoryOrCreate" } },
      { name: "file", hostPath: { path: "/srv/app.lock", type: "FileOrCreate" } },
    ]);
    const mounts = volumeMounts(pod, { name: "c", volumeMounts: [{ name: "dir", mountPath: "/app" }, { name: "file", mountPath: "/app.lock" }] }, sources);
    expect(mounts.map((m) => [m.mountPath, m.subPath])).toEqual([
      ["/app", "srv/app"],
      ["/app.lock", "srv/app.lock"],
    ]);
    const node = stores.forPod("u-2", "worker-1").nodeFilesystem();
    expect([node.kind("srv/app", T), node.kind("srv/app.lock", T)]).toEqual(["dir", "file"]);
    const later = { ...standInSources(), volumes: stores.forPod("u-2", "worker-1") };
    expect(missingVolumeSource(podWith([{ name: "d", hostPath: { path: "/srv/app", type: "Directory" } }]), later)).toBeUndefined();
    expect(missingVolumeSource(podWith([{ name: "f", hostPath: { path: "/srv/app", type: "File" } }]), later)).toEqual({ volume: "f", message: "hostPath type check failed: /srv/app is not a file" });
    expect(missingVolumeSource(podWith([{ name: "s", hostPath: { path: "/run/containerd/containerd.sock", type: "Socket" } }]), later)).toBeUndefined();
    expect(missingVolumeSource(podWith([{ name: "b", hostPath: { path: "/dev/sda", type: "BlockDevice" } }]), later)).toEqual({ volume: "b", message: "hostPath type check failed: /dev/sda is not a block device" });
  });
});
