// What a container mounts: each volumeMount a tree (or one file of it, by subPath) at its mountPath. ConfigMap,
// Secret, downward API and projected volumes are fixed trees, read-only as in Kubernetes; emptyDir and hostPath are the
// kubelet's writable trees (volume-stores.ts), read-only when the volumeMount says so. A missing non-optional ConfigMap
// or Secret, or a hostPath whose type check fails, throws ConfigError with the kubelet's MountVolume.SetUp message.
// A persistentVolumeClaim volume mounts the tree of the PersistentVolume bound to the claim (kept in storage), read-only
// when the volume or the volumeMount says so; a claim missing or not bound keeps the pod from starting (FailedMount).
import { Quantity } from "../../api/quantity";
import type { Container, Pod } from "../../api/schemas";
import { ConfigError, fieldRefValue, resourceFieldValue, type PodSources, type ResourceFieldRef } from "./env";
import { fileTree } from "./file-tree";
import type { Mount } from "./runtime-port";
import { emptyDirBytes, nodeFilesystemBytes, type PodVolumes } from "./volume-stores";
import { treePath, VersionedTree } from "./volume-tree";

type Volume = NonNullable<NonNullable<Pod["spec"]>["volumes"]>[number];

interface KeyToPath {
  key: string;
  path?: string;
}

/** What the kubelet reads of a volume or of one source of a projected volume (a volume's secret names it secretName). */
interface FileSource {
  configMap?: { name?: string; items?: KeyToPath[]; optional?: boolean };
  secret?: { secretName?: string; name?: string; items?: KeyToPath[]; optional?: boolean };
  downwardAPI?: { items?: { path: string; fieldRef?: { fieldPath: string }; resourceFieldRef?: ResourceFieldRef }[] };
  serviceAccountToken?: { path?: string; audience?: string; expirationSeconds?: number };
}

/** A container that asks for no resources (what a volume's resourceFieldRef reads when no container mounts it). */
const noContainer: Container = { name: "" };

function keyed(data: Record<string, string>, items: KeyToPath[] | undefined, kind: string, name: string | undefined, optional: boolean): Record<string, string> {
  if (!items?.length) return { ...data };
  const out: Record<string, string> = {};
  for (const item of items) {
    if (item.key in data) out[item.path ?? item.key] = data[item.key]!;
    else if (!optional) throw new ConfigError(`configmap references non-existent config key: ${item.key}`.replace("configmap", kind));
  }
  return out;
}

function sourceFiles(pod: Pod, container: Container, source: FileSource, sources: PodSources): Record<string, string> | undefined {
  if (source.configMap) {
    const { name, items, optional } = source.configMap;
    const data = sources.configMap(name ?? "");
    if (!data) {
      if (optional) return {};
      throw new ConfigError(`configmap "${name}" not found`);
    }
    return keyed(data, items, "configmap", name, !!optional);
  }
  if (source.secret) {
    const name = source.secret.secretName ?? source.secret.name;
    const data = sources.secret(name ?? "");
    if (!data) {
      if (source.secret.optional) return {};
      throw new ConfigError(`secret "${name}" not found`);
    }
    return keyed(data, source.secret.items, "secret", name, !!source.secret.optional);
  }
  if (source.downwardAPI) {
    const out: Record<string, string> = {};
    for (const item of source.downwardAPI.items ?? []) {
      if (item.fieldRef) out[item.path] = fieldRefValue(pod, item.fieldRef.fieldPath);
      else if (item.resourceFieldRef) out[item.path] = resourceFieldValue(container, item.resourceFieldRef, sources.allocatable);
    }
    return out;
  }
  if (source.serviceAccountToken) {
    const { path, audience, expirationSeconds } = source.serviceAccountToken;
    const token = sources.serviceAccountToken?.(audience, expirationSeconds);
    if (token) return { [path ?? "token"]: token };
    const subject = `system:serviceaccount:${pod.metadata?.namespace}:${pod.spec?.serviceAccountName ?? "default"}`;
    return { [path ?? "token"]: `eyJhbGciOiJSUzI1NiJ9.${btoa(JSON.stringify({ sub: subject }))}.sandbox` };
  }
  return undefined;
}

/** The bytes an emptyDir may hold: a `medium: Memory` one is a tmpfs of its `sizeLimit`; others are not bounded by it. */
export function emptyDirLimit(emptyDir: NonNullable<Volume["emptyDir"]>): number {
  if (emptyDir.medium !== "Memory" || emptyDir.sizeLimit === undefined) return emptyDirBytes;
  try {
    return Math.min(emptyDirBytes, Quantity.parse(String(emptyDir.sizeLimit)).toNumber());
  } catch {
    return emptyDirBytes;
  }
}

/** What the node has at a hostPath's path, checked against its `type` (hostpath.go's checks); the failure message. */
function hostPathTypeFailure(hostPath: NonNullable<Volume["hostPath"]>, volumes: PodVolumes): string | undefined {
  const path = hostPath.path;
  const kind = volumes.nodeFilesystem().kind(path, Number.POSITIVE_INFINITY);
  const failure = (what: string) => `hostPath type check failed: ${path} is not a ${what}`;
  switch (hostPath.type ?? "") {
    case "DirectoryOrCreate":
      return kind === "file" ? failure("directory") : undefined;
    case "Directory":
      return kind !== "dir" ? failure("directory") : undefined;
    case "FileOrCreate":
      return kind === "dir" ? failure("file") : undefined;
    case "File":
      return kind !== "file" ? failure("file") : undefined;
    case "Socket":
      return volumes.special(path) !== "socket" ? failure("socket file") : undefined;
    case "CharDevice":
      return volumes.special(path) !== "charDevice" ? failure("character device") : undefined;
    case "BlockDevice":
      return failure("block device");
    default:
      return undefined;
  }
}

/** The writable tree of an emptyDir, hostPath or claim volume and the part of it the volume shows; undefined for others. */
function writableSource(volume: Volume, sources: PodSources): { tree: VersionedTree; root: string; readOnly?: boolean } | undefined {
  if (volume.persistentVolumeClaim) {
    const bound = sources.persistentVolume?.(volume.persistentVolumeClaim.claimName);
    if (!bound || "missing" in bound) return undefined;
    const tree = sources.volumes?.persistentVolume(bound.name, bound.capacityBytes) ?? new VersionedTree(bound.capacityBytes ?? emptyDirBytes);
    return { tree, root: "", ...(volume.persistentVolumeClaim.readOnly ? { readOnly: true } : {}) };
  }
  if (volume.emptyDir) {
    const limit = emptyDirLimit(volume.emptyDir);
    return { tree: sources.volumes?.emptyDir(volume.name, limit) ?? new VersionedTree(limit), root: "" };
  }
  if (volume.hostPath) {
    const tree = sources.volumes?.nodeFilesystem() ?? new VersionedTree(nodeFilesystemBytes);
    const root = treePath(volume.hostPath.path);
    // What the kubelet creates before the container starts (DirectoryOrCreate, FileOrCreate; runc for no type).
    if (volume.hostPath.type === "FileOrCreate") tree.ensureFile(root);
    else if (!volume.hostPath.type || volume.hostPath.type === "DirectoryOrCreate") tree.ensureDir(root);
    return { tree, root };
  }
  return undefined;
}

/**
 * The files a ConfigMap, Secret, downward API or projected `volume` shows `container` now (undefined for other volume
 * types). Throws ConfigError when a source is missing.
 */
export function projectedFiles(pod: Pod, container: Container, volume: Volume, sources: PodSources): Record<string, string> | undefined {
  const parts: FileSource[] = volume.projected ? (volume.projected.sources ?? []) : [volume];
  const contents: Record<string, string> = {};
  let known = false;
  for (const part of parts) {
    const files = sourceFiles(pod, container, part, sources);
    if (files) Object.assign(contents, files);
    known ||= files !== undefined;
  }
  return known ? contents : undefined;
}

/** The volumes `container` mounts, in the order of its volumeMounts. */
export function volumeMounts(pod: Pod, container: Container, sources: PodSources): Mount[] {
  const volumes = new Map((pod.spec?.volumes ?? []).map((v) => [v.name, v]));
  const mounts: Mount[] = [];
  for (const mount of container.volumeMounts ?? []) {
    const volume = volumes.get(mount.name);
    if (!volume) continue;
    const subPath = treePath(mount.subPath ?? "");
    const writable = writableSource(volume, sources);
    if (writable) {
      const shown = [writable.root, subPath].filter(Boolean).join("/");
      // The kubelet creates a subPath's directory in the volume when it is missing.
      if (subPath && !writable.tree.kind(shown, Number.POSITIVE_INFINITY)) writable.tree.ensureDir(shown);
      mounts.push({ mountPath: mount.mountPath, source: writable.tree, ...(shown ? { subPath: shown } : {}), ...(mount.readOnly || writable.readOnly ? { readOnly: true } : {}) });
      continue;
    }
    const contents = projectedFiles(pod, container, volume, sources);
    if (!contents) continue;
    // A subPath mount is a bind mount of one file as it was first written: it never sees an update.
    const history = sources.volumes?.projected(volume.name, container.name, () => contents);
    const source = !history ? fileTree(contents) : mount.subPath ? history.first : history;
    mounts.push({ mountPath: mount.mountPath, source, ...(mount.subPath ? { subPath: mount.subPath } : {}), readOnly: true });
  }
  return mounts;
}

/** The first missing reference among the pod's volumes (what blocks the sandbox: FailedMount), if any. */
export function missingVolumeSource(pod: Pod, sources: PodSources): { volume: string; message: string } | undefined {
  for (const volume of pod.spec?.volumes ?? []) {
    if (volume.hostPath && sources.volumes) {
      const message = hostPathTypeFailure(volume.hostPath, sources.volumes);
      if (message) return { volume: volume.name, message };
      continue;
    }
    if (volume.persistentVolumeClaim) {
      const bound = sources.persistentVolume?.(volume.persistentVolumeClaim.claimName);
      if (bound && "missing" in bound) return { volume: volume.name, message: bound.missing };
      continue;
    }
    const parts: FileSource[] = volume.projected ? (volume.projected.sources ?? []) : [volume];
    for (const part of parts) {
      try {
        sourceFiles(pod, noContainer, part, sources);
      } catch (error) {
        if (error instanceof ConfigError) return { volume: volume.name, message: error.message };
        throw error;
      }
    }
  }
  return undefined;
}
