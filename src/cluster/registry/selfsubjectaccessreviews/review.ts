// `kubectl auth can-i`: the answer follows the caller's token — the admin token may do everything, the read-only
// token may only read (get, list, watch) and ask these questions.
import type { SelfSubjectAccessReview } from "../../../api/schemas/authorization/selfsubjectaccessreview";
import type { Caller } from "../types";

type ReviewStatus = NonNullable<SelfSubjectAccessReview["status"]>;

const readVerbs = new Set(["get", "list", "watch"]);

export function isAllowed(caller: Caller, verb: string, group: string, resource: string): boolean {
  if (caller.role === "admin") return true;
  if (readVerbs.has(verb)) return true;
  return verb === "create" && group === "authorization.k8s.io" && /^selfsubject(access|rules)reviews$/.test(resource);
}

export function reviewAccess(review: SelfSubjectAccessReview, caller: Caller): SelfSubjectAccessReview {
  const spec = review.spec ?? {};
  const attrs = spec.resourceAttributes;
  const nonResource = spec.nonResourceAttributes;
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
