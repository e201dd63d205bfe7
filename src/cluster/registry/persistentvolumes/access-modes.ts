// Access modes and volume modes of persistent volumes and claims (pkg/apis/core/validation and helper), shared by the
// PersistentVolume and PersistentVolumeClaim kinds.
import { fieldError, type FieldError } from "../../../api/status";
import { quantityFromJSON, type Quantity } from "../../../api/quantity";

export const accessModes = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"];
export const volumeModes = ["Block", "Filesystem"];

/** Every mode is a known one, and ReadWriteOncePod comes alone. */
export function accessModeErrors(modes: string[], field: string): FieldError[] {
  const errors: FieldError[] = [];
  let once = false;
  let other = false;
  for (const mode of modes) {
    if (!accessModes.includes(mode)) errors.push(fieldError.notSupported(field, mode, accessModes));
    if (mode === "ReadWriteOncePod") once = true;
    else if (accessModes.includes(mode)) other = true;
  }
  if (once && other) errors.push(fieldError.forbidden(field, "may not use ReadWriteOncePod with other access modes"));
  return errors;
}

const abbreviations: Array<[string, string]> = [
  ["ReadWriteOnce", "RWO"], ["ReadOnlyMany", "ROX"], ["ReadWriteMany", "RWX"], ["ReadWriteOncePod", "RWOP"],
];

/** helper.GetAccessModesAsString: `RWO,ROX,RWX,RWOP`, in that order, each once. */
export function accessModesAsString(modes: readonly string[] | undefined): string {
  return abbreviations.filter(([mode]) => modes?.includes(mode)).map(([, short]) => short).join(",");
}

/** The `storage` entry of a resource list, or undefined when absent or not a quantity. */
export function storageOf(list: Record<string, string | number> | undefined): Quantity | undefined {
  const value = list?.storage;
  if (value === undefined) return undefined;
  try {
    return quantityFromJSON(value);
  } catch {
    return undefined;
  }
}

/** ValidatePositiveQuantityValue. */
export function positiveQuantityErrors(q: Quantity, field: string): FieldError[] {
  return q.sign() <= 0 ? [fieldError.invalid(field, q.toString(), "must be greater than zero")] : [];
}
