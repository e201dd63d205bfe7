// The binding cycle's writes. The pod is bound through the registry's pods/binding code (DefaultBinder), so the
// scheduler's bind passes the same checks as `POST .../binding`; a refused bind is handled as kube-scheduler's
// handleBindingCycleError hands a bind error to its failure handler: a FailedScheduling event, PodScheduled False
// (SchedulerError) and the nomination cleared; the pod is tried again after the first back-off step unless it no
// longer waits for a node (gone, bound by someone else, being deleted).
import type { Pod } from "../../api/schemas";
import { StatusError } from "../../api/status";
import type { ControllerContext } from "../control-loop/types";
import { assignPod } from "../registry/pods/binding";
import type { ResourceDef } from "../registry/types";
import { rfc3339 } from "../../runtime/clock";
import { defaultSchedulerName, isAssigned, needsScheduling, withCondition } from "./pod-state";

const source = { component: defaultSchedulerName };
/** podInitialBackoffDuration: a pod whose bind failed waits this long in the back-off queue. */
export const bindRetryMs = 1_000;

export type BindOutcome = { bound: Pod; error?: undefined } | { error: string };

/** Bind `pod`, as the scheduler last saw it (its uid is a precondition), to `node`, and record `Scheduled`. */
export function bindToNode(pod: Pod, node: string, ctx: ControllerContext): BindOutcome {
  const namespace = pod.metadata.namespace!;
  const name = pod.metadata.name!;
  let bound: Pod;
  try {
    bound = assignPod(ctx.registry, { namespace, name, node, uid: pod.metadata.uid });
  } catch (error) {
    if (!(error instanceof StatusError)) throw error;
    return { error: `running Bind plugin "DefaultBinder": ${error.message}` };
  }
  ctx.events.record(bound, ctx.now, "Normal", "Scheduled", `Successfully assigned ${namespace}/${name} to ${node}`, source);
  return { bound };
}

/** Record a refused bind of `pod` (handleSchedulingFailure); returns when to try it again, if ever. */
export function bindFailed(pod: Pod, message: string, pods: ResourceDef<Pod>, ctx: ControllerContext): number | undefined {
  const namespace = pod.metadata.namespace!;
  const name = pod.metadata.name!;
  const current = ctx.registry.tryGet(pods, namespace, name);
  ctx.events.record(current ?? pod, ctx.now, "Warning", "FailedScheduling", message, source);
  // Gone, or bound by someone else: its PodScheduled stands, and there is nothing to retry.
  if (!current || isAssigned(current)) return undefined;
  const updated = withCondition(current, { type: "PodScheduled", status: "False", reason: "SchedulerError", message }, rfc3339(ctx.now));
  delete updated.status?.nominatedNodeName;
  ctx.registry.update(pods, namespace, name, updated, { subresource: "status" });
  return needsScheduling(current) ? ctx.now + bindRetryMs : undefined;
}
