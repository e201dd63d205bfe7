// The wire format of server-side printing (meta.k8s.io/v1 Table): what a client gets for `Accept: tableAccept`, as
// `kubectl get` asks for it (kubectl-wire.md §5.2).
import type { KubeObject, ListMeta } from "./object";

/** The Accept (and Content-Type) of a Table answer. */
export const tableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io";

export interface TableColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  /** 0 for the columns `kubectl get` prints by default; higher ones only with `-o wide`. */
  priority: number;
}

export interface TableRow {
  cells: unknown[];
  /** The object (with `includeObject=Object`), its metadata (`Metadata`, the default) or nothing (`None`). */
  object?: KubeObject;
}

export interface Table {
  kind: "Table";
  apiVersion: "meta.k8s.io/v1";
  metadata: ListMeta;
  columnDefinitions: TableColumnDefinition[];
  rows: TableRow[];
}
