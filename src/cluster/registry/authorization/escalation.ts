// RBAC's escalation check (pkg/registry/rbac/validation.ConfirmNoEscalation, and the binding check of
// BindingAuthorized): an identity RBAC authorizes may write a Role or ClusterRole only with rules it holds itself
// (unless it may `escalate`), and a binding only to a role whose rules it holds (unless it may `bind` that role).
import { forbidden } from "../../../api/status";
import type { PolicyRule, RoleRef } from "../../../api/schemas/rbac/policy-rule";
import type { RegistryStore } from "../generic-store";
import { clusterRoles } from "../clusterroles";
import { roles } from "../roles";
import type { Caller } from "../types";
import { authorize, rulesFor } from "./authorizer";
import { userOf } from "./identity";
import type { UserInfo } from "./rules";

const rbacGroup = "rbac.authorization.k8s.io";

/** One verb on one resource (or URL): the pieces Covers compares. */
function breakdown(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const verb of rule.verbs ?? []) {
    for (const group of rule.apiGroups ?? []) {
      for (const resource of rule.resources ?? []) {
        if (rule.resourceNames?.length) for (const name of rule.resourceNames) out.push({ verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: [name] });
        else out.push({ verbs: [verb], apiGroups: [group], resources: [resource] });
      }
    }
    for (const url of rule.nonResourceURLs ?? []) out.push({ verbs: [verb], nonResourceURLs: [url] });
  }
  return out;
}

const has = (values: string[] | undefined, wanted: string) => (values ?? []).some((v) => v === "*" || v === wanted);

function covers(owner: PolicyRule, sub: PolicyRule): boolean {
  if (!has(owner.verbs, sub.verbs[0]!)) return false;
  if (sub.nonResourceURLs?.length) {
    const url = sub.nonResourceURLs[0]!;
    return (owner.nonResourceURLs ?? []).some((u) => u === "*" || u === url || (u.endsWith("*") && url.startsWith(u.slice(0, -1))));
  }
  if (!has(owner.apiGroups, sub.apiGroups![0]!)) return false;
  const resource = sub.resources![0]!;
  const slash = resource.indexOf("/");
  const resourceOk = (owner.resources ?? []).some((r) => r === "*" || r === resource || (slash >= 0 && r === `*${resource.slice(slash)}`));
  if (!resourceOk) return false;
  if (!owner.resourceNames?.length) return true;
  return !!sub.resourceNames?.length && owner.resourceNames.includes(sub.resourceNames[0]!);
}

const quoted = (values: string[]) => `[${values.map((v) => JSON.stringify(v)).join(" ")}]`;

/** rbacv1helpers.CompactString. */
function compactString(rule: PolicyRule): string {
  const parts: string[] = [];
  if (rule.apiGroups?.length) parts.push(`APIGroups:${quoted(rule.apiGroups)}`);
  if (rule.resources?.length) parts.push(`Resources:${quoted(rule.resources)}`);
  if (rule.resourceNames?.length) parts.push(`ResourceNames:${quoted(rule.resourceNames)}`);
  if (rule.nonResourceURLs?.length) parts.push(`NonResourceURLs:${quoted(rule.nonResourceURLs)}`);
  if (rule.verbs?.length) parts.push(`Verbs:${quoted(rule.verbs)}`);
  return `{${parts.join(", ")}}`;
}

/** The missing pieces, those differing only in their verb merged (CompactRules). */
function missing(owner: PolicyRule[], rules: PolicyRule[]): PolicyRule[] {
  const merged = new Map<string, PolicyRule>();
  for (const sub of rules.flatMap(breakdown)) {
    if (owner.some((o) => covers(o, sub))) continue;
    const key = JSON.stringify({ ...sub, verbs: [] });
    const seen = merged.get(key);
    if (seen) {
      if (!seen.verbs.includes(sub.verbs[0]!)) seen.verbs.push(sub.verbs[0]!);
    } else merged.set(key, { ...sub, verbs: [...sub.verbs] });
  }
  return [...merged.values()];
}

function refuse(what: string, user: UserInfo, rules: PolicyRule[]): never {
  const groups = `[${user.groups.map((g) => JSON.stringify(g)).join(" ")}]`;
  const lines = rules.map(compactString).join("\n");
  throw forbidden(`${what} is forbidden: user ${JSON.stringify(user.name)} (groups=${groups}) is attempting to grant RBAC permissions not currently held:\n${lines}`);
}

/** A Role or ClusterRole written by `caller`: refused when it grants what the caller does not hold. */
export function confirmNoEscalation(registry: RegistryStore, caller: Caller, resource: "roles" | "clusterroles", namespace: string | undefined, name: string, rules: PolicyRule[]): void {
  if (!caller.rbac) return;
  const user = userOf(caller);
  const escalate = { verb: "escalate", resourceRequest: true, apiGroup: rbacGroup, resource, name, ...(namespace ? { namespace } : {}) };
  if (authorize(registry, user, escalate).allowed) return;
  const gaps = missing(rulesFor(registry, user, namespace), rules);
  if (gaps.length) refuse(`${resource}.${rbacGroup} ${JSON.stringify(name)}`, user, gaps);
}

/** A RoleBinding or ClusterRoleBinding written by `caller`: it must hold the role's rules, or may `bind` it. */
export function confirmBindable(registry: RegistryStore, caller: Caller, resource: "rolebindings" | "clusterrolebindings", namespace: string | undefined, name: string, ref: RoleRef): void {
  if (!caller.rbac || !ref) return;
  const user = userOf(caller);
  const roleResource = ref.kind === "Role" ? "roles" : "clusterroles";
  const bind = { verb: "bind", resourceRequest: true, apiGroup: rbacGroup, resource: roleResource, name: ref.name, ...(namespace ? { namespace } : {}) };
  if (authorize(registry, user, bind).allowed) return;
  const rules = ref.kind === "Role" ? (namespace ? registry.tryGet(roles, namespace, ref.name)?.rules : undefined) : registry.tryGet(clusterRoles, undefined, ref.name)?.rules;
  const gaps = missing(rulesFor(registry, user, namespace), rules ?? []);
  if (gaps.length) refuse(`${resource}.${rbacGroup} ${JSON.stringify(name)}`, user, gaps);
}
