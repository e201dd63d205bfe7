// `kubectl get pdb`: NAME, MIN AVAILABLE, MAX UNAVAILABLE (N/A for the one not set), ALLOWED DISRUPTIONS, AGE, as
// printPodDisruptionBudget prints them.
import type { Printer } from "../types";
import { translateTimestampSince } from "../printing/age";
import { ageColumn, column, nameColumn } from "../printing/columns";
import type { PdbFields } from "./validation";

const intOrString = (value: number | string | null | undefined) => (value == null ? "N/A" : String(value));

export const printer: Printer<PdbFields> = {
  columns: [
    nameColumn,
    column("Min Available", "string", "The minimum number of pods that must be available."),
    column("Max Unavailable", "string", "The maximum number of pods that may be unavailable."),
    column("Allowed Disruptions", "integer", "Calculated number of pods that may be disrupted at this time."),
    ageColumn,
  ],
  cells: (pdb, now) => [
    pdb.metadata.name ?? "",
    intOrString(pdb.spec?.minAvailable),
    intOrString(pdb.spec?.maxUnavailable),
    pdb.status?.disruptionsAllowed ?? 0,
    translateTimestampSince(pdb.metadata.creationTimestamp, now),
  ],
};
