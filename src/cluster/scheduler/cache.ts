// The scheduler's cache: every node with what its pods request, kept current one event at a time so scheduling a
// pod costs O(nodes), never O(pods). A pod the scheduler is binding counts at once: it is "assumed" from before its
// binding is written until the store's event confirms it, or forgotten if the binding is refused.
import { addResources, emptyResources } from "./resources";
import type { AssignedPod, NodeInfo, Taint } from "./types";
import type { PodMatcher } from "./pod-matcher";

/** Per-node match counts kept beyond this many distinct matchers are dropped and recounted on demand. */
const maxMatchersPerNode = 256;

export interface NodeUpdate {
  name: string;
  labels: Record<string, string>;
  taints: Taint[];
  unschedulable: boolean;
  allocatable: NodeInfo["allocatable"];
}

export class SchedulerCache {
  private readonly nodeInfos = new Map<string, NodeInfo>();
  /** Pods by key, including pods bound to nodes the cache does not know (yet). */
  private readonly pods = new Map<string, AssignedPod>();
  /** Pods with inter-pod (anti-)affinity terms of their own, for the symmetric checks. */
  private readonly withAffinity = new Map<string, AssignedPod>();
  private readonly matchers = new Map<string, PodMatcher>();
  /** Pods counted on a node their binding has not been confirmed for yet, with the entry each one displaced. */
  private readonly assumed = new Map<string, AssignedPod | undefined>();
  private sortedNodes: NodeInfo[] | undefined;

  /** Nodes in name order (stable, so ties break the same way on every run). */
  nodes(): NodeInfo[] {
    this.sortedNodes ??= [...this.nodeInfos.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return this.sortedNodes;
  }

  node(name: string): NodeInfo | undefined {
    return this.nodeInfos.get(name);
  }

  podsWithAffinity(): Iterable<AssignedPod> {
    return this.withAffinity.values();
  }

  pod(key: string): AssignedPod | undefined {
    return this.pods.get(key);
  }

  upsertNode(update: NodeUpdate): void {
    let info = this.nodeInfos.get(update.name);
    if (!info) {
      info = {
        ...update,
        requested: emptyResources(),
        nonZeroRequested: { milliCpu: 0, memory: 0 },
        pods: new Map(),
        matchCounts: new Map(),
      };
      this.nodeInfos.set(update.name, info);
      this.sortedNodes = undefined;
      for (const pod of this.pods.values()) if (pod.node === update.name) this.attach(info, pod);
      return;
    }
    info.labels = update.labels;
    info.taints = update.taints;
    info.unschedulable = update.unschedulable;
    info.allocatable = update.allocatable;
  }

  removeNode(name: string): void {
    if (this.nodeInfos.delete(name)) this.sortedNodes = undefined;
  }

  /** Add or replace a bound pod (idempotent by key). */
  upsertPod(pod: AssignedPod): void {
    this.removePod(pod.key);
    this.pods.set(pod.key, pod);
    if (pod.affinity) this.withAffinity.set(pod.key, pod);
    const info = this.nodeInfos.get(pod.node);
    if (info) this.attach(info, pod);
  }

  /** Count `pod` on its node before its binding is written (AssumePod). */
  assumePod(pod: AssignedPod): void {
    const displaced = this.pods.get(pod.key);
    this.upsertPod(pod);
    this.assumed.set(pod.key, displaced);
  }

  /** The binding of an assumed pod was refused: it counts no more, what it displaced is back (ForgetPod). */
  forgetPod(key: string): void {
    if (!this.assumed.has(key)) return;
    const displaced = this.assumed.get(key);
    this.removePod(key);
    if (displaced) this.upsertPod(displaced);
  }

  /** The store's event for `key` bound to `node`: true when it confirms the assumed pod, which then stands as is. */
  confirmPod(key: string, node: string): boolean {
    return this.assumed.delete(key) && this.pods.get(key)?.node === node;
  }

  removePod(key: string): void {
    this.assumed.delete(key);
    const pod = this.pods.get(key);
    if (!pod) return;
    this.pods.delete(key);
    this.withAffinity.delete(key);
    const info = this.nodeInfos.get(pod.node);
    if (info?.pods.get(key) === pod) this.detach(info, pod);
  }

  /** How many of `node`'s pods `matcher` selects (counted once, then kept current). */
  countMatching(node: NodeInfo, matcher: PodMatcher): number {
    const known = node.matchCounts.get(matcher.key);
    if (known !== undefined) return known;
    if (node.matchCounts.size >= maxMatchersPerNode) node.matchCounts.clear();
    this.matchers.set(matcher.key, matcher);
    let count = 0;
    for (const pod of node.pods.values()) if (matcher.matches(pod)) count++;
    node.matchCounts.set(matcher.key, count);
    return count;
  }

  private attach(info: NodeInfo, pod: AssignedPod): void {
    info.pods.set(pod.key, pod);
    this.account(info, pod, 1);
  }

  private detach(info: NodeInfo, pod: AssignedPod): void {
    info.pods.delete(pod.key);
    this.account(info, pod, -1);
  }

  private account(info: NodeInfo, pod: AssignedPod, sign: 1 | -1): void {
    addResources(info.requested, pod.requests, sign);
    info.nonZeroRequested.milliCpu += sign * pod.nonZero.milliCpu;
    info.nonZeroRequested.memory += sign * pod.nonZero.memory;
    for (const [key, count] of info.matchCounts) {
      const matcher = this.matchers.get(key);
      if (!matcher) info.matchCounts.delete(key);
      else if (matcher.matches(pod)) info.matchCounts.set(key, count + sign);
    }
  }
}
