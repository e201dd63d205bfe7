// Carrying out a preemption through the API, as the scheduler's PreemptPod does: each victim gets the
// DisruptionTarget condition, is deleted gracefully (its kubelet then stops it) and gets a `Preempted` event; pods
// of lower priority nominated to the same node lose their nomination, so they look for room elsewhere.
import type { Pod } from "../../../api/schemas";
import { StatusError } from "../../../api/status";
import { splitKey, type ControllerContext } from "../../control-loop/types";
import type { ResourceDef } from "../../registry/types";
import { rfc3339 } from "../../../runtime/clock";
import { preemptionCondition } from "../parse";
import { defaultSchedulerName, withCondition } from "../pod-state";
import type { AssignedPod } from "../types";
import type { Candidate } from "./pick-node";

const source = { component: defaultSchedulerName };

function ignoreNotFound(write: () => void): void {
  try {
    write();
  } catch (error) {
    if (!(error instanceof StatusError) || error.code !== 404) throw error;
  }
}

export function executePreemption(
  preemptor: Pod,
  candidate: Candidate,
  lowerNominated: readonly AssignedPod[],
  pods: ResourceDef<Pod>,
  ctx: ControllerContext,
): void {
  const schedulerName = preemptor.spec?.schedulerName || defaultSchedulerName;
  const message = `Preempted by pod ${preemptor.metadata.uid} on node ${candidate.node}`;
  for (const victim of candidate.victims) {
    const { namespace, name } = splitKey(victim.key);
    const current = ctx.registry.tryGet(pods, namespace, name);
    if (!current) continue;
    ignoreNotFound(() => {
      const condition = { ...preemptionCondition, message: `${schedulerName}: preempting to accommodate a higher priority pod` };
      const marked = ctx.registry.update(pods, namespace, name, withCondition(current, condition, rfc3339(ctx.now)), { subresource: "status" });
      ctx.registry.delete(pods, namespace, name);
      ctx.events.record(marked, ctx.now, "Normal", "Preempted", message, source, { related: preemptor });
    });
  }
  for (const other of lowerNominated) {
    const { namespace, name } = splitKey(other.key);
    const current = ctx.registry.tryGet(pods, namespace, name);
    if (!current?.status?.nominatedNodeName) continue;
    const status = { ...current.status };
    delete status.nominatedNodeName;
    ignoreNotFound(() => ctx.registry.update(pods, namespace, name, { ...current, status }, { subresource: "status" }));
  }
}
