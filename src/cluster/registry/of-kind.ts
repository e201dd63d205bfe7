// Narrowing for code handed objects of any kind (admission checks, watch events): an object written through a kind's
// def is of that kind's type.
import type { KubeObject } from "../../api/object";
import type { ResourceDef } from "./types";

/** `object` as `kind`'s type when `def` is `kind`, else undefined. */
export function ofKind<T extends KubeObject>(kind: ResourceDef<T>, def: ResourceDef, object: KubeObject): T | undefined {
  return def === kind ? (object as T) : undefined;
}
