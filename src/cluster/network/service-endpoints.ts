// A Service's endpoints as kube-proxy and CoreDNS read them from its EndpointSlices: each address with its pod, node,
// readiness and the port a service port reaches on it (a named targetPort resolved against that pod).
import type { EndpointSlice } from "../../api/schemas/discovery/endpointslice";
import type { Pod } from "../../api/schemas/core/pod";
import type { Service, ServicePort } from "../../api/schemas/core/service";
import type { ClusterView } from "./cluster-view";
import { resolveTargetPort } from "./endpoints";

export interface ServiceEndpoint {
  ip: string;
  pod?: Pod;
  nodeName?: string;
  hostname?: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  slice: EndpointSlice;
}

/** Every endpoint address of `service` (ready or not), sorted by address: a stable order to choose from. */
export function serviceEndpoints(view: ClusterView, service: Service): ServiceEndpoint[] {
  const namespace = service.metadata.namespace!;
  const name = service.metadata.name!;
  const out: ServiceEndpoint[] = [];
  const seen = new Set<string>();
  for (const slice of view.slicesOf(namespace, name)) {
    if (slice.addressType && slice.addressType !== "IPv4") continue;
    for (const e of slice.endpoints ?? []) {
      const ip = e.addresses?.[0];
      if (!ip || seen.has(ip)) continue;
      seen.add(ip);
      const ref = e.targetRef;
      const pod = ref?.kind === "Pod" && ref.name ? view.pod(ref.namespace ?? namespace, ref.name) : undefined;
      const podHostname = pod?.spec?.hostname && pod.spec.subdomain === name ? pod.spec.hostname : undefined;
      const ready = e.conditions?.ready !== false;
      out.push({
        ip,
        pod,
        nodeName: e.nodeName,
        hostname: e.hostname ?? podHostname,
        ready,
        serving: e.conditions?.serving ?? ready,
        terminating: e.conditions?.terminating ?? false,
        slice,
      });
    }
  }
  return out.sort((a, b) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0));
}

/** The endpoints traffic may go to: ready ones (all with publishNotReadyAddresses), else serving terminating ones. */
export function usableEndpoints(service: Service, all: ServiceEndpoint[]): ServiceEndpoint[] {
  if (service.spec?.publishNotReadyAddresses) return all;
  const ready = all.filter((e) => e.ready);
  return ready.length ? ready : all.filter((e) => e.serving && e.terminating);
}

/** The port `servicePort` reaches on endpoint `e`: a named targetPort resolved per pod, else the slice's port. */
export function endpointPort(servicePort: ServicePort, e: ServiceEndpoint): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  const named = typeof target === "string" && !/^\d+$/.test(target);
  if (named && e.pod) return resolveTargetPort(servicePort, e.pod);
  const slicePort = (e.slice.ports ?? []).find((p) => (p.name ?? "") === (servicePort.name ?? "") && (p.protocol ?? "TCP") === (servicePort.protocol ?? "TCP"));
  if (slicePort?.port !== undefined) return slicePort.port;
  if (named) return undefined;
  return typeof target === "number" ? target : Number(target);
}
