// Pod subresources served by the apiserver itself: binding (the scheduler's write) and eviction (drain's).
import type { KubeObject } from "../../../api/object";
import { isRecord } from "../../../api/object";
import { badRequest, conflict, failure, success } from "../../../api/status";
import type { SubresourceRequest, SubresourceResult } from "../types";
import { pods } from "./index";
import { cloneJson } from "../../../api/clone";

export function bindPod(req: SubresourceRequest): SubresourceResult {
  if (req.method !== "POST") throw failure(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
  const target = isRecord(req.body) && isRecord(req.body.target) ? req.body.target : undefined;
  const nodeName = typeof target?.name === "string" ? target.name : "";
  if (!nodeName) throw badRequest("Binding.target.name is required");
  const pod = req.registry.get(pods, req.namespace, req.name);
  const spec = pod.spec as { nodeName?: string };
  if (spec.nodeName) {
    throw conflict("pods/binding", "", req.name, `pod ${req.name} is already assigned to node "${spec.nodeName}"`);
  }
  if (pod.metadata.deletionTimestamp) throw conflict("pods/binding", "", req.name, `pod ${req.name} is being deleted, cannot be assigned to a host`);
  const bound: KubeObject = cloneJson(pod);
  (bound.spec as { nodeName?: string }).nodeName = nodeName;
  req.registry.update(pods, req.namespace, req.name, bound, { subresource: "binding" });
  return { status: 201, body: { ...success(), code: 201 } };
}

export function evictPod(req: SubresourceRequest): SubresourceResult {
  if (req.method !== "POST") throw failure(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
  const options = isRecord(req.body) && isRecord(req.body.deleteOptions) ? req.body.deleteOptions : {};
  req.registry.delete(pods, req.namespace, req.name, options);
  return { status: 201, body: { ...success(), code: 201 } };
}
