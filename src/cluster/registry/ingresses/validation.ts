// Ingress validation (pkg/apis/networking/validation), with the apiserver's messages: a default backend or rules;
// hosts DNS names (a wildcard only as a whole first label), not IPs; paths absolute for Exact and Prefix, free of
// `//`, `/./`, `/../` and encoded slashes; pathType required; each backend exactly one of a Service (a DNS-1035 name
// and a port name or number) or a resource; TLS hosts and secret names; on create, the legacy class annotation must
// agree with ingressClassName. Status writes: load-balancer IPs and hostnames.
import type { Ingress, IngressBackend, IngressRule } from "../../../api/schemas/networking/ingress";
import { fieldError, type FieldError } from "../../../api/status";
import { isDNS1123Subdomain, maxLenError, nameIsDNS1035Label, nameIsDNSSubdomain, regexError, utf8ByteLength, DNS1123_SUBDOMAIN_MAX_LENGTH } from "../../../api/validation/names";
import { isValidPortName, isValidPortNum } from "../../../api/validation/ports";
import { pathSegmentNameErrors } from "../ingressclasses/validation";
import { parseIP } from "../../../api/ip";
import { invalidRendered } from "../pod-template";

export const ingressClassAnnotation = "kubernetes.io/ingress.class";

const pathTypes = ["Exact", "ImplementationSpecific", "Prefix"];
const invalidSequences = ["//", "/./", "/../", "%2f", "%2F"];
const invalidSuffixes = ["/..", "/."];
const label = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const wildcardFormat = `\\*\\.${label}(\\.${label})*`;
const wildcardPattern = new RegExp(`^${wildcardFormat}$`);
const wildcardMessage =
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character";

/** IsWildcardDNS1123Subdomain. */
function isWildcardDNS1123Subdomain(value: string): string[] {
  const errors: string[] = [];
  if (utf8ByteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errors.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!wildcardPattern.test(value)) errors.push(regexError(wildcardMessage, wildcardFormat, "*.example.com"));
  return errors;
}

/** A host of a rule or of a TLS entry: a wildcard subdomain when it has a `*`, else a subdomain. */
function hostErrors(host: string, at: string): FieldError[] {
  const messages = host.includes("*") ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
  return messages.map((m) => fieldError.invalid(at, host, m));
}

/** ValidateIngressCreate. */
export function validateIngressCreate(ing: Ingress): FieldError[] {
  const errors = validateIngress(ing);
  const annotation = ing.metadata.annotations?.[ingressClassAnnotation];
  const className = ing.spec?.ingressClassName;
  if (annotation !== undefined && className != null && annotation !== className) {
    // The apiserver's path for this error has no `metadata.` in front.
    errors.push(fieldError.invalid(`annotations.${ingressClassAnnotation}`, annotation, "must match `ingressClassName` when both are specified"));
  }
  return errors;
}

/** ValidateIngressSpec. */
export function validateIngress(ing: Ingress): FieldError[] {
  const spec = ing.spec ?? {};
  const errors: FieldError[] = [];
  const rules = spec.rules;
  if (!rules?.length && !spec.defaultBackend) {
    const rendered = rules ? "[]networking.IngressRule{}" : "[]networking.IngressRule(nil)";
    errors.push(invalidRendered("spec", rendered, "either `defaultBackend` or `rules` must be specified"));
  }
  if (spec.defaultBackend) errors.push(...backendErrors(spec.defaultBackend, "spec.defaultBackend"));
  (rules ?? []).forEach((rule, i) => errors.push(...ruleErrors(rule, `spec.rules[${i}]`)));
  (spec.tls ?? []).forEach((tls, i) => {
    (tls.hosts ?? []).forEach((host, j) => errors.push(...hostErrors(host, `spec.tls[${i}].hosts[${j}]`)));
    const secret = tls.secretName ?? "";
    if (secret) errors.push(...nameIsDNSSubdomain(secret, false).map((m) => fieldError.invalid(`spec.tls[${i}].secretName`, secret, m)));
  });
  const className = spec.ingressClassName;
  if (className != null) errors.push(...nameIsDNSSubdomain(className, false).map((m) => fieldError.invalid("spec.ingressClassName", className, m)));
  return errors;
}

function ruleErrors(rule: IngressRule, at: string): FieldError[] {
  const errors: FieldError[] = [];
  const host = rule.host ?? "";
  if (host) {
    if (parseIP(host)) errors.push(fieldError.invalid(`${at}.host`, host, "must be a DNS name, not an IP address"));
    errors.push(...hostErrors(host, `${at}.host`));
  }
  if (!rule.http) return errors;
  if (!rule.http.paths?.length) errors.push(fieldError.required(`${at}.http.paths`));
  (rule.http.paths ?? []).forEach((p, i) => {
    const pathAt = `${at}.http.paths[${i}]`;
    if (p.pathType == null) {
      errors.push(fieldError.required(`${pathAt}.pathType`, "pathType must be specified"));
      return;
    }
    const path = p.path ?? "";
    if (p.pathType === "Exact" || p.pathType === "Prefix") {
      if (!path.startsWith("/")) errors.push(fieldError.invalid(`${pathAt}.path`, path, "must be an absolute path"));
      for (const seq of invalidSequences) if (path.includes(seq)) errors.push(fieldError.invalid(`${pathAt}.path`, path, `must not contain '${seq}'`));
      for (const suffix of invalidSuffixes) if (path.endsWith(suffix)) errors.push(fieldError.invalid(`${pathAt}.path`, path, `cannot end with '${suffix}'`));
    } else if (p.pathType === "ImplementationSpecific") {
      if (path && !path.startsWith("/")) errors.push(fieldError.invalid(`${pathAt}.path`, path, "must be an absolute path"));
    } else {
      errors.push(fieldError.notSupported(`${pathAt}.pathType`, p.pathType, pathTypes));
    }
    errors.push(...backendErrors(p.backend ?? {}, `${pathAt}.backend`));
  });
  return errors;
}

/** validateIngressBackend. */
function backendErrors(backend: IngressBackend, at: string): FieldError[] {
  const { service, resource } = backend;
  if (service && resource) return [fieldError.invalid(at, "", "cannot set both resource and service backends")];
  if (resource) {
    const errors: FieldError[] = [];
    if (resource.apiGroup != null) errors.push(...isDNS1123Subdomain(resource.apiGroup).map((m) => fieldError.invalid(`${at}.resource.apiGroup`, resource.apiGroup, m)));
    for (const key of ["kind", "name"] as const) {
      const value = resource[key] ?? "";
      if (value === "") errors.push(fieldError.required(`${at}.resource.${key}`));
      else errors.push(...pathSegmentNameErrors(value).map((m) => fieldError.invalid(`${at}.resource.${key}`, value, m)));
    }
    return errors;
  }
  if (!service) return [fieldError.invalid(at, "", "resource or service backend is required")];
  const errors: FieldError[] = [];
  const name = service.name ?? "";
  if (!name) errors.push(fieldError.required(`${at}.service.name`));
  else errors.push(...nameIsDNS1035Label(name, false).map((m) => fieldError.invalid(`${at}.service.name`, name, m)));
  const portName = service.port?.name ?? "";
  const portNumber = service.port?.number ?? 0;
  if (portName && portNumber) errors.push(fieldError.invalid(at, "", "cannot set both port name & port number"));
  else if (portName) errors.push(...isValidPortName(portName).map((m) => fieldError.invalid(`${at}.service.port.name`, portName, m)));
  else if (portNumber) errors.push(...isValidPortNum(portNumber).map((m) => fieldError.invalid(`${at}.service.port.number`, portNumber, m)));
  else errors.push(fieldError.required(at, "port name or number is required"));
  return errors;
}

/** ValidateIngressLoadBalancerStatus (IPs as the legacy IP fields accept them). */
export function validateIngressStatus(ing: Ingress): FieldError[] {
  const errors: FieldError[] = [];
  (ing.status?.loadBalancer?.ingress ?? []).forEach((point, i) => {
    const at = `status.loadBalancer.ingress[${i}]`;
    if (point.ip && !parseIP(point.ip)) {
      errors.push(fieldError.invalid(`${at}.ip`, point.ip, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
    }
    if (point.hostname) {
      errors.push(...isDNS1123Subdomain(point.hostname).map((m) => fieldError.invalid(`${at}.hostname`, point.hostname, m)));
      if (parseIP(point.hostname)) errors.push(fieldError.invalid(`${at}.hostname`, point.hostname, "must be a DNS name, not an IP address"));
    }
  });
  return errors;
}
