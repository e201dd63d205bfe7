// `kubectl get namespaces`: STATUS is the phase (Active, Terminating).
import type { Printer } from "../types";
import { translateTimestampSince } from "../printing/age";
import { ageColumn, column, nameColumn } from "../printing/columns";
import { at, text } from "../printing/fields";

export const printer: Printer = {
  columns: [nameColumn, column("Status", "string", "The status of the namespace"), ageColumn],
  cells: (ns, now) => [
    ns.metadata.name ?? "",
    text(at(ns.status, "phase")),
    translateTimestampSince(ns.metadata.creationTimestamp, now),
  ],
};
