// `kubectl get ingresses`: NAME, CLASS (`<none>`), HOSTS (up to three, `*` for none, `+ N more...`), ADDRESS (the
// load balancer's IPs or hostnames, sorted and unique), PORTS (`80`, or `80, 443` with TLS), AGE, as printIngress
// prints them (the apiserver prints wide: the address is not clipped).
import type { Ingress, IngressRule } from "../../../api/schemas/networking/ingress";
import type { Printer } from "../types";
import { translateTimestampSince } from "../printing/age";
import { ageColumn, column, nameColumn } from "../printing/columns";
import { NONE } from "../printing/format";
import { compareStrings } from "../printing/label-selector";

/** formatHosts. */
export function formatHosts(rules: IngressRule[]): string {
  const max = 3;
  const hosts: string[] = [];
  let more = false;
  for (const rule of rules) {
    if (hosts.length === max) more = true;
    if (!more && rule.host) hosts.push(rule.host);
  }
  if (!hosts.length) return "*";
  return more ? `${hosts.join(",")} + ${rules.length - max} more...` : hosts.join(",");
}

/** ingressLoadBalancerStatusStringer. */
export function formatAddress(ing: Ingress): string {
  const addresses = new Set<string>();
  for (const point of ing.status?.loadBalancer?.ingress ?? []) {
    if (point.ip) addresses.add(point.ip);
    else if (point.hostname) addresses.add(point.hostname);
  }
  return [...addresses].sort(compareStrings).join(",");
}

export const printer: Printer<Ingress> = {
  columns: [
    nameColumn,
    column("Class", "string", "The name of the IngressClass resource that should be used for additional configuration"),
    column("Hosts", "string", "Hosts that incoming requests are matched against before the ingress rule"),
    column("Address", "string", "Address is a list containing ingress points for the load-balancer"),
    column("Ports", "string", "Ports of TLS configurations that open"),
    ageColumn,
  ],
  cells: (ing, now) => [
    ing.metadata.name ?? "",
    ing.spec?.ingressClassName ?? NONE,
    formatHosts(ing.spec?.rules ?? []),
    formatAddress(ing),
    ing.spec?.tls?.length ? "80, 443" : "80",
    translateTimestampSince(ing.metadata.creationTimestamp, now),
  ],
};
