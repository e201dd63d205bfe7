// The `scale` subresource (autoscaling/v1 Scale) of every kind that declares ScaleAccess: `kubectl scale` PATCHes
// it with a merge patch, HPAs and scripts GET and PUT it.
import type { KubeObject } from "../../api/object";
import { isRecord } from "../../api/object";
import { badRequest, fieldError, invalid, methodNotAllowed, staleResourceVersion } from "../../api/status";
import type { VerbContext } from "./handlers";
import { decodeObject, decodePatch, readBody } from "./decode";
import { applyJsonPatch } from "./patch/json-patch";
import { applyMergePatch } from "./patch/merge-patch";
import { json } from "./respond";
import { cloneJson } from "../../api/clone";

function toScale(ctx: VerbContext, obj: KubeObject) {
  const access = ctx.def.scale!;
  return {
    kind: "Scale",
    apiVersion: "autoscaling/v1",
    metadata: {
      name: obj.metadata.name,
      namespace: obj.metadata.namespace,
      uid: obj.metadata.uid,
      resourceVersion: obj.metadata.resourceVersion,
      creationTimestamp: obj.metadata.creationTimestamp,
    },
    spec: { replicas: access.specReplicas(obj) },
    status: { replicas: access.statusReplicas(obj), selector: access.selector(obj) },
  };
}

export async function scale(ctx: VerbContext): Promise<Response> {
  const current = ctx.registry.get(ctx.def, ctx.namespace, ctx.name!);
  if (ctx.request.method === "GET") return json(toScale(ctx, current));
  let desired: unknown;
  const bytes = await readBody(ctx.request);
  if (ctx.request.method === "PUT") {
    desired = decodeObject(bytes, ctx.request.headers.get("content-type"));
  } else if (ctx.request.method === "PATCH") {
    const { type, body } = decodePatch(bytes, ctx.request.headers.get("content-type"));
    const base = toScale(ctx, current);
    desired = type === "json" ? applyJsonPatch(base, body) : applyMergePatch(base, body);
  } else {
    throw methodNotAllowed("the server does not allow this method on the requested resource");
  }
  if (!isRecord(desired)) throw badRequest("the body must be a Scale");
  const meta = isRecord(desired.metadata) ? desired.metadata : {};
  if (typeof meta.resourceVersion === "string" && meta.resourceVersion && meta.resourceVersion !== current.metadata.resourceVersion) {
    throw staleResourceVersion(ctx.def.resource, ctx.def.group, ctx.name!);
  }
  const replicas = isRecord(desired.spec) ? desired.spec.replicas : undefined;
  if (typeof replicas !== "number" || !Number.isInteger(replicas) || replicas < 0) {
    throw invalid("Scale", "autoscaling", ctx.name!, [fieldError.invalid("spec.replicas", replicas ?? null, "must be greater than or equal to 0")]);
  }
  const updated = cloneJson(current);
  ctx.def.scale!.setSpecReplicas(updated, replicas);
  const stored = ctx.registry.update(ctx.def, ctx.namespace, ctx.name!, updated, { dryRun: ctx.query.getAll("dryRun").includes("All") });
  return json(toScale(ctx, stored));
}
