// `kubectl get controllerrevisions`: CONTROLLER as `kind.group/name` of the controlling owner, and REVISION.
import type { Printer } from "../types";
import { translateTimestampSince } from "../printing/age";
import { ageColumn, column, nameColumn } from "../printing/columns";
import { int, text } from "../printing/fields";
import { controllerOf, NONE } from "../printing/format";

/** `daemonset.apps/fluentd` for an owner `apps/v1 DaemonSet fluentd`; `<none>` without a controller. */
export function controllerName(metadata: unknown): string {
  const ref = controllerOf(metadata);
  if (ref === undefined) return NONE;
  const apiVersion = text(ref.apiVersion);
  const slash = apiVersion.indexOf("/");
  const group = slash === -1 ? "" : apiVersion.slice(0, slash);
  const kind = text(ref.kind);
  const name = text(ref.name);
  if (kind === "" && group === "") return name;
  return `${(group === "" ? kind : `${kind}.${group}`).toLowerCase()}/${name}`;
}

export const printer: Printer = {
  columns: [
    nameColumn,
    column("Controller", "string", "Controller of the object"),
    column("Revision", "string", "Revision indicates the revision of the state represented by Data."),
    ageColumn,
  ],
  cells: (cr, now) => [
    cr.metadata.name ?? "",
    controllerName(cr.metadata),
    int(cr.revision),
    translateTimestampSince(cr.metadata.creationTimestamp, now),
  ],
};
