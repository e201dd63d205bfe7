// RoleBinding and ClusterRoleBinding validation (pkg/apis/rbac/validation), with the apiserver's messages.
import type { RoleRef, Subject } from "../../../api/schemas/rbac/policy-rule";
import { fieldError, type FieldError } from "../../../api/status";
import { nameIsDNSSubdomain } from "../../../api/validation/names";
import { rbacName } from "../roles/validation";

export const rbacGroup = "rbac.authorization.k8s.io";

interface BindingFields {
  roleRef: RoleRef;
  subjects?: Subject[];
}

/** ValidateRoleBinding / ValidateClusterRoleBinding: a role of this group and of an allowed kind, valid subjects. */
export function validateBinding(binding: BindingFields, namespaced: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const ref = binding.roleRef ?? { apiGroup: "", kind: "", name: "" };
  if (ref.apiGroup !== rbacGroup) errors.push(fieldError.notSupported("roleRef.apiGroup", ref.apiGroup ?? "", [rbacGroup]));
  const kinds = namespaced ? ["Role", "ClusterRole"] : ["ClusterRole"];
  if (!kinds.includes(ref.kind)) errors.push(fieldError.notSupported("roleRef.kind", ref.kind ?? "", kinds));
  if (!ref.name) errors.push(fieldError.required("roleRef.name"));
  else for (const msg of rbacName(ref.name, false)) errors.push(fieldError.invalid("roleRef.name", ref.name, msg));
  (binding.subjects ?? []).forEach((subject, i) => errors.push(...validateSubject(subject, namespaced, `subjects[${i}]`)));
  return errors;
}

/** The roleRef never changes: a binding to another role is a new binding. */
export function validateBindingUpdate(binding: BindingFields, old: BindingFields, namespaced: boolean): FieldError[] {
  const errors = validateBinding(binding, namespaced);
  const a = binding.roleRef ?? {};
  const b = old.roleRef ?? {};
  if (a.apiGroup !== b.apiGroup || a.kind !== b.kind || a.name !== b.name) {
    // field.Invalid renders the struct with Go's %#v.
    const shown = `rbac.RoleRef{APIGroup:${JSON.stringify(a.apiGroup ?? "")}, Kind:${JSON.stringify(a.kind ?? "")}, Name:${JSON.stringify(a.name ?? "")}}`;
    errors.push({ type: "FieldValueInvalid", field: "roleRef", message: `Invalid value: ${shown}: cannot change roleRef` });
  }
  return errors;
}

function validateSubject(subject: Subject, namespaced: boolean, at: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!subject.name) errors.push(fieldError.required(`${at}.name`));
  switch (subject.kind) {
    case "ServiceAccount":
      if (subject.name) for (const msg of nameIsDNSSubdomain(subject.name, false)) errors.push(fieldError.invalid(`${at}.name`, subject.name, msg));
      if (subject.apiGroup) errors.push(fieldError.notSupported(`${at}.apiGroup`, subject.apiGroup, [""]));
      if (!namespaced && !subject.namespace) errors.push(fieldError.required(`${at}.namespace`));
      break;
    case "User":
    case "Group":
      if (subject.apiGroup !== rbacGroup) errors.push(fieldError.notSupported(`${at}.apiGroup`, subject.apiGroup ?? "", [rbacGroup]));
      break;
    default:
      errors.push(fieldError.notSupported(`${at}.kind`, subject.kind ?? "", ["ServiceAccount", "User", "Group"]));
  }
  return errors;
}
