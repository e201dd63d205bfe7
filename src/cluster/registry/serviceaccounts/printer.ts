// `kubectl get serviceaccounts`: SECRETS counts the listed secret references.
import type { Printer } from "../types";
import { translateTimestampSince } from "../printing/age";
import { ageColumn, column, nameColumn } from "../printing/columns";
import { list } from "../printing/fields";

export const printer: Printer = {
  columns: [
    nameColumn,
    column("Secrets", "string", "Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use."),
    ageColumn,
  ],
  cells: (sa, now) => [
    sa.metadata.name ?? "",
    list(sa.secrets).length,
    translateTimestampSince(sa.metadata.creationTimestamp, now),
  ],
};
