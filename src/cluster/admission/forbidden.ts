// admission.NewForbidden: `<resource>.<group> "<name>" is forbidden: <why>`. A create with generateName is named by
// its prefix, as the apiserver names it before the store has generated the name.
import type { KubeObject } from "../../api/object";
import { failure, type StatusError } from "../../api/status";
import type { ResourceDef } from "../registry/types";

/** The random suffix the store appends to generateName (names.SimpleNameGenerator's 5 characters). */
const generatedSuffixLength = 5;

export function admissionName(operation: string, object: KubeObject): string {
  const { name = "", generateName } = object.metadata;
  if (operation === "CREATE" && generateName && name.startsWith(generateName) && name.length === generateName.length + generatedSuffixLength) {
    return generateName;
  }
  return name;
}

export function admissionForbidden(def: ResourceDef, name: string, why: string): StatusError {
  const resource = def.group ? `${def.resource}.${def.group}` : def.resource;
  return failure(403, "Forbidden", `${resource} "${name}" is forbidden: ${why}`, {
    name,
    ...(def.group ? { group: def.group } : {}),
    kind: def.resource,
  });
}
