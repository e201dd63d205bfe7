// `kubectl get secrets`: TYPE and the number of DATA keys.
import type { Printer } from "../types";
import { translateTimestampSince } from "../printing/age";
import { ageColumn, column, nameColumn } from "../printing/columns";
import { record, text } from "../printing/fields";

export const printer: Printer = {
  columns: [
    nameColumn,
    column("Type", "string", "Used to facilitate programmatic handling of secret data."),
    column("Data", "string", "Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'."),
    ageColumn,
  ],
  cells: (secret, now) => [
    secret.metadata.name ?? "",
    text(secret.type),
    Object.keys(record(secret.data)).length,
    translateTimestampSince(secret.metadata.creationTimestamp, now),
  ],
};
