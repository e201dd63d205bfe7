// What a pod's containers read from outside the pod: ConfigMaps, Secrets (decoded), Services, the node's allocatable
// and the network settings of the node's kubelet, from the registry's in-memory cache.
import type { ConfigMap, Node, Pod, Secret, Service } from "../../api/schemas";
import type { ServiceAccountTokens } from "../registry/serviceaccounts/tokens";
import { clusterDomain, dnsServiceIP } from "../cluster-dns";
import type { RegistryStore } from "../registry/generic-store";
import { services as servicesDef } from "../registry/services";
import type { ResourceDef } from "../registry/types";
import type { PodSources } from "./env";
import { nodeFiles, type PodNetworkSettings } from "./etc-files";
import { decodeBase64Std } from "../../api/validation/base64";
import { Quantity } from "../../api/quantity";
import type { PersistentVolume } from "../../api/schemas/core/persistentvolume";
import type { PersistentVolumeClaim } from "../../api/schemas/core/persistentvolumeclaim";

/** The kinds a claim volume is resolved through. */
export interface ClaimDefs {
  claims: ResourceDef<PersistentVolumeClaim>;
  volumes: ResourceDef<PersistentVolume>;
}

/** The bytes of a PV's `capacity.storage`, when it reads as a quantity. */
function capacityBytes(volume: PersistentVolume): number | undefined {
  const storage = volume.spec?.capacity?.storage;
  if (storage === undefined) return undefined;
  try {
    return Quantity.parse(String(storage)).toNumber();
  } catch {
    return undefined;
  }
}

/** The PersistentVolume bound to a claim of `namespace`, as PodSources.persistentVolume answers. */
export function persistentVolumeOf(registry: Pick<RegistryStore, "tryGet">, defs: ClaimDefs, namespace: string): NonNullable<PodSources["persistentVolume"]> {
  return (claimName) => {
    const prefix = `error processing PVC ${namespace}/${claimName}`;
    const claim = registry.tryGet(defs.claims, namespace, claimName);
    if (!claim) return { missing: `${prefix}: failed to fetch PVC from API server: persistentvolumeclaims "${claimName}" not found` };
    const name = claim.spec?.volumeName;
    const volume = name ? registry.tryGet(defs.volumes, undefined, name) : undefined;
    if (!name || !volume) return { missing: `${prefix}: PVC is not bound` };
    const bytes = capacityBytes(volume);
    return { name, ...(bytes !== undefined ? { capacityBytes: bytes } : {}) };
  };
}

/** The pod's projected ServiceAccount token, as PodSources.serviceAccountToken answers (none without `tokens`). */
export function serviceAccountTokenOf(
  registry: Pick<RegistryStore, "tryGet">,
  tokens: ServiceAccountTokens | undefined,
  pod: Pod,
): NonNullable<PodSources["serviceAccountToken"]> {
  return (audience, expirationSeconds) => tokens?.podToken(registry, pod, audience, expirationSeconds);
}

/** Validation refuses values that are not base64; one stored before that reads as empty rather than throwing. */
function decodeBase64(value: string): string {
  const decoded = decodeBase64Std(value);
  return decoded.ok ? new TextDecoder().decode(decoded.bytes) : "";
}

/** The network settings of `node`'s kubelet (kubeadm's clusterDNS and clusterDomain) and the node's own files. */
export function nodeNetworkSettings(node: Node | undefined): PodNetworkSettings {
  const nodeName = node?.metadata?.name ?? "";
  const nodeIP = node ? hostIPOf(node) : "";
  return { clusterDNS: [dnsServiceIP], clusterDomain, nodeName, nodeIP, ...nodeFiles(nodeName, nodeIP) };
}

/** A pod's ConfigMaps, Secrets, Services, node allocatable and network settings, read from the registry's cache. */
export function podSources(
  registry: Pick<RegistryStore, "tryGet" | "list">,
  defs: { configMaps: ResourceDef<ConfigMap>; secrets: ResourceDef<Secret>; services?: ResourceDef<Service> },
  namespace: string,
  node: Node | undefined,
): PodSources {
  const servicesOf = defs.services ?? servicesDef;
  return {
    configMap(name) {
      const obj = registry.tryGet(defs.configMaps, namespace, name);
      if (!obj) return undefined;
      const binary = Object.fromEntries(Object.entries(obj.binaryData ?? {}).map(([k, v]) => [k, decodeBase64(String(v))]));
      return { ...binary, ...(obj.data ?? {}) };
    },
    secret(name) {
      const obj = registry.tryGet(defs.secrets, namespace, name);
      if (!obj) return undefined;
      return Object.fromEntries(Object.entries(obj.data ?? {}).map(([k, v]) => [k, decodeBase64(String(v))]));
    },
    allocatable: node?.status?.allocatable ?? {},
    services: (ns) => registry.list(servicesOf, ns),
    network: nodeNetworkSettings(node),
  };
}

export function hostIPOf(node: Node): string {
  const addresses = node.status?.addresses ?? [];
  return addresses.find((a) => a.type === "InternalIP")?.address ?? "";
}
