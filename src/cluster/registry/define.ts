// Fills the conventional parts of a ResourceDef so each kind's folder states only what is particular to it.
import { allVerbs, type ResourceDef } from "./types";
import type { KubeObject } from "../../api/object";

type Required<T extends KubeObject> = Pick<ResourceDef<T>, "group" | "version" | "kind" | "resource" | "namespaced" | "schema">;

export function defineResource<T extends KubeObject = KubeObject>(
  def: Required<T> & Partial<ResourceDef<T>>,
): ResourceDef<T> {
  return {
    listKind: `${def.kind}List`,
    singular: def.kind.toLowerCase(),
    verbs: allVerbs,
    ...def,
  };
}
