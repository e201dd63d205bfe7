// What a pod's containers read from outside the pod: ConfigMaps, Secrets (decoded) and the node's allocatable,
// from the registry's in-memory cache.
import type { ConfigMap, Node, Secret } from "../../api/schemas";
import type { RegistryStore } from "../registry/generic-store";
import type { ResourceDef } from "../registry/types";
import type { PodSources } from "./env";
import { decodeBase64Std } from "../../api/validation/base64";

/** Validation refuses values that are not base64; one stored before that reads as empty rather than throwing. */
function decodeBase64(value: string): string {
  const decoded = decodeBase64Std(value);
  return decoded.ok ? new TextDecoder().decode(decoded.bytes) : "";
}

/** A pod's ConfigMaps, Secrets and node allocatable, read from the registry's cache. */
export function podSources(
  registry: Pick<RegistryStore, "tryGet">,
  defs: { configMaps: ResourceDef<ConfigMap>; secrets: ResourceDef<Secret> },
  namespace: string,
  node: Node | undefined,
): PodSources {
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
  };
}

export function hostIPOf(node: Node): string {
  const addresses = node.status?.addresses ?? [];
  return addresses.find((a) => a.type === "InternalIP")?.address ?? "";
}
