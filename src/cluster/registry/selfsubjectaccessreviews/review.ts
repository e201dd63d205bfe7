// `kubectl auth can-i`: the answer follows the caller's token — the admin token may do everything, the read-only
// token may only read (get, list, watch) and ask these questions.
import type { SelfSubjectAccessReview } from "../../../api/schemas/authorization/selfsubjectaccessreview";
import type { Caller } from "../types";
import type { RegistryStore } from "../generic-store";
import { authorize } from "../authorization/authorizer";
import { userOf } from "../authorization/identity";
import type { RequestAttributes } from "../authorization/rules";

type ReviewStatus = NonNullable<SelfSubjectAccessReview["status"]>;

const readVerbs = new Set(["get", "list", "watch"]);

export function isAllowed(caller: Caller, verb: string, group: string, resource: string): boolean {
  if (caller.role === "admin") return true;
  if (readVerbs.has(verb)) return true;
  return verb === "create" && group === "authorization.k8s.io" && /^selfsubject(access|rules)reviews$/.test(resource);
}

/** The request a review asks about, as the authorizer sees it. */
export function reviewAttributes(spec: SelfSubjectAccessReview["spec"]): RequestAttributes {
  const attrs = spec?.resourceAttributes;
  if (!attrs) return { verb: spec?.nonResourceAttributes?.verb ?? "", resourceRequest: false, path: spec?.nonResourceAttributes?.path ?? "" };
  return {
    verb: attrs.verb ?? "",
    resourceRequest: true,
    apiGroup: attrs.group ?? "",
    resource: attrs.resource ?? "",
    ...(attrs.subresource ? { subresource: attrs.subresource } : {}),
    ...(attrs.name ? { name: attrs.name } : {}),
    ...(attrs.namespace ? { namespace: attrs.namespace } : {}),
  };
}

export function reviewAccess(review: SelfSubjectAccessReview, caller: Caller, registry: RegistryStore): SelfSubjectAccessReview {
  const spec = review.spec ?? {};
  const attrs = spec.resourceAttributes;
  const nonResource = spec.nonResourceAttributes;
  if (caller.rbac) {
    // An identity RBAC authorizes (a ServiceAccount token, an impersonated user): the RBAC authorizer's answer and reason.
    const decision = authorize(registry, userOf(caller), reviewAttributes(spec));
    const answer: ReviewStatus = { allowed: decision.allowed, ...(decision.reason ? { reason: decision.reason } : {}) };
    return { apiVersion: "authorization.k8s.io/v1", kind: "SelfSubjectAccessReview", metadata: { creationTimestamp: null }, spec, status: answer };
  }
  const allowed = attrs
    ? isAllowed(caller, attrs.verb ?? "", attrs.group ?? "", attrs.resource ?? "")
    : caller.role === "admin" || readVerbs.has(nonResource?.verb ?? "");
  const status: ReviewStatus = { allowed };
  status.reason = allowed
    ? caller.role === "admin"
      ? "the sandbox admin token may do everything"
      : "the read-only token may read"
    : "the read-only token may only get, list and watch";
  if (!allowed) status.denied = true;
  return {
    apiVersion: "authorization.k8s.io/v1",
    kind: "SelfSubjectAccessReview",
    metadata: { creationTimestamp: null },
    spec,
    status,
  };
}
