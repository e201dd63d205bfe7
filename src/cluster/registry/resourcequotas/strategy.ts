// ResourceQuotas (ValidateResourceQuotaSpec): every hard limit is a non-negative quantity, a whole number for
// object counts.
import type { ResourceQuota } from "../../../api/schemas/core/resourcequota";
import { quantityFromJSON } from "../../../api/quantity";
import { fieldError, type FieldError } from "../../../api/status";
import type { Strategy } from "../types";

/** Resources quota counts in whole objects (helper.IsIntegerResourceName for quota). */
function isCount(name: string): boolean {
  return name.startsWith("count/") || ["pods", "services", "replicationcontrollers", "resourcequotas", "secrets", "configmaps",
    "persistentvolumeclaims", "services.nodeports", "services.loadbalancers"].includes(name);
}

export const resourceQuotaStrategy: Strategy<ResourceQuota> = {
  validate(quota) {
    const hard: Record<string, unknown> = quota.spec?.hard ?? {};
    const errors: FieldError[] = [];
    for (const [name, value] of Object.entries(hard)) {
      if (typeof value !== "string" && typeof value !== "number") continue;
      const field = `spec.hard[${name}]`;
      const q = quantityFromJSON(value);
      if (q.sign() < 0) errors.push(fieldError.invalid(field, q.toString(), "must be greater than or equal to 0"));
      if (isCount(name) && q.milliValue() % 1000n !== 0n) errors.push(fieldError.invalid(field, q.toString(), "must be an integer"));
    }
    return errors;
  },
};
