// IP addresses and CIDRs as netutils.ParseIPSloppy / ParseCIDRSloppy read them (IPv4 octets may have leading zeros),
// as 128-bit ranges: NetworkPolicy's ipBlock and Ingress validation, the Service allocator, and the cluster
// network's routing and policy checks.

export interface Cidr {
  family: 4 | 6;
  /** The network address (host bits cleared), as an integer. */
  network: bigint;
  prefix: number;
}

function parseIPv4(text: string): bigint | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^[0-9]{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(Number(part));
  }
  return value;
}

function parseIPv6(text: string): bigint | undefined {
  let head = text;
  let tail4: bigint | undefined;
  // An embedded IPv4 address in the last 32 bits (::ffff:1.2.3.4).
  const lastColon = text.lastIndexOf(":");
  if (lastColon >= 0 && text.slice(lastColon + 1).includes(".")) {
    tail4 = parseIPv4(text.slice(lastColon + 1));
    if (tail4 === undefined) return undefined;
    head = text.slice(0, lastColon + 1) + "0:0";
  }
  const halves = head.split("::");
  if (halves.length > 2) return undefined;
  const groups = (s: string) => (s === "" ? [] : s.split(":"));
  const left = groups(halves[0]);
  const right = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - left.length - right.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const all = [...left, ...Array(halves.length === 2 ? missing : 0).fill("0"), ...right];
  let value = 0n;
  for (const g of all) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    value = (value << 16n) | BigInt(parseInt(g, 16));
  }
  if (tail4 !== undefined) value = (value & ~0xffffffffn) | tail4;
  return value;
}

/** An IP address: its family and value, or undefined when it is not one. */
export function parseIP(text: string): { family: 4 | 6; value: bigint } | undefined {
  if (text.includes(":")) {
    const value = parseIPv6(text);
    return value === undefined ? undefined : { family: 6, value };
  }
  const value = parseIPv4(text);
  return value === undefined ? undefined : { family: 4, value };
}

/** A CIDR (`address/prefix`), or undefined when ParseCIDRSloppy refuses it. */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf("/");
  if (slash < 0) return undefined;
  const ip = parseIP(text.slice(0, slash));
  const bitsText = text.slice(slash + 1);
  if (!ip || !/^[0-9]{1,3}$/.test(bitsText)) return undefined;
  const width = ip.family === 4 ? 32 : 128;
  const prefix = Number(bitsText);
  if (prefix > width) return undefined;
  const mask = ((1n << BigInt(width)) - 1n) ^ ((1n << BigInt(width - prefix)) - 1n);
  return { family: ip.family, network: ip.value & mask, prefix };
}

/** Whether `ip` (of the block's family) lies inside `block`. */
export function cidrContains(block: Cidr, ip: { family: 4 | 6; value: bigint }): boolean {
  if (block.family !== ip.family) return false;
  const width = block.family === 4 ? 32 : 128;
  const shift = BigInt(width - block.prefix);
  return ip.value >> shift === block.network >> shift;
}

/** A dotted IPv4 address as an unsigned 32-bit number, or undefined when it is none. */
export function ipv4ToNumber(text: string): number | undefined {
  const value = parseIPv4(text);
  return value === undefined ? undefined : Number(value);
}

export const isIPv4 = (text: string): boolean => parseIPv4(text) !== undefined;

/** Whether the address `ip` lies inside the block `cidr` (`10.0.0.0/8`; a bare address is its own /32 or /128). */
export function inCidr(cidr: string, ip: string): boolean {
  const block = parseCidr(cidr.includes("/") ? cidr : `${cidr}/${cidr.includes(":") ? 128 : 32}`);
  const address = parseIP(ip);
  return !!block && !!address && cidrContains(block, address);
}

/**
 * The gateway of a node's network (Docker's bridge: 172.18.0.1 for kind's 172.18.0.0/16): the node's resolv.conf
 * names it, and it resolves names as the machine running the cluster does. 127.0.0.11 (Docker's embedded DNS) for a
 * node without an IPv4 address.
 */
export function nodeNetworkGateway(nodeIP: string): string {
  const octets = nodeIP.split(".");
  return octets.length === 4 ? `${octets[0]}.${octets[1]}.0.1` : "127.0.0.11";
}
