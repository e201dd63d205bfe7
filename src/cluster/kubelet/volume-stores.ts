// The kubelet's writable volumes: one tree per emptyDir of a pod (shared by its containers and init containers, kept
// across their restarts, dropped when the kubelet forgets the pod) and one filesystem per node (what hostPath volumes
// show, kept across pods), in memory only: a restarted Durable Object starts with empty trees, and what a running
// container wrote comes back only as far as its run is replayed. And one tree per PersistentVolume, shared by every
// node (the built-in provisioner's volumes act as network storage), each new version also written to storage as one
// row (storage/volume-data.ts), so its files outlive the pods and a restart; it is read back when first mounted.
import { nodeFileDirectories, nodeFiles } from "./node-files";
import type { VolumeDataRow, VolumeDataTable } from "../storage/volume-data";
import { ProjectedHistory } from "./projected-history";
import { VersionedTree, type ByteBudget, type Version } from "./volume-tree";

const MiB = 1024 * 1024;
/** The bytes one emptyDir may hold (a smaller `sizeLimit` of a `medium: Memory` one bounds it further, as tmpfs does). */
export const emptyDirBytes = 1 * MiB;
/** The bytes one node's hostPath filesystem may hold. */
export const nodeFilesystemBytes = 4 * MiB;
/** The bytes all the volumes of a cluster's kubelets may hold together. */
export const totalVolumeBytes = 8 * MiB;

/** The bytes one PersistentVolume may hold (a smaller capacity of the PV bounds it further). */
export const claimVolumeBytes = 2 * MiB;
/** The bytes all the PersistentVolumes of a cluster may hold together (in storage; in memory once mounted). */
export const totalClaimBytes = 8 * MiB;

/** The directories a minikube node has, which a hostPath of type Directory finds. */
const nodeDirectories: string[] = [
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
  /**
   * What the ConfigMap, Secret, downward API or projected `volume` shows `container` over time, made with `files` when
   * first asked for.
   */
  projected(volume: string, container: string, files: () => Record<string, string>): ProjectedHistory;
  /** The tree of the PersistentVolume `volume`, bounded by its capacity (at most claimVolumeBytes). */
  persistentVolume(volume: string, capacityBytes: number | undefined): VersionedTree;
  /** What a hostPath check finds at `path` of the node besides files and directories. */
  special(path: string): "socket" | "charDevice" | undefined;
}

const rowOf = (path: string, version: Version): VolumeDataRow => ({
  path,
  atMs: Number.isFinite(version.atMs) ? version.atMs : null,
  kind: version.kind,
  content: "content" in version ? version.content : null,
});

function versionOf(row: VolumeDataRow): Version {
  const atMs = row.atMs ?? Number.NEGATIVE_INFINITY;
  if (row.kind === "file" || row.kind === "append") return { atMs, kind: row.kind, content: row.content ?? "" };
  return { atMs, kind: row.kind === "dir" ? "dir" : "none" };
}

export class VolumeStores {
  private readonly budget: ByteBudget = { used: 0, limit: totalVolumeBytes };
  /** pod uid → volume name → tree. */
  private readonly emptyDirs = new Map<string, Map<string, VersionedTree>>();
  private readonly nodes = new Map<string, VersionedTree>();
  private readonly claimBudget: ByteBudget;
  /** pod uid → `volume/container` → what the volume shows the container. */
  private readonly projections = new Map<string, Map<string, { volume: string; container: string; history: ProjectedHistory }>>();
  /** PersistentVolume name → its tree, once mounted. */
  private readonly persistent = new Map<string, VersionedTree>();

  /** @param data where PersistentVolumes' files are kept; without it (a kubelet built alone) they live in memory. */
  constructor(private readonly data?: VolumeDataTable) {
    this.claimBudget = { used: data?.bytes ?? 0, limit: totalClaimBytes };
  }

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
      persistentVolume: (volume, capacityBytes) => this.persistentVolume(volume, capacityBytes),
      projected: (volume, container, files) => {
        const key = `${volume}/${container}`;
        const known = this.projections.get(uid)?.get(key);
        if (known || !keep) return known?.history ?? new ProjectedHistory(files());
        let histories = this.projections.get(uid);
        if (!histories) this.projections.set(uid, (histories = new Map()));
        const history = new ProjectedHistory(files());
        histories.set(key, { volume, container, history });
        return history;
      },
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
      for (const dir of [...nodeDirectories, ...nodeFileDirectories]) tree.ensureDir(dir);
      for (const [path, content] of Object.entries(nodeFiles(nodeName))) tree.seedFile(path, content);
      this.nodes.set(nodeName, tree);
    }
    return tree;
  }

  private persistentVolume(volume: string, capacityBytes: number | undefined): VersionedTree {
    const limit = Math.min(claimVolumeBytes, capacityBytes ?? claimVolumeBytes);
    const known = this.persistent.get(volume);
    if (known) {
      known.limit = limit;
      return known;
    }
    const data = this.data;
    // A tree let go of (its volume deleted while a run still held it) writes nothing more to storage.
    const journal = data && { record: (path: string, version: Version) => this.persistent.get(volume) === tree && data.add(volume, rowOf(path, version)) };
    const tree: VersionedTree = new VersionedTree(limit, this.claimBudget, journal);
    tree.secondAligned = true;
    for (const row of data?.rows(volume) ?? []) tree.restore(row.path, versionOf(row));
    this.persistent.set(volume, tree);
    return tree;
  }

  /** The bytes the PersistentVolumes hold together. */
  get persistentBytes(): number {
    return this.claimBudget.used;
  }

  /** The names of the PersistentVolumes whose files are kept (mounted now, or in storage). */
  persistentVolumes(): string[] {
    return [...new Set([...this.persistent.keys(), ...(this.data?.volumes() ?? [])])];
  }

  /** The PersistentVolume is gone (deleted): its files go with it, from memory and storage. */
  dropPersistentVolume(volume: string): void {
    const tree = this.persistent.get(volume);
    this.persistent.delete(volume);
    tree?.release();
    if (this.data) {
      this.data.drop(volume);
      this.claimBudget.used = this.data.bytes;
    }
  }

  /** What the pod's ConfigMap, Secret, downward API and projected volumes show its containers (for the kubelet's sync). */
  projectionsOf(uid: string): Iterable<{ volume: string; container: string; history: ProjectedHistory }> {
    return this.projections.get(uid)?.values() ?? [];
  }

  /** The pod is gone: its emptyDirs go with it. */
  dropPod(uid: string): void {
    this.projections.delete(uid);
    for (const tree of this.emptyDirs.get(uid)?.values() ?? []) tree.release();
    this.emptyDirs.delete(uid);
  }
}
