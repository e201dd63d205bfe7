// `kubectl get roles` and `clusterroles`: NAME and CREATED AT (an RFC 3339 time, not an age), as printRole prints them.
import type { KubeObject } from "../../../api/object";
import type { Printer } from "../types";
import { CREATION_TIMESTAMP_DESCRIPTION, column, nameColumn } from "../printing/columns";
import { parseTimestamp } from "../printing/age";

function createdAt(ts: string | null | undefined): string {
  const ms = parseTimestamp(ts);
  return ms === undefined ? "0001-01-01T00:00:00Z" : new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export const rolePrinter: Printer<KubeObject> = {
  columns: [nameColumn, column("Created At", "date", CREATION_TIMESTAMP_DESCRIPTION)],
  cells: (role) => [role.metadata.name ?? "", createdAt(role.metadata.creationTimestamp)],
};
