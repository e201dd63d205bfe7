// `kubectl get configmaps`: DATA counts the keys of data and binaryData together.
import type { Printer } from "../types";
import { translateTimestampSince } from "../printing/age";
import { ageColumn, column, nameColumn } from "../printing/columns";
import { record } from "../printing/fields";

export const printer: Printer = {
  columns: [
    nameColumn,
    column("Data", "string", "Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'."),
    ageColumn,
  ],
  cells: (cm, now) => [
    cm.metadata.name ?? "",
    Object.keys(record(cm.data)).length + Object.keys(record(cm.binaryData)).length,
    translateTimestampSince(cm.metadata.creationTimestamp, now),
  ],
};
