// ClusterRole validation (pkg/apis/rbac/validation.ValidateClusterRole): its rules, and an aggregationRule with at
// least one valid selector.
import type { ClusterRole } from "../../../api/schemas/rbac/clusterrole";
import { fieldError, type FieldError } from "../../../api/status";
import { validateLabelSelector } from "../../../api/validation/labels";
import { validateRules } from "../roles/validation";

export function validateClusterRole(role: ClusterRole): FieldError[] {
  const errors = validateRules(role.rules, false);
  const aggregation = role.aggregationRule;
  if (aggregation) {
    const selectors = aggregation.clusterRoleSelectors ?? [];
    if (selectors.length === 0) {
      errors.push(fieldError.required("aggregationRule.clusterRoleSelectors", "at least one clusterRoleSelector required if aggregationRule is non-nil"));
    }
    selectors.forEach((selector, i) => errors.push(...validateLabelSelector(selector, `aggregationRule.clusterRoleSelectors[${i}]`)));
  }
  return errors;
}
