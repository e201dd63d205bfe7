// `kubectl get services`: TYPE, CLUSTER-IP, EXTERNAL-IP, PORT(S) and (wide) SELECTOR.
import type { Printer } from "../types";
import { translateTimestampSince } from "../printing/age";
import { ageColumn, column, nameColumn } from "../printing/columns";
import { at, int, list, record, text } from "../printing/fields";
import { NONE } from "../printing/format";
import { compareStrings, formatLabels } from "../printing/label-selector";

const columns = [
  nameColumn,
  column("Type", "string", "type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer."),
  column("Cluster-IP", "string", "clusterIP is the IP address of the service and is usually assigned randomly."),
  column("External-IP", "string", "externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service."),
  column("Port(s)", "string", "The list of ports that are exposed by this service."),
  ageColumn,
  column("Selector", "string", "Route service traffic to pods with label keys and values matching this selector.", 1),
];

/** `80/TCP`, or `80:30080/TCP` when a node port is allocated, joined with commas. */
export function servicePorts(ports: unknown): string {
  return list(ports)
    .map(record)
    .map((p) => {
      const protocol = text(p.protocol) || "TCP";
      const nodePort = int(p.nodePort);
      return nodePort > 0 ? `${int(p.port)}:${nodePort}/${protocol}` : `${int(p.port)}/${protocol}`;
    })
    .join(",");
}

/** Load-balancer ingress IPs (else hostnames), sorted and de-duplicated; never clipped since tables are wide. */
function loadBalancerAddresses(status: unknown): string[] {
  const found = new Set<string>();
  for (const ingress of list(at(status, "loadBalancer", "ingress")).map(record)) {
    const value = text(ingress.ip) || text(ingress.hostname);
    if (value !== "") found.add(value);
  }
  return [...found].sort(compareStrings);
}

/** The EXTERNAL-IP cell: externalIPs, load-balancer addresses, `<pending>`, or the ExternalName. */
export function serviceExternalIP(spec: Record<string, unknown>, status: unknown): string {
  const externalIPs = list(spec.externalIPs).map(text);
  switch (spec.type) {
    case "ClusterIP":
    case "NodePort":
      return externalIPs.length > 0 ? externalIPs.join(",") : NONE;
    case "LoadBalancer": {
      const all = [...loadBalancerAddresses(status), ...externalIPs];
      return all.length > 0 ? all.join(",") : "<pending>";
    }
    case "ExternalName":
      return text(spec.externalName);
    default:
      return "<unknown>";
  }
}

export const printer: Printer = {
  columns,
  cells(svc, now) {
    const spec = record(svc.spec);
    return [
      svc.metadata.name ?? "",
      text(spec.type),
      text(list(spec.clusterIPs)[0]) || NONE,
      serviceExternalIP(spec, svc.status),
      servicePorts(spec.ports) || NONE,
      translateTimestampSince(svc.metadata.creationTimestamp, now),
      formatLabels(spec.selector),
    ];
  },
};
