// `kubectl get leases`: HOLDER is spec.holderIdentity (empty when unheld).
import type { Printer } from "../types";
import { translateTimestampSince } from "../printing/age";
import { ageColumn, column, nameColumn } from "../printing/columns";
import { at, text } from "../printing/fields";

export const printer: Printer = {
  columns: [
    nameColumn,
    column("Holder", "string", "holderIdentity contains the identity of the holder of a current lease."),
    ageColumn,
  ],
  cells: (lease, now) => [
    lease.metadata.name ?? "",
    text(at(lease.spec, "holderIdentity")),
    translateTimestampSince(lease.metadata.creationTimestamp, now),
  ],
};
