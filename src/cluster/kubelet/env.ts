// A container's environment as the kubelet builds it (kubelet_pods.go makeEnvironmentVariables): envFrom first, then
// env (later names win), `$(VAR)` expansion against what is defined so far and the Service variables, values from
// ConfigMaps, Secrets, the downward API (fieldRef) and resource fields; then the Service variables the container does
// not define itself. Pure: lookups come in through `PodSources`.
import { Quantity } from "../../api/quantity";
import type { Container, EnvVar, Pod, Service } from "../../api/schemas";
import type { ResourceList } from "../../api/schemas/meta";
import type { PodNetworkSettings } from "./etc-files";
import { serviceEnv } from "./service-env";
import type { PodVolumes } from "./volume-stores";

/** A resourceFieldRef, from an env var or a downward API volume file. */
export type ResourceFieldRef = NonNullable<NonNullable<EnvVar["valueFrom"]>["resourceFieldRef"]>;

/** What a container's references resolve against. Maps are the objects' decoded data; undefined = not found. */
import type { InputStream } from "./runtime-port";

export interface PodSources {
  configMap(name: string): Record<string, string> | undefined;
  secret(name: string): Record<string, string> | undefined;
  /** The node's allocatable resources (limits default to them), e.g. {cpu: "2", memory: "4Gi"}. */
  allocatable: ResourceList;
  /** The Services of `namespace` as the kubelet's cache holds them now (service links, the `kubernetes` Service). */
  services(namespace: string): Service[];
  /** The kubelet's DNS settings and the node's files: the pod's /etc/hosts and /etc/resolv.conf. */
  network: PodNetworkSettings;
  /** The kubelet's writable volumes for this pod (emptyDir, hostPath); without it, each mount gets a tree of its own. */
  volumes?: PodVolumes;
  /**
   * The PersistentVolume bound to the claim `name` of the pod's namespace (claim → spec.volumeName → PV): its name and
   * capacity in bytes; `{ missing }` (why, as the kubelet says it) when the claim is missing or not bound yet.
   */
  persistentVolume?(claimName: string): { name: string; capacityBytes?: number } | { missing: string };
  /** The pod's ServiceAccount token for a projected `serviceAccountToken` source; undefined when none can be made. */
  serviceAccountToken?(audience: string | undefined, expirationSeconds: number | undefined): string | undefined;
  /** The stdin of a container with `stdin: true` (container-inputs.ts); open and empty when absent. */
  stdin?(container: string): InputStream;
}

/** A reference that cannot be resolved: the message the kubelet reports (`configmap "x" not found`). */
export class ConfigError extends Error {}

/** Kubernetes' `$(VAR)` expansion (third_party/forked/golang/expansion): `$$` escapes, unknown names stay as written. */
export function expandVars(input: string, vars: Record<string, string>): string {
  let out = "";
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (c !== "$" || i + 1 >= input.length) {
      out += c;
      continue;
    }
    const next = input[i + 1];
    if (next === "$") {
      out += "$";
      i++;
    } else if (next === "(") {
      const close = input.indexOf(")", i + 2);
      if (close < 0) {
        out += input.slice(i);
        break;
      }
      const name = input.slice(i + 2, close);
      out += Object.prototype.hasOwnProperty.call(vars, name) ? vars[name] : `$(${name})`;
      i = close;
    } else {
      out += "$" + next;
      i++;
    }
  }
  return out;
}

/** Values of the downward API's fieldRef paths. */
export function fieldRefValue(pod: Pod, fieldPath: string): string {
  const meta = pod.metadata ?? {};
  const mapEntry = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(fieldPath);
  if (mapEntry) return ((mapEntry[1] === "labels" ? meta.labels : meta.annotations) ?? {})[mapEntry[2]!] ?? "";
  switch (fieldPath) {
    case "metadata.name":
      return meta.name ?? "";
    case "metadata.namespace":
      return meta.namespace ?? "";
    case "metadata.uid":
      return meta.uid ?? "";
    case "metadata.labels":
    case "metadata.annotations":
      return formatMap((fieldPath === "metadata.labels" ? meta.labels : meta.annotations) ?? {});
    case "spec.nodeName":
      return pod.spec?.nodeName ?? "";
    case "spec.serviceAccountName":
      return pod.spec?.serviceAccountName ?? "";
    case "status.podIP":
      return pod.status?.podIP ?? "";
    case "status.hostIP":
      return pod.status?.hostIP ?? "";
    case "status.podIPs":
      return (pod.status?.podIPs ?? []).map((p) => p.ip).join(",");
    case "status.hostIPs":
      return (pod.status?.hostIPs ?? []).map((p) => p.ip).join(",");
    default:
      throw new ConfigError(`unsupported fieldPath: ${fieldPath}`);
  }
}

/** `key="value"` lines sorted by key, as the downward API writes labels and annotations files. */
function formatMap(map: Record<string, string>): string {
  return Object.keys(map)
    .sort()
    .map((k) => `${k}=${JSON.stringify(map[k])}`)
    .join("\n");
}

/** resourceFieldRef: ceil(value / divisor); unset limits read as the node's allocatable, unset requests as 0. */
export function resourceFieldValue(container: Container, ref: ResourceFieldRef, allocatable: ResourceList): string {
  const [kind, resource] = String(ref.resource ?? "").split(".") as [string, string];
  const resources = container?.resources ?? {};
  const list = kind === "limits" ? resources.limits : kind === "requests" ? resources.requests : undefined;
  let raw: string | number | undefined = list?.[resource];
  if (raw === undefined && kind === "limits") raw = allocatable[resource];
  if (raw === undefined && kind === "requests") raw = resources.limits?.[resource];
  const value = Quantity.parse(String(raw ?? "0"));
  const divisor = Quantity.parse(String(ref.divisor ?? "1"));
  if (divisor.nanos <= 0n) throw new ConfigError(`invalid divisor for ${ref.resource}`);
  const quotient = value.nanos / divisor.nanos + (value.nanos % divisor.nanos === 0n ? 0n : 1n);
  return quotient.toString();
}

function keyOf(source: "configmap" | "secret", sources: PodSources, name: string | undefined, key: string, namespace: string, optional: boolean): string | undefined {
  // A reference without a name finds nothing (no object is named ""); the message says "undefined".
  const data = source === "configmap" ? sources.configMap(name ?? "") : sources.secret(name ?? "");
  if (!data) {
    if (optional) return undefined;
    throw new ConfigError(`${source} "${name}" not found`);
  }
  if (!(key in data)) {
    if (optional) return undefined;
    throw new ConfigError(`couldn't find key ${key} in ${source === "configmap" ? "ConfigMap" : "Secret"} ${namespace}/${name}`);
  }
  return data[key];
}

/** C identifier-ish names envFrom accepts (others are skipped, as the kubelet does since 1.30's relaxed rules). */
const envNamePattern = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/**
 * The environment of `container` in `pod`: its own variables in definition order, then the Service variables it does
 * not define (of the Services created by `asOf`: those there when it started). Throws ConfigError with the kubelet's
 * message when a non-optional ConfigMap, Secret or key is missing.
 */
export function resolveEnv(pod: Pod, container: Container, sources: PodSources, asOf?: number): Record<string, string> {
  const namespace = pod.metadata?.namespace ?? "";
  const services = serviceEnv(pod, sources.services, asOf);
  const env: Record<string, string> = {};
  /** What `$(VAR)` sees: the container's variables so far over the Service variables. */
  const defined: Record<string, string> = { ...services };
  for (const from of container.envFrom ?? []) {
    const prefix = from.prefix ?? "";
    const ref = from.configMapRef ?? from.secretRef;
    if (!ref) continue;
    const kind = from.configMapRef ? "configmap" : "secret";
    const data = kind === "configmap" ? sources.configMap(ref.name ?? "") : sources.secret(ref.name ?? "");
    if (!data) {
      if (ref.optional) continue;
      throw new ConfigError(`${kind} "${ref.name}" not found`);
    }
    for (const [k, v] of Object.entries(data)) if (envNamePattern.test(prefix + k)) env[prefix + k] = defined[prefix + k] = v;
  }
  for (const variable of container.env ?? []) {
    const from = variable.valueFrom;
    let value: string | undefined;
    if (!from) value = expandVars(variable.value ?? "", defined);
    else if (from.configMapKeyRef) {
      const r = from.configMapKeyRef;
      value = keyOf("configmap", sources, r.name, r.key, namespace, !!r.optional);
    } else if (from.secretKeyRef) {
      const r = from.secretKeyRef;
      value = keyOf("secret", sources, r.name, r.key, namespace, !!r.optional);
    } else if (from.fieldRef) value = fieldRefValue(pod, from.fieldRef.fieldPath);
    else if (from.resourceFieldRef) {
      const ref = from.resourceFieldRef;
      const target = ref.containerName ? [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((c) => c.name === ref.containerName) : container;
      value = resourceFieldValue(target ?? container, ref, sources.allocatable);
    }
    if (value !== undefined) env[variable.name] = defined[variable.name] = value;
  }
  for (const [name, value] of Object.entries(services)) if (!Object.prototype.hasOwnProperty.call(env, name)) env[name] = value;
  return env;
}

/** command and args with `$(VAR)` expanded against the final environment. */
export function expandCommand(container: Container, env: Record<string, string>): { command?: string[]; args?: string[] } {
  const expand = (list: unknown) => (Array.isArray(list) ? list.map((s) => expandVars(String(s), env)) : undefined);
  return { command: expand(container.command), args: expand(container.args) };
}
