// The HPA's scale target through its scale subresource's semantics (the scale client over the REST mapper): the
// kind's definition by group and kind, its `scale` access, the object; Kubernetes' errors when any of them is missing.
import type { KubeObject } from "../../../api/object";
import type { HorizontalPodAutoscalerSpec } from "../../../api/schemas/autoscaling/horizontalpodautoscaler";
import type { ResourceDef, ScaleAccess } from "../../registry/types";
import type { ControllerContext } from "../../control-loop/types";

export interface ScaleTarget {
  def: ResourceDef;
  scale: ScaleAccess;
  object: KubeObject;
}

export type ScaleLookup = { target: ScaleTarget } | { error: string };

function groupOf(apiVersion: string | undefined): string {
  const version = apiVersion ?? "";
  const slash = version.indexOf("/");
  return slash < 0 ? "" : version.slice(0, slash);
}

/** The target named by `ref` in `namespace`, or the message of the scale client's error. */
export function scaleTarget(ctx: ControllerContext, namespace: string, ref: HorizontalPodAutoscalerSpec["scaleTargetRef"]): ScaleLookup {
  const group = groupOf(ref.apiVersion);
  const kinds = ctx.table.stored.filter((d) => d.group === group && d.kind === ref.kind);
  if (!kinds.length) return { error: `no matches for kind "${ref.kind}" in group "${group}"` };
  const def = kinds.find((d) => d.scale) ?? kinds[0];
  if (!def.scale) return { error: "the server could not find the requested resource" };
  const object = ctx.registry.tryGet(def, namespace, ref.name);
  if (!object) return { error: `${def.group ? `${def.resource}.${def.group}` : def.resource} "${ref.name}" not found` };
  return { target: { def, scale: def.scale, object } };
}
