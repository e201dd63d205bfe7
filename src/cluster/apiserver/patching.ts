// Applies a PATCH body of any of the four patch types to the current object.
import type { KubeObject } from "../../api/object";
import { badRequest } from "../../api/status";
import { applyJsonPatch } from "./patch/json-patch";
import { applyMergePatch } from "./patch/merge-patch";
import { patchMetaFromZod } from "./patch/patch-meta-from-zod";
import { applyStrategicMergePatch } from "./patch/strategic-merge-patch";
import type { PatchType } from "./decode";
import type { VerbContext } from "./handlers";

export function applyPatch(ctx: VerbContext, type: PatchType, current: KubeObject | undefined, body: unknown): KubeObject {
  const base = current ?? ({ metadata: {} } as KubeObject);
  switch (type) {
    case "json":
      return applyJsonPatch(base, body);
    case "merge":
      return applyMergePatch(base, body);
    case "strategic":
      return applyStrategicMergePatch(base, body, patchMetaFromZod(ctx.def.schema)) as KubeObject;
    case "apply":
      // Server-side apply: merge the applied configuration with the strategic rules (field ownership is tracked
      // by managedFields in the registry).
      return applyStrategicMergePatch(base, body, patchMetaFromZod(ctx.def.schema)) as KubeObject;
    default:
      throw badRequest(`unsupported patch type ${type}`);
  }
}
