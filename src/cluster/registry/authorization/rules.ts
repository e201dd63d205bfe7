// RBAC rule matching, as plugin/pkg/auth/authorizer/rbac does it: verbs, API groups, resources (`*`, `pods/log`,
// `*/scale`), resource names and non-resource URLs (a final `*` matches a prefix); who a binding's subject is.
import type { PolicyRule, Subject } from "../../../api/schemas/rbac/policy-rule";

/** What a request asks (authorizer.Attributes). */
export interface RequestAttributes {
  verb: string;
  /** A request on a resource; otherwise on `path`. */
  resourceRequest: boolean;
  namespace?: string;
  apiGroup?: string;
  resource?: string;
  subresource?: string;
  name?: string;
  /** The URL path of a non-resource request. */
  path?: string;
}

/** The identity a request is made as (user.Info). */
export interface UserInfo {
  name: string;
  uid?: string;
  groups: string[];
  extra?: Record<string, string[]>;
}

const matchesAll = (values: string[] | undefined, wanted: string) => (values ?? []).some((v) => v === "*" || v === wanted);

function resourceMatches(rule: PolicyRule, resource: string, subresource: string | undefined): boolean {
  const combined = subresource ? `${resource}/${subresource}` : resource;
  return (rule.resources ?? []).some((r) => r === "*" || r === combined || (!!subresource && r === `*/${subresource}`));
}

function resourceNameMatches(rule: PolicyRule, name: string | undefined): boolean {
  if (!rule.resourceNames?.length) return true;
  return rule.resourceNames.includes(name ?? "");
}

function nonResourceURLMatches(rule: PolicyRule, path: string): boolean {
  return (rule.nonResourceURLs ?? []).some((url) => url === "*" || url === path || (url.endsWith("*") && path.startsWith(url.slice(0, -1))));
}

/** rbac.RuleAllows. */
export function ruleAllows(attrs: RequestAttributes, rule: PolicyRule): boolean {
  if (!matchesAll(rule.verbs, attrs.verb)) return false;
  if (!attrs.resourceRequest) return nonResourceURLMatches(rule, attrs.path ?? "");
  return matchesAll(rule.apiGroups, attrs.apiGroup ?? "") && resourceMatches(rule, attrs.resource ?? "", attrs.subresource) && resourceNameMatches(rule, attrs.name);
}

/** The user name of a ServiceAccount: `system:serviceaccount:<namespace>:<name>`. */
export function serviceAccountUser(namespace: string, name: string): string {
  return `system:serviceaccount:${namespace}:${name}`;
}

/** appliesToUser: whether a binding's subject is this user (by name, group, or ServiceAccount user name). */
export function subjectApplies(user: UserInfo, subject: Subject, bindingNamespace: string): boolean {
  switch (subject.kind) {
    case "User":
      return user.name === subject.name;
    case "Group":
      return user.groups.includes(subject.name);
    case "ServiceAccount":
      return user.name === serviceAccountUser(subject.namespace || bindingNamespace, subject.name);
    default:
      return false;
  }
}

/** describeSubject, as the authorizer's reasons name a subject. */
export function describeSubject(subject: Subject, bindingNamespace: string): string {
  if (subject.kind === "ServiceAccount") return `${subject.kind} ${JSON.stringify(`${subject.name}/${subject.namespace || bindingNamespace}`)}`;
  return `${subject.kind} ${JSON.stringify(subject.name)}`;
}
