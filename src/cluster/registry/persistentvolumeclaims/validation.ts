// PersistentVolumeClaim validation (ValidatePersistentVolumeClaimSpec and ...Update), with the apiserver's messages:
// at least one access mode and a positive `storage` request; after creation the spec is fixed except the volume name
// (set once, by the binder) and, for a bound claim, the storage request, which may not shrink below the capacity.
import type { PersistentVolumeClaim, PersistentVolumeClaimSpec } from "../../../api/schemas/core/persistentvolumeclaim";
import { deepEqual } from "../../../api/json-equal";
import { fieldError, type FieldError } from "../../../api/status";
import { validateLabelSelector } from "../../../api/validation/labels";
import { isDNS1123Subdomain } from "../../../api/validation/names";
import { accessModeErrors, positiveQuantityErrors, storageOf, volumeModes } from "../persistentvolumes/access-modes";

type DataSource = NonNullable<PersistentVolumeClaimSpec["dataSourceRef"]>;

export function validateClaimSpec(spec: PersistentVolumeClaimSpec, at: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!spec.accessModes?.length) errors.push(fieldError.required(`${at}.accessModes`, "at least 1 access mode is required"));
  errors.push(...validateLabelSelector(spec.selector, `${at}.selector`));
  errors.push(...accessModeErrors(spec.accessModes ?? [], `${at}.accessModes`));
  const requests = spec.resources?.requests ?? {};
  const storage = storageOf(requests);
  if (!("storage" in requests)) errors.push(fieldError.required(`${at}.resources[storage]`));
  else if (storage) errors.push(...positiveQuantityErrors(storage, `${at}.resources[storage]`));
  if (spec.storageClassName) {
    errors.push(...isDNS1123Subdomain(spec.storageClassName).map((msg) => fieldError.invalid(`${at}.storageClassName`, spec.storageClassName, msg)));
  }
  if (spec.volumeMode != null && !volumeModes.includes(spec.volumeMode)) errors.push(fieldError.notSupported(`${at}.volumeMode`, spec.volumeMode, volumeModes));
  if (spec.dataSource) errors.push(...dataSourceErrors(spec.dataSource, `${at}.dataSource`));
  if (spec.dataSourceRef) errors.push(...dataSourceErrors(spec.dataSourceRef, `${at}.dataSourceRef`));
  return errors;
}

function dataSourceErrors(source: DataSource, at: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!source.name) errors.push(fieldError.required(`${at}.name`));
  if (!source.kind) errors.push(fieldError.required(`${at}.kind`));
  if (!source.apiGroup && source.kind && source.kind !== "PersistentVolumeClaim") {
    errors.push(fieldError.notSupported(`${at}.kind`, source.kind, ["PersistentVolumeClaim"]));
  }
  return errors;
}

export function validateClaim(claim: PersistentVolumeClaim): FieldError[] {
  return validateClaimSpec(claim.spec ?? {}, "spec");
}

const immutableMessage = "spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims";

export function validateClaimUpdate(claim: PersistentVolumeClaim, old: PersistentVolumeClaim): FieldError[] {
  const errors: FieldError[] = [];
  const spec: PersistentVolumeClaimSpec = structuredClone(claim.spec ?? {});
  const oldSpec: PersistentVolumeClaimSpec = structuredClone(old.spec ?? {});
  // The binder sets volumeName once; a bound claim's storage request may change (expansion).
  if (!oldSpec.volumeName && spec.volumeName !== undefined) oldSpec.volumeName = spec.volumeName;
  if (claim.status?.phase === "Bound" && spec.resources?.requests) {
    const oldStorage = oldSpec.resources?.requests?.storage;
    if (oldStorage === undefined) delete spec.resources.requests.storage;
    else spec.resources.requests.storage = oldStorage;
  }
  if (!deepEqual(spec, oldSpec)) errors.push(fieldError.forbidden("spec", `${immutableMessage}\n${specDiff(oldSpec, spec)}`));
  const newSize = storageOf(claim.spec?.resources?.requests);
  const oldSize = storageOf(old.spec?.resources?.requests);
  const statusSize = storageOf(old.status?.capacity) ;
  if (newSize && oldSize && newSize.cmp(oldSize) < 0 && (!statusSize || newSize.cmp(statusSize) <= 0)) {
    errors.push(fieldError.forbidden("spec.resources.requests.storage", "field can not be less than status.capacity"));
  }
  if ((claim.spec?.volumeMode ?? null) !== (old.spec?.volumeMode ?? null)) {
    errors.push(fieldError.invalid("volumeMode", claim.spec?.volumeMode ?? null, "field is immutable"));
  }
  return errors;
}

const goFieldNames: Record<string, string> = {
  accessModes: "AccessModes", selector: "Selector", resources: "Resources", volumeName: "VolumeName", storageClassName: "StorageClassName",
  volumeMode: "VolumeMode", dataSource: "DataSource", dataSourceRef: "DataSourceRef", volumeAttributesClassName: "VolumeAttributesClassName",
};

/** The changed fields in the manner of the apiserver's cmp.Diff of the two specs (one line per side). */
function specDiff(old: PersistentVolumeClaimSpec, spec: PersistentVolumeClaimSpec): string {
  const lines = ["  core.PersistentVolumeClaimSpec{"];
  for (const [field, goName] of Object.entries(goFieldNames)) {
    const a = (old as Record<string, unknown>)[field];
    const b = (spec as Record<string, unknown>)[field];
    if (deepEqual(a ?? null, b ?? null)) continue;
    lines.push(`- \t${goName}: ${goValue(a)},`, `+ \t${goName}: ${goValue(b)},`);
  }
  lines.push("  }");
  return lines.join("\n");
}

function goValue(value: unknown): string {
  if (value === undefined || value === null) return "nil";
  if (typeof value === "string") return `&${JSON.stringify(value)}`;
  return JSON.stringify(value);
}
