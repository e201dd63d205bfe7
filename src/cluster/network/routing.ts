// kube-proxy's translation of a destination address, as its iptables rules do it on the client's node: a ClusterIP,
// an external or load-balancer IP, or a node's NodePort goes to one usable endpoint of the Service (per connection
// by a hash of the connection, or per client IP with sessionAffinity ClientIP; only the client node's endpoints with
// internalTrafficPolicy Local); a pod IP goes to that pod; a node IP reaches its host-network pods and host ports.
// The choice is a hash, never randomness: a replayed connection picks the same endpoint.
import type { Pod } from "../../api/schemas/core/pod";
import type { Service, ServicePort } from "../../api/schemas/core/service";
import { inCidr } from "../../api/ip";
import { serviceCIDR } from "../registry/services/allocation";
import { stableHash } from "./addresses";
import type { ClusterView } from "./cluster-view";
import { endpointPort, serviceEndpoints, usableEndpoints } from "./service-endpoints";

/** The connecting side as kube-proxy sees it. */
export interface RouteClient {
  /** The client's address: its pod IP, or its node's for a host-network pod. */
  ip: string;
  nodeName?: string;
  /** The client node's InternalIP: the source after SNAT. */
  nodeIP?: string;
  /** Identifies the connection among all others (client run, moment, number): what the endpoint choice hashes. */
  connection: string;
}

export interface Destination {
  ip: string;
  port: number;
  protocol: string;
}

export type Route =
  /** A pod's network namespace, at `port`; the server sees `clientIP`. */
  | { kind: "pod"; pod: Pod; port: number; clientIP: string; service?: Service }
  /** A node's own network namespace: whichever of its host-network pods listens on `port` answers. */
  | { kind: "host"; pods: Pod[]; port: number; clientIP: string }
  | { kind: "refused" }
  /** Dropped on the way (no endpoint on this node, an address nobody has). */
  | { kind: "timeout" }
  /** Not the cluster's: the public internet. */
  | { kind: "outside" };

/** The ranges the cluster's addresses come from (kubeadm's defaults, as bootstrap sets them). */
export const clusterRanges = { services: serviceCIDR, pods: "10.244.0.0/16" };

const refused: Route = { kind: "refused" };
const timeout: Route = { kind: "timeout" };

function servicePortFor(svc: Service, port: number, protocol: string, nodePort = false): ServicePort | undefined {
  return (svc.spec?.ports ?? []).find((p) => (nodePort ? p.nodePort : p.port) === port && (p.protocol ?? "TCP") === protocol);
}

/** One endpoint of `svc` for the connection, translated to its pod and port. */
function toEndpoint(
  view: ClusterView,
  svc: Service,
  servicePort: ServicePort,
  client: RouteClient,
  clientIP: string,
  onlyNode: string | undefined,
): Route {
  let candidates = usableEndpoints(svc, serviceEndpoints(view, svc));
  if (!candidates.length) return refused;
  if (onlyNode !== undefined) {
    candidates = candidates.filter((e) => e.nodeName === onlyNode);
    // kube-proxy drops traffic for a Local policy without a local endpoint.
    if (!candidates.length) return timeout;
  }
  const affinity = svc.spec?.sessionAffinity === "ClientIP";
  const key = affinity ? `${clientIP}|${svc.metadata.uid ?? ""}|${svc.metadata.namespace}/${svc.metadata.name}` : `${client.connection}|${svc.metadata.name}`;
  const chosen = candidates[stableHash(key) % candidates.length]!;
  const port = endpointPort(servicePort, chosen);
  if (port === undefined) return refused;
  const pod = chosen.pod ?? view.podByIP(chosen.ip);
  if (pod) return { kind: "pod", pod, port, clientIP, service: svc };
  // An endpoint that is no pod (a Service without selector, e.g. `kubernetes`): its address, as it is.
  const direct = route(view, client, { ip: chosen.ip, port, protocol: servicePort.protocol ?? "TCP" }, false);
  return direct.kind === "pod" ? { ...direct, service: svc } : direct;
}

/** Where a connection from `client` to `to` goes. `translate` false skips Service translation (an endpoint's own address). */
export function route(view: ClusterView, client: RouteClient, to: Destination, translate = true): Route {
  const { ip, port, protocol } = to;
  if (translate) {
    const svc = view.serviceByClusterIP(ip);
    if (svc) {
      const sp = servicePortFor(svc, port, protocol);
      // kube-proxy rejects traffic to a Service port it has no endpoints for, and to a port the Service lacks.
      if (!sp) return refused;
      const local = svc.spec?.internalTrafficPolicy === "Local" ? client.nodeName ?? "" : undefined;
      return toEndpoint(view, svc, sp, client, client.ip, local);
    }
    for (const external of view.servicesByExternalIP(ip)) {
      const sp = servicePortFor(external, port, protocol);
      if (sp) return toEndpoint(view, external, sp, client, client.nodeIP ?? client.ip, undefined);
    }
  }
  const pod = view.podByIP(ip);
  if (pod) return { kind: "pod", pod, port, clientIP: client.ip };
  const node = view.nodeByIP(ip);
  if (node) {
    const nodeName = node.metadata.name!;
    if (translate) {
      for (const svc of view.servicesByNodePort(port)) {
        const sp = servicePortFor(svc, port, protocol, true);
        if (!sp) continue;
        const local = svc.spec?.externalTrafficPolicy === "Local";
        return toEndpoint(view, svc, sp, client, local ? client.ip : client.nodeIP ?? client.ip, local ? nodeName : undefined);
      }
    }
    const hostNetwork: Pod[] = [];
    for (const hostPod of view.hostPods(nodeName)) {
      const phase = hostPod.status?.phase;
      if (phase === "Succeeded" || phase === "Failed") continue;
      if (hostPod.spec?.hostNetwork) {
        hostNetwork.push(hostPod);
        continue;
      }
      for (const c of hostPod.spec?.containers ?? []) {
        const mapped = (c.ports ?? []).find((p) => p.hostPort === port && (p.protocol ?? "TCP") === protocol);
        if (mapped && hostPod.status?.podIP) return { kind: "pod", pod: hostPod, port: mapped.containerPort, clientIP: client.nodeIP ?? client.ip };
      }
    }
    return { kind: "host", pods: hostNetwork, port, clientIP: client.ip };
  }
  if (inCidr(clusterRanges.services, ip) || inCidr(clusterRanges.pods, ip)) return timeout;
  return { kind: "outside" };
}
