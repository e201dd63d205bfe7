// PersistentVolumeClaims: volume mode Filesystem by default (SetDefaults_PersistentVolumeClaimSpec); a new claim starts
// Pending with an empty status, which only the binder (the status subresource) fills.
import type { PersistentVolumeClaim } from "../../../api/schemas/core/persistentvolumeclaim";
import { fieldError } from "../../../api/status";
import type { Strategy } from "../types";
import { validateClaim, validateClaimUpdate } from "./validation";

export const persistentVolumeClaimStrategy: Strategy<PersistentVolumeClaim> = {
  defaults(claim) {
    (claim.spec ??= {}).volumeMode ??= "Filesystem";
  },
  prepareForCreate(claim) {
    claim.status = { phase: "Pending" };
  },
  validate: (claim) => validateClaim(claim),
  validateUpdate: (claim, old) => validateClaimUpdate(claim, old),
  validateStatusUpdate: (claim) => (claim.spec?.accessModes?.length ? [] : [fieldError.required("Spec.accessModes")]),
};
