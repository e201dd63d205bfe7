// The `scale` subresource (autoscaling/v1 Scale) of every kind that declares ScaleAccess: `kubectl scale` PATCHes
// it with a merge patch, HPAs and scripts GET and PUT it.
import type { KubeObject } from "../../api/object";
import { isRecord } from "../../api/object";
import { badRequest, fieldError, invalid, methodNotAllowed, staleResourceVersion } from "../../api/status";
import type { VerbContext } from "./handlers";
import { decodeObject, decodePatch, readBody } from "./decode";
import { applyJsonPatch } from "./patch/json-patch";
import { applyMergePatch } from "./patch/merge-patch";
import { recordManager } from "./patching";
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

/** A number as the body wrote it (`1e308`, which JSON.parse turns into `1e+308`), when the body says `"replicas": n`. */
function numberText(bytes: Uint8Array, value: number): string {
  const written = /"replicas"\s*:\s*(-?[0-9][0-9.eE+-]*)/.exec(new TextDecoder().decode(bytes))?.[1];
  return written !== undefined && Number(written) === value ? written : String(value);
}

/** Go's JSON encoding of a patched document: map keys sorted (the apiserver's patch error quotes it). */
function goJson(value: unknown, replicasText: string): string {
  if (Array.isArray(value)) return `[${value.map((v) => goJson(v, replicasText)).join(",")}]`;
  if (isRecord(value)) return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${goJson(value[k], replicasText)}`).join(",")}}`;
  if (typeof value === "number" && replicasText && Number(replicasText) === value) return replicasText;
  return JSON.stringify(value) ?? "null";
}

/**
 * Decode `spec.replicas` of a Scale as the apiserver does into autoscaling/v1's `int32` (absent or null is 0): the
 * decoder's error for anything else, undefined when it decodes.
 */
function replicasDecodeError(value: unknown, text: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number") {
    const type = Array.isArray(value) ? "array" : typeof value === "object" ? "object" : typeof value;
    return `json: cannot unmarshal ${type} into Go struct field ScaleSpec.spec.replicas of type int32`;
  }
  if (Number.isInteger(value) && value >= -2147483648 && value <= 2147483647) return undefined;
  return `json: cannot unmarshal number ${text} into Go struct field ScaleSpec.spec.replicas of type int32`;
}

function replicasOf(scale: Record<string, unknown>): unknown {
  return isRecord(scale.spec) ? scale.spec.replicas : undefined;
}

export async function scale(ctx: VerbContext): Promise<Response> {
  if (ctx.request.method === "GET") return json(toScale(ctx, ctx.registry.get(ctx.def, ctx.namespace, ctx.name!)));
  // The body first: reading it awaits, and an object read before that await may have changed by the time it is
  // written (concurrent scales without a resourceVersion then got a spurious 409). From the read of `current` to
  // the write below nothing awaits, so the change applies to the object as it is, as the apiserver's retry on
  // conflict does when the Scale names no resourceVersion.
  const bytes = await readBody(ctx.request);
  const current = ctx.registry.get(ctx.def, ctx.namespace, ctx.name!);
  let desired: unknown;
  if (ctx.request.method === "PUT") {
    desired = decodeObject(bytes, ctx.request.headers.get("content-type"), ctx.table.messageTypes);
    if (!isRecord(desired)) throw badRequest("the body must be a Scale");
    const replicas = replicasOf(desired);
    const error = replicasDecodeError(replicas, typeof replicas === "number" ? numberText(bytes, replicas) : "");
    if (error) throw badRequest(`Scale in version "v1" cannot be handled as a Scale: ${error}`);
  } else if (ctx.request.method === "PATCH") {
    const { type, body } = decodePatch(bytes, ctx.request.headers.get("content-type"));
    const base = toScale(ctx, current);
    desired = type === "json" ? applyJsonPatch(base, body) : applyMergePatch(base, body);
    if (!isRecord(desired)) throw badRequest("the body must be a Scale");
    // The patched Scale does not decode: the patch handler's answer, quoting the patched document.
    const replicas = replicasOf(desired);
    const text = typeof replicas === "number" ? numberText(bytes, replicas) : "";
    const error = replicasDecodeError(replicas, text);
    if (error) throw invalid("", "", "", [fieldError.invalid("patch", goJson(desired, text), error)]);
  } else {
    throw methodNotAllowed("the server does not allow this method on the requested resource");
  }
  const meta = isRecord(desired.metadata) ? desired.metadata : {};
  if (typeof meta.resourceVersion === "string" && meta.resourceVersion && meta.resourceVersion !== current.metadata.resourceVersion) {
    throw staleResourceVersion(ctx.def.resource, ctx.def.group, ctx.name!);
  }
  const replicas = (replicasOf(desired) ?? 0) as number;
  if (replicas < 0) {
    throw invalid("Scale", "autoscaling", ctx.name!, [fieldError.invalid("spec.replicas", replicas, "must be greater than or equal to 0")]);
  }
  const scaled = cloneJson(current);
  ctx.def.scale!.setSpecReplicas(scaled, replicas);
  // The writer owns spec.replicas through the subresource ("kubectl" with subresource "scale"), as a later apply's
  // conflict names it.
  const updated = recordManager(ctx, current, scaled);
  const stored = ctx.registry.update(ctx.def, ctx.namespace, ctx.name!, updated, { dryRun: ctx.query.getAll("dryRun").includes("All") });
  return json(toScale(ctx, stored));
}
