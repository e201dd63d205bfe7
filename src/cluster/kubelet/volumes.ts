// What a container mounts from its ConfigMap, Secret, downward API and projected volumes: each volumeMount a file
// tree (or one file of it, by subPath) at its mountPath. Pure: a missing non-optional ConfigMap or Secret throws
// ConfigError with the kubelet's MountVolume.SetUp message. Other volume types (emptyDir, hostPath, PVC) mount
// nothing yet.
import type { Container, Pod } from "../../api/schemas";
import { ConfigError, fieldRefValue, resourceFieldValue, type PodSources, type ResourceFieldRef } from "./env";
import { fileTree } from "./file-tree";
import type { Mount } from "./runtime-port";

interface KeyToPath {
  key: string;
  path?: string;
}

/** What the kubelet reads of a volume or of one source of a projected volume (a volume's secret names it secretName). */
interface FileSource {
  configMap?: { name?: string; items?: KeyToPath[]; optional?: boolean };
  secret?: { secretName?: string; name?: string; items?: KeyToPath[]; optional?: boolean };
  downwardAPI?: { items?: { path: string; fieldRef?: { fieldPath: string }; resourceFieldRef?: ResourceFieldRef }[] };
  serviceAccountToken?: { path?: string };
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
    const subject = `system:serviceaccount:${pod.metadata?.namespace}:${pod.spec?.serviceAccountName ?? "default"}`;
    return { [source.serviceAccountToken.path ?? "token"]: `eyJhbGciOiJSUzI1NiJ9.${btoa(JSON.stringify({ sub: subject }))}.sandbox` };
  }
  return undefined;
}

/** The volumes `container` mounts, in the order of its volumeMounts. */
export function volumeMounts(pod: Pod, container: Container, sources: PodSources): Mount[] {
  const volumes = new Map((pod.spec?.volumes ?? []).map((v) => [v.name, v]));
  const mounts: Mount[] = [];
  for (const mount of container.volumeMounts ?? []) {
    const volume = volumes.get(mount.name);
    if (!volume) continue;
    const parts: FileSource[] = volume.projected ? (volume.projected.sources ?? []) : [volume];
    const contents: Record<string, string> = {};
    let known = false;
    for (const part of parts) {
      const files = sourceFiles(pod, container, part, sources);
      if (files) Object.assign(contents, files);
      known ||= files !== undefined;
    }
    if (!known) continue;
    mounts.push({ mountPath: mount.mountPath, source: fileTree(contents), ...(mount.subPath ? { subPath: mount.subPath } : {}) });
  }
  return mounts;
}

/** The first missing reference among the pod's volumes (what blocks the sandbox: FailedMount), if any. */
export function missingVolumeSource(pod: Pod, sources: PodSources): { volume: string; message: string } | undefined {
  for (const volume of pod.spec?.volumes ?? []) {
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
