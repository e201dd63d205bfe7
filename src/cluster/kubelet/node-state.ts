// What each simulated node remembers: the images it has pulled and the pod IPs it has handed out. Kept in memory
// and rebuilt from the pods bound to the node (their status says which images ran and which IPs they hold), so a
// restarted Durable Object carries on where it left off.
import type { Pod } from "../../api/schemas";

export class NodeState {
  private readonly images = new Set<string>();
  /** Last octet (and third, for /16s) offsets in use → pod uid. */
  private readonly used = new Map<number, string>();
  private readonly byPod = new Map<string, number>();
  private cursor = 0;
  private readonly base: number;
  private readonly size: number;

  constructor(podCIDR: string | undefined) {
    const [address, bits] = (podCIDR ?? "10.244.0.0/24").split("/");
    const octets = address!.split(".").map(Number);
    this.base = ((octets[0]! << 24) >>> 0) + (octets[1]! << 16) + (octets[2]! << 8) + octets[3]!;
    this.size = 2 ** (32 - Number(bits ?? 24));
  }

  hasImage(image: string): boolean {
    return this.images.has(image);
  }

  addImage(image: string): void {
    this.images.add(image);
  }

  /** The pod's IP, allocated on first call (host-local style: the next free address after the last one given). */
  allocate(podUid: string): string {
    const existing = this.byPod.get(podUid);
    if (existing !== undefined) return this.format(existing);
    // .0 is the network, .1 the bridge gateway, the last one broadcast.
    const usable = this.size - 3;
    for (let i = 0; i < usable; i++) {
      const offset = 2 + ((this.cursor + i) % usable);
      if (!this.used.has(offset)) {
        this.cursor = offset - 1;
        this.claim(podUid, offset);
        return this.format(offset);
      }
    }
    throw new Error("no free pod IP on the node");
  }

  /** Mark an IP read back from a pod's status as taken. */
  adopt(podUid: string, ip: string): void {
    const octets = ip.split(".").map(Number);
    const value = ((octets[0]! << 24) >>> 0) + (octets[1]! << 16) + (octets[2]! << 8) + octets[3]!;
    const offset = value - this.base;
    if (offset > 0 && offset < this.size && !this.used.has(offset)) this.claim(podUid, offset);
  }

  release(podUid: string): void {
    const offset = this.byPod.get(podUid);
    if (offset === undefined) return;
    this.byPod.delete(podUid);
    this.used.delete(offset);
  }

  /** Take back what a pod already holds (after a restart of the object). */
  rebuildFrom(pod: Pod): void {
    const status = pod.status ?? {};
    if (status.podIP && !pod.spec?.hostNetwork) this.adopt(pod.metadata.uid!, status.podIP);
    for (const c of [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])]) {
      if (c.imageID) this.images.add(c.image);
    }
  }

  private claim(podUid: string, offset: number): void {
    this.used.set(offset, podUid);
    this.byPod.set(podUid, offset);
  }

  private format(offset: number): string {
    const value = this.base + offset;
    return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join(".");
  }
}
