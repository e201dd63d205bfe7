// Impersonation (staging/src/k8s.io/apiserver/pkg/endpoints/filters/impersonation.go): `Impersonate-User`,
// `-Group`, `-Uid` and `-Extra-<key>` headers (`kubectl --as`, `--as-group`, `--as-uid`). The caller must be allowed
// the `impersonate` verb on each (users, groups, serviceaccounts, uids, userextras); the admin token is (it is in
// system:masters), the read-only token never is. The request then runs as the impersonated identity, authorized by
// RBAC.
import { forbidden, failure } from "../../api/status";
import { authorize, forbiddenMessage } from "../registry/authorization/authorizer";
import { authenticatedGroup, userOf } from "../registry/authorization/identity";
import type { RequestAttributes } from "../registry/authorization/rules";
import type { RegistryStore } from "../registry/generic-store";
import type { Caller } from "../registry/types";

const serviceAccountPrefix = "system:serviceaccount:";

/** Header values; fetch joins repeated headers with ", ". */
function values(headers: Headers, name: string): string[] {
  const value = headers.get(name);
  return value === null ? [] : value.split(", ").map((v) => v.trim());
}

/** The caller a request acts as: itself, or the identity its Impersonate-* headers ask for (403 when not allowed). */
export function impersonate(request: Request, caller: Caller, registry: RegistryStore): Caller {
  const headers = request.headers;
  const user = headers.get("impersonate-user");
  const groups = values(headers, "impersonate-group");
  const uid = headers.get("impersonate-uid");
  const extra: Record<string, string[]> = {};
  for (const [name, value] of headers) {
    if (!name.startsWith("impersonate-extra-")) continue;
    extra[decodeURIComponent(name.slice("impersonate-extra-".length))] = value.split(", ");
  }
  if (user === null && !groups.length && uid === null && !Object.keys(extra).length) return caller;
  if (user === null) {
    throw failure(500, "InternalError", "Internal error occurred: requested impersonation of groups, uid or extra without impersonating a user");
  }
  const checks: RequestAttributes[] = [];
  let username = user;
  let userGroups: string[] = [];
  if (user.startsWith(serviceAccountPrefix) && user.split(":").length === 4) {
    const [, , namespace, name] = user.split(":");
    checks.push({ verb: "impersonate", resourceRequest: true, apiGroup: "", resource: "serviceaccounts", namespace, name });
    userGroups = ["system:serviceaccounts", `system:serviceaccounts:${namespace}`];
  } else {
    checks.push({ verb: "impersonate", resourceRequest: true, apiGroup: "", resource: "users", name: user });
  }
  for (const group of groups) checks.push({ verb: "impersonate", resourceRequest: true, apiGroup: "", resource: "groups", name: group });
  if (uid !== null) checks.push({ verb: "impersonate", resourceRequest: true, apiGroup: "authentication.k8s.io", resource: "uids", name: uid });
  for (const [key, vals] of Object.entries(extra)) {
    for (const v of vals) checks.push({ verb: "impersonate", resourceRequest: true, apiGroup: "authentication.k8s.io", resource: "userextras", subresource: key, name: v });
  }
  const actor = userOf(caller);
  for (const attrs of checks) {
    const allowed = caller.role === "view" ? false : caller.rbac ? authorize(registry, actor, attrs).allowed : true;
    if (!allowed) {
      const qualified = attrs.apiGroup ? `${attrs.resource}.${attrs.apiGroup}` : attrs.resource!;
      throw forbidden(`${qualified} ${JSON.stringify(attrs.name)} is forbidden: ${forbiddenMessage(actor, attrs)}`);
    }
  }
  for (const group of groups) if (!userGroups.includes(group)) userGroups.push(group);
  if (username !== "system:anonymous" && !userGroups.includes(authenticatedGroup)) userGroups.push(authenticatedGroup);
  return {
    role: caller.role,
    user: username,
    groups: userGroups,
    ...(uid !== null ? { uid } : {}),
    ...(Object.keys(extra).length ? { extra } : {}),
    rbac: true,
  };
}
