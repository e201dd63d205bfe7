// DefaultPreemption's SelectVictimsOnNode: take every pod of lower priority off the node; if the pod still does
// not fit, the node cannot help (the filter's reasons say why). Otherwise give pods back, most important first,
// as long as the pod still fits: those that cannot come back are the victims — the least important, and as few as
// the order allows.
import { filterWithNominated, type CycleState, type NominatedPods } from "../framework";
import { nodeView } from "../node-view";
import { interPodAffinityWithout } from "../plugins/inter-pod-affinity";
import { spreadWithout } from "../plugins/pod-topology-spread";
import type { AssignedPod, NodeInfo, PodToSchedule } from "../types";

export const noPreemptionVictims = "No preemption victims found for incoming pod";

export type NodeVictims = { victims: AssignedPod[] } | { reasons: string[] };

/** util.MoreImportantPod: higher priority first, then the older pod (creation time standing in for start time). */
export function moreImportantFirst(a: AssignedPod, b: AssignedPod): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.created !== b.created) return a.created - b.created;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Does `pod` fit on `node` with `removed` gone (filters, with the removal applied to PreFilter's state too)? */
function fitsWithout(pod: PodToSchedule, node: NodeInfo, state: CycleState, removed: readonly AssignedPod[], nominated?: NominatedPods) {
  const view = nodeView(node, [], removed);
  const without: CycleState = {
    spread: spreadWithout(pod, state.spread, node, removed),
    affinity: interPodAffinityWithout(pod, state.affinity, node, removed),
    ...(state.volumes ? { volumes: state.volumes } : {}),
  };
  return filterWithNominated(pod, view, without, nominated);
}

export function selectVictimsOnNode(pod: PodToSchedule, node: NodeInfo, state: CycleState, nominated?: NominatedPods): NodeVictims {
  const potential = [...node.pods.values()].filter((p) => p.priority < pod.priority);
  if (!potential.length) return { reasons: [noPreemptionVictims] };
  const stillFails = fitsWithout(pod, node, state, potential, nominated);
  if (stillFails) return { reasons: stillFails.reasons };
  let removed = potential;
  const victims: AssignedPod[] = [];
  for (const candidate of [...potential].sort(moreImportantFirst)) {
    const reprieved = removed.filter((p) => p !== candidate);
    if (fitsWithout(pod, node, state, reprieved, nominated)) victims.push(candidate);
    else removed = reprieved;
  }
  if (!victims.length) return { reasons: [`expected at least one victim pod on node "${node.name}"`] };
  return { victims };
}
