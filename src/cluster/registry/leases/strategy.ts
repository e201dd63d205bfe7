// Leases (ValidateLeaseSpec): a positive duration and a non-negative transition count.
import { fieldError, type FieldError } from "../../../api/status";
import type { Lease } from "../../../api/schemas/coordination/lease";
import type { Strategy } from "../types";

export const leaseStrategy: Strategy<Lease> = {
  validate(lease) {
    const spec = lease.spec ?? {};
    const errors: FieldError[] = [];
    if (typeof spec.leaseDurationSeconds === "number" && spec.leaseDurationSeconds <= 0) {
      errors.push(fieldError.invalid("spec.leaseDurationSeconds", spec.leaseDurationSeconds, "must be greater than 0"));
    }
    if (typeof spec.leaseTransitions === "number" && spec.leaseTransitions < 0) {
      errors.push(fieldError.invalid("spec.leaseTransitions", spec.leaseTransitions, "must be greater than or equal to 0"));
    }
    return errors;
  },
};
