// What a Service's endpoints are: the IPs of the pods its selector picks, with each service port resolved against
// the pod (a named targetPort becomes that container port), split into ready and not-ready addresses.
import type { Endpoints } from "../../api/schemas/core/endpoints";
import type { Pod } from "../../api/schemas/core/pod";
import type { Service, ServicePort } from "../../api/schemas/core/service";
import type { EndpointSlice } from "../../api/schemas/discovery/endpointslice";

type EndpointSubset = NonNullable<Endpoints["subsets"]>[number];
type EndpointAddress = NonNullable<EndpointSubset["addresses"]>[number];
type ObjectReference = NonNullable<EndpointAddress["targetRef"]>;

export interface EndpointPort {
  name?: string;
  port: number;
  protocol: string;
}

export interface PodEndpoint {
  pod: Pod;
  ip: string;
  ready: boolean;
  /** Ready by its probes, even while terminating. */
  serving: boolean;
  terminating: boolean;
  nodeName?: string;
  ports: EndpointPort[];
}

function isReady(pod: Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
}

/** The container port a service port reaches on `pod`, or undefined when a named port does not exist there. */
export function resolveTargetPort(servicePort: ServicePort, pod: Pod): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === "number") return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? "TCP") === (servicePort.protocol ?? "TCP")) return p.containerPort;
  }
  return undefined;
}

/** The endpoints of `service` among `pods` (already filtered by the selector), sorted by pod name. */
export function podEndpoints(service: Service, pods: Pod[]): PodEndpoint[] {
  const servicePorts = service.spec?.ports ?? [];
  const out: PodEndpoint[] = [];
  for (const pod of pods) {
    const status = pod.status ?? {};
    if (!status.podIP || status.phase === "Succeeded" || status.phase === "Failed") continue;
    const ports: EndpointPort[] = [];
    for (const sp of servicePorts) {
      const port = resolveTargetPort(sp, pod);
      if (port !== undefined) ports.push({ ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol ?? "TCP" });
    }
    out.push({
      pod,
      ip: status.podIP,
      ready: isReady(pod) && !pod.metadata.deletionTimestamp,
      serving: isReady(pod),
      terminating: !!pod.metadata.deletionTimestamp,
      nodeName: pod.spec?.nodeName,
      ports,
    });
  }
  return out.sort((a, b) => (a.pod.metadata.name! < b.pod.metadata.name! ? -1 : 1));
}

function targetRef(pod: Pod): ObjectReference {
  return { kind: "Pod", namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
}

/** The core/v1 Endpoints subsets: addresses grouped by identical port sets, as the endpoints controller repacks them. */
export function endpointSubsets(endpoints: PodEndpoint[]): EndpointSubset[] {
  const groups = new Map<string, { ports: EndpointPort[]; addresses: EndpointAddress[]; notReadyAddresses: EndpointAddress[] }>();
  for (const e of endpoints) {
    if (!e.ports.length) continue;
    const key = JSON.stringify(e.ports);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { ports: e.ports, addresses: [], notReadyAddresses: [] }));
    const address = { ip: e.ip, ...(e.nodeName ? { nodeName: e.nodeName } : {}), targetRef: targetRef(e.pod) };
    (e.ready ? group.addresses : group.notReadyAddresses).push(address);
  }
  return [...groups.values()].map((g) => ({
    ...(g.addresses.length ? { addresses: g.addresses } : {}),
    ...(g.notReadyAddresses.length ? { notReadyAddresses: g.notReadyAddresses } : {}),
    ports: g.ports,
  }));
}

/** The discovery.k8s.io/v1 EndpointSlice body (endpoints and ports) for one service. */
export function sliceContent(service: Service, endpoints: PodEndpoint[]): Pick<EndpointSlice, "addressType" | "endpoints" | "ports"> {
  const servicePorts = service.spec?.ports ?? [];
  // The controller always sets a port's name (kubectl describe dereferences it), "" for an unnamed port.
  const resolved = endpoints.find((e) => e.ports.length)?.ports;
  const ports = resolved
    ? resolved.map((p) => ({ name: p.name ?? "", port: p.port, protocol: p.protocol }))
    : servicePorts.map((sp) => ({ name: sp.name ?? "", protocol: sp.protocol ?? "TCP" }));
  return {
    addressType: "IPv4",
    endpoints: endpoints.map((e) => ({
      addresses: [e.ip],
      conditions: { ready: e.ready, serving: e.serving, terminating: e.terminating },
      ...(e.nodeName ? { nodeName: e.nodeName } : {}),
      targetRef: targetRef(e.pod),
    })),
    ports,
  };
}
