// The RBAC authorizer over the cluster's roles and bindings (RBACAuthorizer.Authorize and RulesFor): a request is
// allowed when a rule of a role bound to the user allows it; ClusterRoleBindings first, then the RoleBindings of the
// request's namespace. The group system:masters is allowed everything, as kube-apiserver's privileged-group
// authorizer allows it before RBAC is asked.
import type { PolicyRule } from "../../../api/schemas/rbac/policy-rule";
import type { RoleRef } from "../../../api/schemas/rbac/policy-rule";
import { clusterRoleBindings } from "../clusterrolebindings";
import { clusterRoles } from "../clusterroles";
import type { RegistryStore } from "../generic-store";
import { roleBindings } from "../rolebindings";
import { roles } from "../roles";
import { describeSubject, ruleAllows, subjectApplies, type RequestAttributes, type UserInfo } from "./rules";

export const mastersGroup = "system:masters";

export interface Decision {
  allowed: boolean;
  /** `RBAC: allowed by ClusterRoleBinding "..." of ClusterRole "..." to User "..."` when allowed; else empty. */
  reason: string;
}

function roleRules(registry: RegistryStore, ref: RoleRef, namespace: string | undefined): PolicyRule[] {
  if (ref.kind === "ClusterRole") return registry.tryGet(clusterRoles, undefined, ref.name)?.rules ?? [];
  if (ref.kind === "Role" && namespace) return registry.tryGet(roles, namespace, ref.name)?.rules ?? [];
  return [];
}

/**
 * Every rule that applies to `user` in `namespace` (cluster-wide bindings too), each with the text the authorizer
 * gives as its reason; stops when `visit` returns false (VisitRulesFor).
 */
function visitRules(registry: RegistryStore, user: UserInfo, namespace: string | undefined, visit: (source: string, rule: PolicyRule) => boolean): void {
  for (const binding of registry.list(clusterRoleBindings)) {
    const subject = (binding.subjects ?? []).find((s) => subjectApplies(user, s, ""));
    if (!subject) continue;
    const source = `ClusterRoleBinding ${JSON.stringify(binding.metadata.name)} of ${binding.roleRef.kind} ${JSON.stringify(binding.roleRef.name)} to ${describeSubject(subject, "")}`;
    for (const rule of roleRules(registry, binding.roleRef, undefined)) if (!visit(source, rule)) return;
  }
  if (!namespace) return;
  for (const binding of registry.list(roleBindings, namespace)) {
    const subject = (binding.subjects ?? []).find((s) => subjectApplies(user, s, namespace));
    if (!subject) continue;
    const name = `${binding.metadata.name}/${namespace}`;
    const source = `RoleBinding ${JSON.stringify(name)} of ${binding.roleRef.kind} ${JSON.stringify(binding.roleRef.name)} to ${describeSubject(subject, namespace)}`;
    for (const rule of roleRules(registry, binding.roleRef, namespace)) if (!visit(source, rule)) return;
  }
}

export function authorize(registry: RegistryStore, user: UserInfo, attrs: RequestAttributes): Decision {
  if (user.groups.includes(mastersGroup)) return { allowed: true, reason: "" };
  let reason = "";
  visitRules(registry, user, attrs.namespace, (source, rule) => {
    if (!ruleAllows(attrs, rule)) return true;
    reason = `RBAC: allowed by ${source}`;
    return false;
  });
  return { allowed: reason !== "", reason };
}

/** The rules `user` holds in `namespace` (RulesFor, for SelfSubjectRulesReview). */
export function rulesFor(registry: RegistryStore, user: UserInfo, namespace: string | undefined): PolicyRule[] {
  const rules: PolicyRule[] = [];
  visitRules(registry, user, namespace, (_source, rule) => {
    rules.push(rule);
    return true;
  });
  return rules;
}

/** The 403 message of a refused request (responsewriters.forbiddenMessage), with the reason appended when there is one. */
export function forbiddenMessage(user: UserInfo, attrs: RequestAttributes, reason = ""): string {
  let message: string;
  if (!attrs.resourceRequest) message = `User ${JSON.stringify(user.name)} cannot ${attrs.verb} path ${JSON.stringify(attrs.path ?? "")}`;
  else {
    const resource = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : (attrs.resource ?? "");
    const scope = attrs.namespace ? `in the namespace ${JSON.stringify(attrs.namespace)}` : "at the cluster scope";
    message = `User ${JSON.stringify(user.name)} cannot ${attrs.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(attrs.apiGroup ?? "")} ${scope}`;
  }
  return reason ? `${message}: ${reason}` : message;
}
