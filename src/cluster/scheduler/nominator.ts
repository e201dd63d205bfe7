// The pods waiting for room an earlier preemption made (status.nominatedNodeName), by node: the scheduler keeps
// that room for them, so a less important pod does not take it first (framework.PodNominator).
import type { AssignedPod } from "./types";

const none: readonly AssignedPod[] = [];

export class PodNominator {
  private readonly byKey = new Map<string, AssignedPod>();
  private readonly byNode = new Map<string, Map<string, AssignedPod>>();

  /** Record `pod` (its `node` is the nominated node) or, with undefined, forget `key`. */
  set(key: string, pod: AssignedPod | undefined): void {
    const known = this.byKey.get(key);
    if (known) {
      this.byKey.delete(key);
      const onNode = this.byNode.get(known.node);
      onNode?.delete(key);
      if (onNode && !onNode.size) this.byNode.delete(known.node);
    }
    if (!pod) return;
    this.byKey.set(key, pod);
    let onNode = this.byNode.get(pod.node);
    if (!onNode) this.byNode.set(pod.node, (onNode = new Map()));
    onNode.set(key, pod);
  }

  /** The pods nominated to `node`. */
  on(node: string): readonly AssignedPod[] {
    const onNode = this.byNode.get(node);
    return onNode ? [...onNode.values()] : none;
  }

  clear(): void {
    this.byKey.clear();
    this.byNode.clear();
  }
}
