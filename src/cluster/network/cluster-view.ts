// What the network looks objects up by, kept current from the store's events (never rebuilt per connection): pods by
// IP, Services by ClusterIP, NodePort, load-balancer and external IP, EndpointSlices by Service and by address, Nodes
// by address, host-port and host-network pods by node. Each index maps a lookup key to storage keys; the objects are
// read from the store's cache when asked for.
import type { KubeObject } from "../../api/object";
import type { EndpointSlice } from "../../api/schemas/discovery/endpointslice";
import type { Namespace } from "../../api/schemas/core/namespace";
import type { Node } from "../../api/schemas/core/node";
import type { Pod } from "../../api/schemas/core/pod";
import type { Service } from "../../api/schemas/core/service";
import { endpointSlices } from "../registry/endpointslices";
import { bucketOfKind, objectKey } from "../registry/keys";
import { namespaces } from "../registry/namespaces";
import { nodes } from "../registry/nodes";
import { pods } from "../registry/pods";
import { services } from "../registry/services";
import type { Store, StoreEvent } from "../storage/store";

type KeysOf = (object: KubeObject) => string[];

/** lookup key → storage keys, for one store bucket, updated from every write of that bucket. */
class KeyedIndex {
  private readonly byKey = new Map<string, Set<string>>();

  constructor(private readonly keysOf: KeysOf) {}

  add(storageKey: string, object: KubeObject): void {
    for (const k of this.keysOf(object)) {
      let set = this.byKey.get(k);
      if (!set) this.byKey.set(k, (set = new Set()));
      set.add(storageKey);
    }
  }

  remove(storageKey: string, object: KubeObject): void {
    for (const k of this.keysOf(object)) {
      const set = this.byKey.get(k);
      set?.delete(storageKey);
      if (set && !set.size) this.byKey.delete(k);
    }
  }

  get(key: string): readonly string[] {
    const set = this.byKey.get(key);
    return set ? [...set] : [];
  }
}

function podKeys(o: KubeObject): string[] {
  const pod = o as Pod;
  const out: string[] = [];
  const ip = pod.status?.podIP;
  if (ip && !pod.spec?.hostNetwork) out.push(`ip:${ip}`);
  const node = pod.spec?.nodeName;
  const hostPorts = (pod.spec?.containers ?? []).some((c) => (c.ports ?? []).some((p) => p.hostPort));
  if (node && (pod.spec?.hostNetwork || hostPorts)) out.push(`host:${node}`);
  return out;
}

function serviceKeys(o: KubeObject): string[] {
  const svc = o as Service;
  const spec = svc.spec ?? {};
  const out: string[] = [];
  for (const ip of new Set([spec.clusterIP, ...(spec.clusterIPs ?? [])])) if (ip && ip !== "None") out.push(`ip:${ip}`);
  for (const p of spec.ports ?? []) if (p.nodePort) out.push(`nodePort:${p.nodePort}`);
  for (const ingress of svc.status?.loadBalancer?.ingress ?? []) if (ingress.ip) out.push(`external:${ingress.ip}`);
  for (const ip of spec.externalIPs ?? []) out.push(`external:${ip}`);
  return out;
}

function sliceKeys(o: KubeObject): string[] {
  const slice = o as EndpointSlice;
  const out: string[] = [];
  const service = slice.metadata.labels?.["kubernetes.io/service-name"];
  if (service) out.push(`svc:${slice.metadata.namespace}/${service}`);
  for (const e of slice.endpoints ?? []) for (const a of e.addresses ?? []) out.push(`ip:${a}`);
  return out;
}

function nodeKeys(o: KubeObject): string[] {
  return ((o as Node).status?.addresses ?? []).filter((a) => a.type === "InternalIP" || a.type === "ExternalIP").map((a) => `ip:${a.address}`);
}

export class ClusterView {
  private readonly indexes = new Map<string, KeyedIndex>();
  private readonly podIndex = new KeyedIndex(podKeys);
  private readonly serviceIndex = new KeyedIndex(serviceKeys);
  private readonly sliceIndex = new KeyedIndex(sliceKeys);
  private readonly nodeIndex = new KeyedIndex(nodeKeys);

  constructor(private readonly store: Store) {
    this.indexes.set(bucketOfKind(pods), this.podIndex);
    this.indexes.set(bucketOfKind(services), this.serviceIndex);
    this.indexes.set(bucketOfKind(endpointSlices), this.sliceIndex);
    this.indexes.set(bucketOfKind(nodes), this.nodeIndex);
    for (const [bucket, index] of this.indexes) for (const obj of store.list(`${bucket}/`)) index.add(keyIn(bucket, obj), obj);
    store.subscribe((events) => events.forEach((e) => this.apply(e)));
  }

  private apply(event: StoreEvent): void {
    const index = this.indexes.get(event.key.slice(0, event.key.indexOf("/", 1 + event.key.indexOf("/", 1))));
    if (!index) return;
    if (event.prev) index.remove(event.key, event.prev);
    if (event.type === "DELETED") index.remove(event.key, event.object);
    else index.add(event.key, event.object);
  }

  private read<T extends KubeObject>(keys: readonly string[]): T[] {
    const out: T[] = [];
    for (const k of keys) {
      const obj = this.store.get(k);
      if (obj) out.push(obj as T);
    }
    return out;
  }

  /** The pod whose (non-host-network) pod IP `ip` is. */
  podByIP(ip: string): Pod | undefined {
    return this.read<Pod>(this.podIndex.get(`ip:${ip}`))[0];
  }

  /** Pods on `node` that share its network: host-network pods and pods with host ports. */
  hostPods(node: string): Pod[] {
    return this.read<Pod>(this.podIndex.get(`host:${node}`));
  }

  pod(namespace: string, name: string): Pod | undefined {
    return this.store.get(objectKey(pods, namespace, name)) as Pod | undefined;
  }

  service(namespace: string, name: string): Service | undefined {
    return this.store.get(objectKey(services, namespace, name)) as Service | undefined;
  }

  namespace(name: string): Namespace | undefined {
    return this.store.get(objectKey(namespaces, undefined, name)) as Namespace | undefined;
  }

  /** The Service whose ClusterIP `ip` is. */
  serviceByClusterIP(ip: string): Service | undefined {
    return this.read<Service>(this.serviceIndex.get(`ip:${ip}`))[0];
  }

  /** Services with a port on `nodePort`. */
  servicesByNodePort(nodePort: number): Service[] {
    return this.read<Service>(this.serviceIndex.get(`nodePort:${nodePort}`));
  }

  /** Services reachable at `ip` as a load-balancer ingress or an external IP. */
  servicesByExternalIP(ip: string): Service[] {
    return this.read<Service>(this.serviceIndex.get(`external:${ip}`));
  }

  slicesOf(namespace: string, service: string): EndpointSlice[] {
    return this.read<EndpointSlice>(this.sliceIndex.get(`svc:${namespace}/${service}`));
  }

  /** EndpointSlices listing `ip` among their endpoints. */
  slicesWithAddress(ip: string): EndpointSlice[] {
    return this.read<EndpointSlice>(this.sliceIndex.get(`ip:${ip}`));
  }

  nodeByIP(ip: string): Node | undefined {
    return this.read<Node>(this.nodeIndex.get(`ip:${ip}`))[0];
  }

  node(name: string): Node | undefined {
    return this.store.get(objectKey(nodes, undefined, name)) as Node | undefined;
  }
}

function keyIn(bucket: string, obj: KubeObject): string {
  const { namespace, name } = obj.metadata;
  return namespace ? `${bucket}/${namespace}/${name}` : `${bucket}/${name}`;
}
