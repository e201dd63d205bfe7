// The apiserver's default table for kinds without a printer of their own (rest.DefaultTableConvertor):
// `Name` and `Created At`, the latter an RFC 3339 UTC date that kubectl shows verbatim.
import type { Printer } from "../types";
import { column, CREATION_TIMESTAMP_DESCRIPTION, nameColumn } from "./columns";
import { parseTimestamp } from "./age";

/** Go's `Time.UTC().Format(time.RFC3339)`: whole seconds; the zero time for a missing timestamp. */
export function formatRFC3339(ts: unknown): string {
  const ms = parseTimestamp(ts);
  if (ms === undefined) return "0001-01-01T00:00:00Z";
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

export const defaultPrinter: Printer = {
  columns: [nameColumn, column("Created At", "date", CREATION_TIMESTAMP_DESCRIPTION)],
  cells: (obj) => [obj.metadata.name ?? "", formatRFC3339(obj.metadata.creationTimestamp)],
};
