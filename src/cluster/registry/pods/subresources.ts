// Pod subresources served by the apiserver itself: binding (the scheduler's write, see ./binding) and eviction (drain's,
// see ./eviction).
import { isRecord } from "../../../api/object";
import { badRequest, failure, success } from "../../../api/status";
import type { SubresourceRequest, SubresourceResult } from "../types";
import { assignPod } from "./binding";

const text = (value: unknown) => (typeof value === "string" ? value : undefined);

/** POST pods/<name>/binding: the request's checks (BindingREST.Create, ValidatePodBinding), then assignPod's. */
export function bindPod(req: SubresourceRequest): SubresourceResult {
  if (req.method !== "POST") throw failure(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
  const body = isRecord(req.body) ? req.body : {};
  const metadata = isRecord(body.metadata) ? body.metadata : {};
  const namespace = text(metadata.namespace);
  if (namespace && namespace !== req.namespace) throw badRequest("the namespace of the provided object does not match the namespace sent on the request");
  if (text(metadata.name) !== req.name) throw badRequest("name in URL does not match name in Binding object");
  const target = isRecord(body.target) ? body.target : {};
  const kind = text(target.kind);
  if (kind && kind !== "Node") throw badRequest(`target.kind: Unsupported value: ${JSON.stringify(kind)}: supported values: "Node", "<empty>"`);
  const node = text(target.name);
  if (!node) throw badRequest("Binding.target.name is required");
  const annotations = isRecord(metadata.annotations) ? (metadata.annotations as Record<string, string>) : undefined;
  assignPod(req.registry, {
    namespace: req.namespace ?? "",
    name: req.name,
    node,
    uid: text(metadata.uid),
    resourceVersion: text(metadata.resourceVersion),
    annotations,
  });
  return { status: 201, body: { ...success(), code: 201 } };
}
