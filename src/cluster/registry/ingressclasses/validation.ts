// IngressClass validation (pkg/apis/networking/validation), with the apiserver's messages: the controller is a
// domain-prefixed path of at most 250 bytes and never changes; parameters name a kind and a resource, with a scope
// (Cluster or Namespace) that decides whether a namespace is required or forbidden.
import type { IngressClass, IngressClassSpec } from "../../../api/schemas/networking/ingressclass";
import { fieldError, type FieldError } from "../../../api/status";
import { FIELD_IMMUTABLE_ERROR_MSG } from "../../../api/validation/object-meta";
import { isDNS1123Subdomain, regexError, utf8ByteLength, validateNamespaceName } from "../../../api/validation/names";

const maxControllerLength = 250;
const httpPathFormat = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
const httpPath = new RegExp(`^${httpPathFormat}$`);
const scopes = ["Cluster", "Namespace"];

export function validateIngressClass(ic: IngressClass): FieldError[] {
  const spec = ic.spec ?? {};
  const controller = spec.controller ?? "";
  const errors: FieldError[] = [];
  if (controller === "") errors.push(fieldError.required("spec.controller"));
  else {
    if (utf8ByteLength(controller) > maxControllerLength) errors.push(fieldError.tooLong("spec.controller", maxControllerLength));
    errors.push(...domainPrefixedPathErrors("spec.controller", controller));
  }
  errors.push(...parametersErrors(spec.parameters, "spec.parameters"));
  return errors;
}

export function validateIngressClassUpdate(ic: IngressClass, old: IngressClass): FieldError[] {
  const controller = ic.spec?.controller ?? "";
  return controller === (old.spec?.controller ?? "") ? [] : [fieldError.invalid("spec.controller", controller, FIELD_IMMUTABLE_ERROR_MSG)];
}

/** IsDomainPrefixedPath: `host/path`, the host a DNS subdomain, the path of URL path characters. */
function domainPrefixedPathErrors(field: string, value: string): FieldError[] {
  const slash = value.indexOf("/");
  const host = slash < 0 ? value : value.slice(0, slash);
  const path = slash < 0 ? "" : value.slice(slash + 1);
  if (slash < 0 || host === "" || path === "") return [fieldError.invalid(field, value, 'must be a domain-prefixed path (such as "acme.io/foo")')];
  const errors = isDNS1123Subdomain(host).map((m) => fieldError.invalid(field, host, m));
  if (!httpPath.test(path)) errors.push(fieldError.invalid(field, path, regexError("Invalid path", httpPathFormat)));
  return errors;
}

/** IsValidPathSegmentName: not `.` or `..`, no `/` or `%`. */
export function pathSegmentNameErrors(name: string): string[] {
  if (name === "." || name === "..") return [`may not be '${name}'`];
  return ["/", "%"].filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`);
}

function parametersErrors(params: IngressClassSpec["parameters"], at: string): FieldError[] {
  if (!params) return [];
  const errors: FieldError[] = [];
  if (params.apiGroup != null) errors.push(...isDNS1123Subdomain(params.apiGroup).map((m) => fieldError.invalid(`${at}.apiGroup`, params.apiGroup, m)));
  for (const key of ["kind", "name"] as const) {
    const value = params[key] ?? "";
    if (value === "") errors.push(fieldError.required(`${at}.${key}`));
    else errors.push(...pathSegmentNameErrors(value).map((m) => fieldError.invalid(`${at}.${key}`, value, m)));
  }
  if (params.scope == null) {
    errors.push(fieldError.required(`${at}.scope`));
    return errors;
  }
  if (!scopes.includes(params.scope)) {
    errors.push(fieldError.notSupported(`${at}.scope`, params.scope, scopes));
  } else if (params.scope === "Namespace") {
    const namespace = params.namespace;
    if (namespace == null) errors.push(fieldError.required(`${at}.namespace`, "`parameters.scope` is set to 'Namespace'"));
    else errors.push(...validateNamespaceName(namespace, false).map((m) => fieldError.invalid(`${at}.namespace`, namespace, m)));
  } else if (params.namespace != null) {
    errors.push(fieldError.forbidden(`${at}.namespace`, "`parameters.scope` is set to 'Cluster'"));
  }
  return errors;
}
