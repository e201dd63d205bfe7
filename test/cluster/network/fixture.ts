// A small cluster's objects in a bare Store, for the network's unit tests: two nodes, a few Services with their
// EndpointSlices, pods with IPs, and stand-in programs that answer with their pod's name and log the client.
import type { KubeObject } from "../../../src/api/object";
import type { Pod } from "../../../src/api/schemas/core/pod";
import type { Service } from "../../../src/api/schemas/core/service";
import type { EndpointSlice } from "../../../src/api/schemas/discovery/endpointslice";
import type { IncomingConnection, Served, SimulatedProcess } from "../../../src/container-sim/types";
import type { ConnectRequest, NetworkAnswer } from "../../../src/container-sim/network";
import { ClusterNetwork, type ClusterNetworkOptions } from "../../../src/cluster/network/cluster-network";
import type { ContainerRun, NetworkClient } from "../../../src/cluster/network/ports";
import { Store } from "../../../src/cluster/storage/store";
import { nodeStorage } from "../../../bench/cpu/sqlite-storage";

export const T0 = Date.parse("2026-03-01T10:00:00Z");

export function key(obj: KubeObject): string {
  const kinds: Record<string, string> = {
    Pod: "/core/pods",
    Service: "/core/services",
    Node: "/core/nodes",
    Namespace: "/core/namespaces",
    EndpointSlice: "/discovery.k8s.io/endpointslices",
  };
  const bucket = kinds[obj.kind ?? ""]!;
  return obj.metadata.namespace ? `${bucket}/${obj.metadata.namespace}/${obj.metadata.name}` : `${bucket}/${obj.metadata.name}`;
}

export interface PodOptions {
  ns?: string;
  labels?: Record<string, string>;
  node?: string;
  ready?: boolean;
  phase?: string;
  ports?: { name?: string; containerPort: number; hostPort?: number; protocol?: string }[];
  hostname?: string;
  subdomain?: string;
  hostNetwork?: boolean;
}

export function pod(name: string, ip: string, o: PodOptions = {}): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: o.ns ?? "default", uid: `uid-${name}`, labels: o.labels ?? {} },
    spec: {
      nodeName: o.node ?? "node-a",
      containers: [{ name: "main", image: "nginx", ports: o.ports ?? [{ name: "http", containerPort: 80 }] }],
      ...(o.hostname ? { hostname: o.hostname } : {}),
      ...(o.subdomain ? { subdomain: o.subdomain } : {}),
      ...(o.hostNetwork ? { hostNetwork: true } : {}),
    },
    status: {
      phase: o.phase ?? "Running",
      podIP: ip,
      conditions: [{ type: "Ready", status: o.ready === false ? "False" : "True" }],
    },
  };
}

export function service(name: string, spec: Service["spec"], o: { ns?: string; status?: Service["status"] } = {}): Service {
  return { apiVersion: "v1", kind: "Service", metadata: { name, namespace: o.ns ?? "default", uid: `svc-${name}` }, spec, ...(o.status ? { status: o.status } : {}) };
}

/** The EndpointSlice of `svc` listing `pods` (ready per their Ready condition). */
export function slice(svc: Service, pods: Pod[], ports: { name?: string; port: number; protocol?: string }[]): EndpointSlice {
  return {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: { name: `${svc.metadata.name}-abcde`, namespace: svc.metadata.namespace, labels: { "kubernetes.io/service-name": svc.metadata.name! } },
    addressType: "IPv4",
    endpoints: pods.map((p) => {
      const ready = (p.status?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
      return {
        addresses: [p.status!.podIP!],
        conditions: { ready, serving: ready, terminating: false },
        nodeName: p.spec!.nodeName,
        targetRef: { kind: "Pod", namespace: p.metadata.namespace, name: p.metadata.name, uid: p.metadata.uid },
      };
    }),
    ports: ports.map((p) => ({ name: p.name ?? "", port: p.port, protocol: p.protocol ?? "TCP" })),
  };
}

export function node(name: string, ip: string): KubeObject {
  return { apiVersion: "v1", kind: "Node", metadata: { name }, status: { addresses: [{ type: "InternalIP", address: ip }, { type: "Hostname", address: name }] } };
}

export function namespace(name: string, labels: Record<string, string> = {}): KubeObject {
  return { apiVersion: "v1", kind: "Namespace", metadata: { name, labels: { "kubernetes.io/metadata.name": name, ...labels } } };
}

/** A stand-in program: listens on the pod's declared ports, answers with its pod's name, logs the client. */
function fakeProcess(podName: string, ports: number[]): SimulatedProcess {
  const accept = (port: number, c: IncomingConnection): Served | undefined =>
    ports.includes(port)
      ? { answer: { status: 200, body: `${podName}:${port}` }, log: [{ stream: "stdout", text: `${c.clientIP} "${c.http?.method ?? "TCP"} ${c.http?.path ?? ""}" ${podName}` }] }
      : undefined;
  return { accept, output: () => [] } as unknown as SimulatedProcess;
}

export interface TestNet {
  store: Store;
  net: ClusterNetwork;
  put(...objects: KubeObject[]): void;
  remove(obj: KubeObject): void;
  /** How many times each pod's program accepted a connection. */
  accepted: Map<string, number>;
}

export function testNetwork(objects: KubeObject[], options: Partial<ClusterNetworkOptions> = {}): TestNet {
  const { sql, transactionSync } = nodeStorage();
  const store = new Store(sql, transactionSync);
  const put = (...objs: KubeObject[]) => void store.commit(objs.map((o) => ({ key: key(o), object: o })));
  put(...objects);
  const accepted = new Map<string, number>();
  const runsOf = (p: Pod): ContainerRun[] => {
    const stored = store.get(key(p)) as Pod | undefined;
    if (!stored || stored.status?.phase !== "Running") return [];
    const ports = (stored.spec?.containers ?? []).flatMap((c) => (c.ports ?? []).map((x) => x.containerPort));
    const process = fakeProcess(stored.metadata.name!, ports);
    const counted: SimulatedProcess = {
      output: () => [],
      accept: (port: number, c: IncomingConnection, at: number) => {
        const served = process.accept(port, c, at);
        if (served) accepted.set(stored.metadata.name!, (accepted.get(stored.metadata.name!) ?? 0) + 1);
        return served;
      },
    } as unknown as SimulatedProcess;
    return [{ name: "main", containerID: `cid-${stored.metadata.name}`, startedAtMs: T0 - 60_000, process: () => counted }];
  };
  const net = new ClusterNetwork({ store, processes: { runsOf }, ...options });
  return { store, net, put, remove: (o) => void store.commit([{ key: key(o), object: undefined }]), accepted };
}

export function clientOf(p: Pod, container = "main"): NetworkClient {
  return { namespace: p.metadata.namespace!, pod: p.metadata.name!, uid: p.metadata.uid!, container, podIP: p.status?.podIP, nodeName: p.spec?.nodeName, hostname: p.metadata.name };
}

let seq = 0;
/** An HTTP GET from `client` to ip:port. */
export function get(net: ClusterNetwork, client: NetworkClient, ip: string, port: number, at = T0, s = seq++): NetworkAnswer {
  const request: ConnectRequest = { ip, port, atWallMs: at, seq: s, http: { method: "GET", path: "/", headers: { host: ip } } };
  return net.connect(client, request, () => ({ kind: "answer", answer: { status: 200, body: "loopback" } }));
}

export function bodyOf(a: NetworkAnswer): string {
  return a.kind === "answer" ? a.answer.body : a.kind;
}
