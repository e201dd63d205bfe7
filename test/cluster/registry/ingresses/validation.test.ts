import { describe, expect, it } from "vitest";
import type { Ingress } from "../../../../src/api/schemas/networking/ingress";
import { validateIngressCreate, validateIngressStatus } from "../../../../src/cluster/registry/ingresses/validation";

const ing = (spec: Ingress["spec"], annotations?: Record<string, string>): Ingress => ({ metadata: { name: "web", namespace: "default", annotations }, spec });
const messages = (spec: Ingress["spec"], annotations?: Record<string, string>) => validateIngressCreate(ing(spec, annotations)).map((e) => `${e.field}: ${e.message}`);
const svc = (name: string, port: { name?: string; number?: number } = { number: 80 }) => ({ service: { name, port } });
const path = (pathType: string | undefined, p: string | undefined, backend: object = svc("web")) => ({ rules: [{ host: "foo.com", http: { paths: [{ pathType, path: p, backend }] } }] });

describe("Ingress validation", () => {
  it("accepts a full Ingress", () => {
    expect(
      messages({
        ingressClassName: "nginx",
        defaultBackend: svc("default-http", { name: "http" }),
        tls: [{ hosts: ["foo.com", "*.bar.com"], secretName: "tls-cert" }],
        rules: [
          { host: "foo.com", http: { paths: [{ path: "/", pathType: "Prefix", backend: svc("web") }, { path: "/api", pathType: "Exact", backend: svc("api", { name: "http" }) }] } },
          { host: "*.bar.com", http: { paths: [{ pathType: "ImplementationSpecific", backend: { resource: { apiGroup: "k8s.example.com", kind: "StorageBucket", name: "assets" } } }] } },
          { http: { paths: [{ path: "/x", pathType: "Prefix", backend: svc("x") }] } },
        ],
      }),
    ).toEqual([]);
  });

  it("needs a default backend or rules", () => {
    expect(messages({})).toEqual(["spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified"]);
    expect(messages({ rules: [] })).toEqual(["spec: Invalid value: []networking.IngressRule{}: either `defaultBackend` or `rules` must be specified"]);
  });

  it("checks hosts: no IPs, wildcards only as a whole first label", () => {
    const host = (h: string) => messages({ rules: [{ host: h }] });
    expect(host("1.2.3.4")[0]).toBe('spec.rules[0].host: Invalid value: "1.2.3.4": must be a DNS name, not an IP address');
    expect(host("*.foo.com")).toEqual([]);
    expect(host("*")).toEqual([
      "spec.rules[0].host: Invalid value: \"*\": a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
    expect(host("foo.*.com")[0]).toMatch(/^spec\.rules\[0\]\.host: Invalid value: "foo\.\*\.com": a wildcard DNS-1123 subdomain/);
    expect(host("Foo.com")[0]).toMatch(/^spec\.rules\[0\]\.host: Invalid value: "Foo\.com": a lowercase RFC 1123 subdomain/);
  });

  it("checks paths by pathType", () => {
    expect(messages(path(undefined, "/"))).toEqual(["spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified"]);
    expect(messages(path("Regex", "/"))).toEqual([
      'spec.rules[0].http.paths[0].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"',
    ]);
    expect(messages(path("Prefix", "foo"))).toEqual(['spec.rules[0].http.paths[0].path: Invalid value: "foo": must be an absolute path']);
    expect(messages(path("Exact", undefined))).toEqual(['spec.rules[0].http.paths[0].path: Invalid value: "": must be an absolute path']);
    expect(messages(path("Prefix", "/a//b/%2f/."))).toEqual([
      "spec.rules[0].http.paths[0].path: Invalid value: \"/a//b/%2f/.\": must not contain '//'",
      "spec.rules[0].http.paths[0].path: Invalid value: \"/a//b/%2f/.\": must not contain '%2f'",
      "spec.rules[0].http.paths[0].path: Invalid value: \"/a//b/%2f/.\": cannot end with '/.'",
    ]);
    expect(messages(path("ImplementationSpecific", ""))).toEqual([]);
    expect(messages(path("ImplementationSpecific", "rel"))).toEqual(['spec.rules[0].http.paths[0].path: Invalid value: "rel": must be an absolute path']);
    expect(messages({ rules: [{ host: "foo.com", http: { paths: [] } }] })).toEqual(["spec.rules[0].http.paths: Required value"]);
  });

  it("checks backends: exactly one of service and resource, a port name or number", () => {
    const at = "spec.rules[0].http.paths[0].backend";
    expect(messages(path("Prefix", "/", {}))).toEqual([`${at}: Invalid value: "": resource or service backend is required`]);
    expect(messages(path("Prefix", "/", { ...svc("a"), resource: { kind: "K", name: "n" } }))).toEqual([`${at}: Invalid value: "": cannot set both resource and service backends`]);
    expect(messages(path("Prefix", "/", svc("a", {})))).toEqual([`${at}: Required value: port name or number is required`]);
    expect(messages(path("Prefix", "/", svc("a", { name: "http", number: 80 })))).toEqual([`${at}: Invalid value: "": cannot set both port name & port number`]);
    expect(messages(path("Prefix", "/", svc("a", { number: 70000 })))).toEqual([`${at}.service.port.number: Invalid value: 70000: must be between 1 and 65535, inclusive`]);
    expect(messages(path("Prefix", "/", svc("1web"))))
      .toEqual([`${at}.service.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`]);
    expect(messages({ defaultBackend: { resource: { kind: "", name: ".." } } })).toEqual([
      "spec.defaultBackend.resource.kind: Required value",
      "spec.defaultBackend.resource.name: Invalid value: \"..\": may not be '..'",
    ]);
  });

  it("checks TLS hosts and secret names, the class name, and the legacy annotation against it", () => {
    const tls = messages({ defaultBackend: svc("a"), tls: [{ hosts: ["*"], secretName: "Bad_Secret" }] });
    expect(tls).toHaveLength(2);
    expect(tls[0]).toMatch(/^spec\.tls\[0\]\.hosts\[0\]: Invalid value: "\*": a wildcard DNS-1123 subdomain must start with/);
    expect(tls[1]).toMatch(/^spec\.tls\[0\]\.secretName: Invalid value: "Bad_Secret": a lowercase RFC 1123 subdomain/);
    expect(messages({ defaultBackend: svc("a"), ingressClassName: "Nginx" })[0]).toMatch(/^spec\.ingressClassName: Invalid value: "Nginx": a lowercase RFC 1123 subdomain/);
    expect(messages({ defaultBackend: svc("a"), ingressClassName: "nginx" }, { "kubernetes.io/ingress.class": "traefik" })).toEqual([
      'annotations.kubernetes.io/ingress.class: Invalid value: "traefik": must match `ingressClassName` when both are specified',
    ]);
    expect(messages({ defaultBackend: svc("a"), ingressClassName: "nginx" }, { "kubernetes.io/ingress.class": "nginx" })).toEqual([]);
  });

  it("checks the status's load-balancer addresses", () => {
    const withStatus = (ingress: object[]): Ingress => ({ ...ing({}), status: { loadBalancer: { ingress } } });
    expect(validateIngressStatus(withStatus([{ ip: "192.168.49.2" }, { hostname: "lb.example.com" }]))).toEqual([]);
    expect(validateIngressStatus(withStatus([{ ip: "300.1.1.1" }, { hostname: "10.0.0.1" }])).map((e) => `${e.field}: ${e.message}`)).toEqual([
      'status.loadBalancer.ingress[0].ip: Invalid value: "300.1.1.1": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      'status.loadBalancer.ingress[1].hostname: Invalid value: "10.0.0.1": must be a DNS name, not an IP address',
    ]);
  });
});
