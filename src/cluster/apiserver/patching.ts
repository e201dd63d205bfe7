// Applies a PATCH body of any of the four patch types, and keeps `metadata.managedFields` (field ownership) on every
// write that comes through the API.
import type { KubeObject } from "../../api/object";
import { badRequest } from "../../api/status";
import { apiVersionOf } from "../registry/resource-table";
import type { PatchType } from "./decode";
import type { VerbContext } from "./handlers";
import { applyJsonPatch } from "./patch/json-patch";
import { applyMergePatch } from "./patch/merge-patch";
import { patchMetaFromZod } from "./patch/patch-meta-from-zod";
import { recordUpdateManager, serverSideApply } from "./patch/server-side-apply";
import { applyStrategicMergePatch } from "./patch/strategic-merge-patch";

/** `fieldManager` of the request, else the user agent's program name, as the apiserver defaults it. */
export function fieldManager(ctx: VerbContext): string {
  const explicit = ctx.query.get("fieldManager");
  if (explicit) {
    if (explicit.length > 128) throw badRequest("fieldManager: Too long: may not be more than 128 bytes");
    return explicit;
  }
  const agent = ctx.request.headers.get("user-agent") ?? "unknown";
  return agent.split("/")[0] || "unknown";
}

/** The non-apply patch types: the patched object (managed fields are recorded by `recordManager`). */
export function applyPatch(ctx: VerbContext, type: Exclude<PatchType, "apply" | "apply-cbor">, current: KubeObject, body: unknown): KubeObject {
  switch (type) {
    case "json":
      return applyJsonPatch(current, body);
    case "merge":
      return applyMergePatch(current, body);
    case "strategic":
      return applyStrategicMergePatch(current, body, patchMetaFromZod(ctx.def.schema)) as KubeObject;
  }
}

/** Server-side apply: merge the applied configuration by field ownership; creates when `current` is undefined. */
export function applyConfiguration(ctx: VerbContext, current: KubeObject | undefined, applied: KubeObject, force: boolean): KubeObject {
  return serverSideApply({
    current,
    applied,
    manager: fieldManager(ctx),
    force,
    now: ctx.now(),
    apiVersion: apiVersionOf(ctx.def),
    meta: patchMetaFromZod(ctx.def.schema),
    subresource: ctx.subresource,
  });
}

/** Record the caller as manager ("Update") of the fields this write sets or changes. */
export function recordManager(ctx: VerbContext, current: KubeObject | undefined, updated: KubeObject): KubeObject {
  return recordUpdateManager({
    current,
    updated,
    manager: fieldManager(ctx),
    now: ctx.now(),
    apiVersion: apiVersionOf(ctx.def),
    meta: patchMetaFromZod(ctx.def.schema),
    subresource: ctx.subresource,
  });
}
