// IPv4 arithmetic the network needs: CIDR membership (NetworkPolicy ipBlock), the reverse-lookup names of PTR queries,
// and a stable hash for kube-proxy's per-connection choice (the same connection, replayed, picks the same endpoint).

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** The address as an unsigned 32-bit number, or undefined when it is no dotted IPv4 address. */
export function ipv4ToNumber(ip: string): number | undefined {
  const m = IPV4.exec(ip);
  if (!m) return undefined;
  const octets = m.slice(1).map(Number);
  if (octets.some((o) => o > 255)) return undefined;
  return ((octets[0]! << 24) >>> 0) + (octets[1]! << 16) + (octets[2]! << 8) + octets[3]!;
}

export function isIPv4(ip: string): boolean {
  return ipv4ToNumber(ip) !== undefined;
}

/** Whether `ip` is inside `cidr` (`10.0.0.0/8`; a bare address is a /32). False for anything unparsable (IPv6). */
export function cidrContains(cidr: string, ip: string): boolean {
  const [base, bitsText] = cidr.split("/");
  const net = ipv4ToNumber(base ?? "");
  const addr = ipv4ToNumber(ip);
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  if (net === undefined || addr === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  if (bits === 0) return true;
  const mask = (0xffffffff << (32 - bits)) >>> 0;
  return ((net & mask) >>> 0) === ((addr & mask) >>> 0);
}

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
