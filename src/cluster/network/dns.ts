// CoreDNS as kubeadm configures it (the `kubernetes cluster.local in-addr.arpa ip6.arpa { pods insecure; ttl 30 }`
// and `forward . /etc/resolv.conf` plugins): answers for Services, headless endpoints, pods and reverse lookups in
// cluster.local, NXDOMAIN for the rest of the zone, every other name forwarded to the public DNS.
import { publicDns, type DnsQuestion, type DnsRecord, type DnsReply, type DnsType } from "../../container-sim/network";
import type { Service } from "../../api/schemas/core/service";
import { clusterDomain } from "../cluster-dns";
import { isIPv4 } from "../../api/ip";
import { dashedIP, reverseNameToIP } from "./addresses";
import type { ClusterView } from "./cluster-view";
import { serviceEndpoints, type ServiceEndpoint } from "./service-endpoints";

/** kubeadm's Corefile sets `ttl 30` in the kubernetes plugin. */
export const clusterDnsTtl = 30;

const noError = (answers: DnsRecord[]): DnsReply => ({ rcode: "NOERROR", answers, authoritative: true });
const nxDomain: DnsReply = { rcode: "NXDOMAIN", answers: [], authoritative: true };

function record(name: string, type: DnsType, data: string): DnsRecord {
  return { name, type, ttl: clusterDnsTtl, data };
}

const isHeadless = (svc: Service) => svc.spec?.clusterIP === "None";
const serviceName = (svc: Service) => `${svc.metadata.name}.${svc.metadata.namespace}.svc.${clusterDomain}`;
const endpointLabel = (e: ServiceEndpoint) => e.hostname ?? dashedIP(e.ip);

/** The endpoints DNS publishes for a headless Service: ready ones, or all with publishNotReadyAddresses. */
function published(view: ClusterView, svc: Service): ServiceEndpoint[] {
  const all = serviceEndpoints(view, svc);
  return svc.spec?.publishNotReadyAddresses ? all : all.filter((e) => e.ready);
}

/** SRV weights as CoreDNS spreads them: 100 shared among the records of one priority. */
const weight = (count: number) => Math.floor(100 / Math.max(1, count));

function serviceAnswer(view: ClusterView, svc: Service, name: string, type: DnsType): DnsReply {
  const spec = svc.spec ?? {};
  if (spec.type === "ExternalName" && spec.externalName) {
    if (type === "CNAME" || type === "A" || type === "AAAA") {
      const cname = record(name, "CNAME", spec.externalName);
      if (type === "CNAME") return noError([cname]);
      const outside = publicDns({ name: spec.externalName, type, atWallMs: 0 });
      return noError([cname, ...outside.answers]);
    }
    return noError([]);
  }
  if (type === "A") {
    if (!isHeadless(svc)) return noError(spec.clusterIP ? [record(name, "A", spec.clusterIP)] : []);
    return noError(published(view, svc).map((e) => record(name, "A", e.ip)));
  }
  if (type === "SRV") {
    const ports = spec.ports ?? [];
    if (!isHeadless(svc)) return noError(ports.map((p) => record(name, "SRV", `0 ${weight(ports.length)} ${p.port} ${name}`)));
    const eps = published(view, svc);
    const n = eps.length * ports.length;
    return noError(eps.flatMap((e) => ports.map((p) => record(name, "SRV", `0 ${weight(n)} ${p.port} ${endpointLabel(e)}.${name}`))));
  }
  return noError([]);
}

/** `_<port>._<proto>.<svc>.<ns>.svc.cluster.local`: the named port's SRV records. */
function portAnswer(view: ClusterView, svc: Service, portLabel: string, protoLabel: string, name: string, type: DnsType): DnsReply {
  const port = (svc.spec?.ports ?? []).find((p) => `_${p.name ?? ""}` === portLabel && `_${(p.protocol ?? "TCP").toLowerCase()}` === protoLabel);
  if (!port || !port.name) return nxDomain;
  if (type !== "SRV") return noError([]);
  if (!isHeadless(svc)) return noError([record(name, "SRV", `0 100 ${port.port} ${serviceName(svc)}`)]);
  const eps = published(view, svc);
  return noError(eps.map((e) => record(name, "SRV", `0 ${weight(eps.length)} ${port.port} ${endpointLabel(e)}.${serviceName(svc)}`)));
}

function reverseAnswer(view: ClusterView, ip: string, name: string, type: DnsType): DnsReply | undefined {
  const targets: string[] = [];
  const svc = view.serviceByClusterIP(ip);
  if (svc) targets.push(serviceName(svc));
  else {
    for (const slice of view.slicesWithAddress(ip)) {
      const service = slice.metadata.labels?.["kubernetes.io/service-name"];
      const owner = service ? view.service(slice.metadata.namespace!, service) : undefined;
      const e = owner ? published(view, owner).find((x) => x.ip === ip) : undefined;
      if (owner && e) targets.push(`${endpointLabel(e)}.${serviceName(owner)}`);
    }
  }
  if (!targets.length) return undefined;
  return noError(type === "PTR" ? [...new Set(targets)].map((t) => record(name, "PTR", t)) : []);
}

/** CoreDNS's reply to `question`. */
export function coreDnsReply(view: ClusterView, question: DnsQuestion): DnsReply {
  const name = question.name.toLowerCase().replace(/\.$/, "");
  const { type } = question;
  const reverseIP = reverseNameToIP(name);
  // Addresses the cluster does not know fall through to the upstream, which has no reverse zone for them either.
  if (reverseIP) return reverseAnswer(view, reverseIP, name, type) ?? { rcode: "NXDOMAIN", answers: [] };
  if (name !== clusterDomain && !name.endsWith(`.${clusterDomain}`)) return publicDns({ ...question, name });
  const labels = name === clusterDomain ? [] : name.slice(0, -clusterDomain.length - 1).split(".");
  const kind = labels[labels.length - 1];
  if (labels.length === 0 || (labels.length === 1 && (kind === "svc" || kind === "pod"))) return noError([]);
  const namespace = labels[labels.length - 2]!;
  if (kind === "pod") {
    if (labels.length !== 3) return nxDomain;
    const ip = labels[0]!.replace(/-/g, ".");
    if (!isIPv4(ip)) return nxDomain;
    return noError(type === "A" ? [record(name, "A", ip)] : []);
  }
  if (kind !== "svc") return nxDomain;
  if (!view.namespace(namespace)) return nxDomain;
  if (labels.length === 2) return noError([]);
  const svc = view.service(namespace, labels[labels.length - 3]!);
  if (!svc) return nxDomain;
  if (labels.length === 3) return serviceAnswer(view, svc, name, type);
  if (labels.length === 5 && labels[0]!.startsWith("_") && labels[1]!.startsWith("_")) return portAnswer(view, svc, labels[0]!, labels[1]!, name, type);
  if (labels.length === 4) {
    const e = published(view, svc).find((x) => endpointLabel(x) === labels[0] || dashedIP(x.ip) === labels[0]);
    if (!e) return nxDomain;
    return noError(type === "A" ? [record(name, "A", e.ip)] : []);
  }
  return nxDomain;
}
