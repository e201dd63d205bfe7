// Addresses as the network names them: the reverse-lookup names of PTR queries, CoreDNS's dashed pod names, and a
// stable hash for kube-proxy's per-connection choice (the same connection, replayed, picks the same endpoint).
import { isIPv4 } from "../../api/ip";

/** The IPv4 address a `d.c.b.a.in-addr.arpa` name asks about, or undefined. */
export function reverseNameToIP(name: string): string | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.in-addr\.arpa$/.exec(name);
  if (!m) return undefined;
  const ip = `${m[4]}.${m[3]}.${m[2]}.${m[1]}`;
  return isIPv4(ip) ? ip : undefined;
}

/** `10.244.1.5` → `10-244-1-5`, as CoreDNS names pods and endpoints without a hostname. */
export function dashedIP(ip: string): string {
  return ip.replace(/\./g, "-");
}

/** FNV-1a, 32 bits: a stable, well-spread hash of a string (no randomness: a replay must choose alike). */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // A final avalanche so that keys differing in their last characters spread over small moduli.
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}
