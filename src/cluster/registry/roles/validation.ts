// Validation shared by Roles and ClusterRoles (pkg/apis/rbac/validation), with the apiserver's messages.
import type { PolicyRule } from "../../../api/schemas/rbac/policy-rule";
import { fieldError, type FieldError } from "../../../api/status";
import type { NameValidator } from "../../../api/validation/names";

/** ValidateRBACName: path.IsValidPathSegmentName (roles and bindings are named like URL path segments). */
export const rbacName: NameValidator = (name, prefix) => {
  if (!prefix) for (const bad of [".", ".."]) if (name === bad) return [`may not be '${bad}'`];
  return ["/", "%"].filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`);
};

/** ValidatePolicyRule: verbs always; non-resource URLs alone and only in cluster roles; else groups and resources. */
/** Go's `%#v` of a []string, as field.Invalid renders one. */
const goStrings = (values: string[]) => `[]string{${values.map((v) => JSON.stringify(v)).join(", ")}}`;

function invalidURLs(field: string, urls: string[], detail: string): FieldError {
  return { type: "FieldValueInvalid", field, message: `Invalid value: ${goStrings(urls)}: ${detail}` };
}

export function validatePolicyRule(rule: PolicyRule, namespaced: boolean, at: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!rule.verbs?.length) errors.push(fieldError.required(`${at}.verbs`, "verbs must contain at least one value"));
  const urls = rule.nonResourceURLs ?? [];
  if (urls.length > 0) {
    if (namespaced) errors.push(invalidURLs(`${at}.nonResourceURLs`, urls, "namespaced rules cannot apply to non-resource URLs"));
    if (rule.apiGroups?.length || rule.resources?.length || rule.resourceNames?.length) {
      errors.push(invalidURLs(`${at}.nonResourceURLs`, urls, "rules cannot apply to both regular resources and non-resource URLs"));
    }
    return errors;
  }
  if (!rule.apiGroups?.length) errors.push(fieldError.required(`${at}.apiGroups`, "resource rules must supply at least one api group"));
  if (!rule.resources?.length) errors.push(fieldError.required(`${at}.resources`, "resource rules must supply at least one resource"));
  return errors;
}

export function validateRules(rules: PolicyRule[] | undefined, namespaced: boolean): FieldError[] {
  return (rules ?? []).flatMap((rule, i) => validatePolicyRule(rule, namespaced, `rules[${i}]`));
}
