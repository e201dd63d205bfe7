// The sandbox's load-balancer address pool, as a MetalLB IPAddressPool on a kind or minikube cluster would hold
// (MetalLB's own kind example: 172.18.255.200-172.18.255.250). The net helper routes these addresses to the
// Service's node ports; they answer only inside the cluster's simulated network.

export const poolFirst = "172.18.255.200";
export const poolLast = "172.18.255.250";
/** The pool as MetalLB's IPAddressPool spec writes it. */
export const poolRange = `${poolFirst}-${poolLast}`;

const prefix = "172.18.255.";
const firstHost = 200;
const lastHost = 250;

/** Is `ip` an address of the pool? */
export function inPool(ip: string): boolean {
  if (!ip.startsWith(prefix)) return false;
  const host = ip.slice(prefix.length);
  if (!/^\d{1,3}$/.test(host)) return false;
  const n = Number(host);
  return String(n) === host && n >= firstHost && n <= lastHost;
}

/** The lowest address of the pool not in `used` (MetalLB assigns the first free one), or undefined when all are taken. */
export function firstFree(used: Set<string>): string | undefined {
  for (let n = firstHost; n <= lastHost; n++) {
    const ip = `${prefix}${n}`;
    if (!used.has(ip)) return ip;
  }
  return undefined;
}
