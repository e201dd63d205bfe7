// The kubelet's writable volumes, in memory: one tree per emptyDir of a pod (shared by its containers and init
// containers, kept across their restarts, dropped when the kubelet forgets the pod) and one filesystem per node
// (what hostPath volumes show, kept across pods). Nothing is written to storage: a restarted Durable Object starts
// with empty trees, and what a running container wrote comes back only as far as its run is replayed.
import { VersionedTree, type ByteBudget } from "./volume-tree";

const MiB = 1024 * 1024;
/** The bytes one emptyDir may hold (a smaller `sizeLimit` of a `medium: Memory` one bounds it further, as tmpfs does). */
export const emptyDirBytes = 1 * MiB;
/** The bytes one node's hostPath filesystem may hold. */
export const nodeFilesystemBytes = 4 * MiB;
/** The bytes all the volumes of a cluster's kubelets may hold together. */
export const totalVolumeBytes = 8 * MiB;

/** The directories a minikube node has, which a hostPath of type Directory finds. */
const nodeDirectories = [
  "bin", "data", "dev", "etc", "etc/kubernetes", "home", "mnt", "opt", "proc", "root", "run", "sys", "tmp", "tmp/hostpath-provisioner",
  "usr", "usr/bin", "usr/local", "var", "var/lib", "var/lib/kubelet", "var/lib/minikube", "var/log", "var/log/pods", "var/run",
];
/** The character devices every node has (hostPath type CharDevice). */
const nodeCharDevices = ["dev/null", "dev/zero", "dev/random", "dev/urandom", "dev/tty", "dev/full"];
/** The sockets a minikube node serves (hostPath type Socket). */
const nodeSockets = ["run/containerd/containerd.sock", "var/run/containerd/containerd.sock", "var/run/docker.sock", "run/docker.sock"];

/** A pod's view of the stores: its emptyDirs and its node's filesystem. */
export interface PodVolumes {
  /** The tree of the pod's emptyDir `volume`, bounded by `limitBytes` (at most emptyDirBytes). */
  emptyDir(volume: string, limitBytes: number): VersionedTree;
  /** The filesystem of the pod's node, which hostPath volumes show. */
  nodeFilesystem(): VersionedTree;
  /** What a hostPath check finds at `path` of the node besides files and directories. */
  special(path: string): "socket" | "charDevice" | undefined;
}

export class VolumeStores {
  private readonly budget: ByteBudget = { used: 0, limit: totalVolumeBytes };
  /** pod uid → volume name → tree. */
  private readonly emptyDirs = new Map<string, Map<string, VersionedTree>>();
  private readonly nodes = new Map<string, VersionedTree>();

  /** The bytes all trees hold. */
  get bytes(): number {
    return this.budget.used;
  }

  /**
   * The volumes of the pod `uid` on `nodeName`. `keep: false` (a run replayed for its logs after the kubelet forgot its
   * pod) hands out trees of its own rather than keeping new ones.
   */
  forPod(uid: string, nodeName: string, keep = true): PodVolumes {
    return {
      emptyDir: (volume, limitBytes) => {
        const limit = Math.min(limitBytes, emptyDirBytes);
        const known = this.emptyDirs.get(uid)?.get(volume);
        if (known || !keep) return known ?? new VersionedTree(limit);
        let volumes = this.emptyDirs.get(uid);
        if (!volumes) this.emptyDirs.set(uid, (volumes = new Map()));
        const tree = new VersionedTree(limit, this.budget);
        volumes.set(volume, tree);
        return tree;
      },
      nodeFilesystem: () => this.nodeFilesystem(nodeName),
      special: (path) => {
        const p = path.replace(/^\/+/, "");
        return nodeSockets.includes(p) ? "socket" : nodeCharDevices.includes(p) ? "charDevice" : undefined;
      },
    };
  }

  private nodeFilesystem(nodeName: string): VersionedTree {
    let tree = this.nodes.get(nodeName);
    if (!tree) {
      tree = new VersionedTree(nodeFilesystemBytes, this.budget);
      for (const dir of nodeDirectories) tree.ensureDir(dir);
      this.nodes.set(nodeName, tree);
    }
    return tree;
  }

  /** The pod is gone: its emptyDirs go with it. */
  dropPod(uid: string): void {
    for (const tree of this.emptyDirs.get(uid)?.values() ?? []) tree.release();
    this.emptyDirs.delete(uid);
  }
}
