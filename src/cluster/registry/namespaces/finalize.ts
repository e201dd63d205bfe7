// PUT namespaces/<name>/finalize: the only way to change spec.finalizers.
import type { KubeObject } from "../../../api/object";
import { isRecord } from "../../../api/object";
import { badRequest, methodNotAllowed } from "../../../api/status";
import type { SubresourceRequest, SubresourceResult } from "../types";
import { namespaces } from "./index";

export function finalizeNamespace(req: SubresourceRequest): SubresourceResult {
  if (req.method !== "PUT") throw methodNotAllowed("the server does not allow this method on the requested resource");
  if (!isRecord(req.body)) throw badRequest("the body must be a Namespace");
  const updated = req.registry.update(namespaces, undefined, req.name, req.body as KubeObject, { subresource: "finalize" });
  return { body: updated };
}
