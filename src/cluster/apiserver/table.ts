// Server-side printing: objects become a meta.k8s.io/v1 Table with the kind's columns (kubectl-wire.md §5.2).
import type { KubeObject, ListMeta } from "../../api/object";
import type { ColumnDefinition, ResourceDef } from "../registry/types";

export type IncludeObject = "None" | "Metadata" | "Object";

export const tableContentType = "application/json;as=Table;v=v1;g=meta.k8s.io";

/** Kubernetes' default table for kinds without a printer. */
const defaultColumns: ColumnDefinition[] = [
  { name: "Name", type: "string", format: "name", description: "Name must be unique within a namespace.", priority: 0 },
  { name: "Created At", type: "date", format: "", description: "CreationTimestamp is a timestamp representing the server time when this object was created.", priority: 0 },
];

export function wantsTable(accept: string | null): boolean {
  return !!accept && /as=Table/.test(accept) && /g=meta\.k8s\.io/.test(accept);
}

export function parseIncludeObject(value: string | null): IncludeObject {
  return value === "None" || value === "Object" ? value : "Metadata";
}

function rowObject(obj: KubeObject, include: IncludeObject): unknown {
  if (include === "None") return undefined;
  if (include === "Object") return obj;
  const { managedFields: _mf, ...metadata } = obj.metadata;
  return { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata };
}

export function tableRows(def: ResourceDef, objects: KubeObject[], now: number, include: IncludeObject) {
  return objects.map((obj) => {
    const cells = def.printer ? def.printer.cells(obj, now) : [obj.metadata.name ?? "", obj.metadata.creationTimestamp ?? ""];
    const row: Record<string, unknown> = { cells };
    const object = rowObject(obj, include);
    if (object) row.object = object;
    return row;
  });
}

export function toTable(
  def: ResourceDef,
  objects: KubeObject[],
  now: number,
  include: IncludeObject,
  listMeta: ListMeta,
  withColumns = true,
) {
  return {
    kind: "Table",
    apiVersion: "meta.k8s.io/v1",
    metadata: listMeta,
    columnDefinitions: withColumns ? def.printer?.columns ?? defaultColumns : [],
    rows: tableRows(def, objects, now, include),
  };
}
