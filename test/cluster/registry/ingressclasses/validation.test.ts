import { describe, expect, it } from "vitest";
import type { IngressClass } from "../../../../src/api/schemas/networking/ingressclass";
import { defaultIngressClass } from "../../../../src/cluster/registry/ingressclasses/default-class";
import { printer } from "../../../../src/cluster/registry/ingressclasses/printer";
import { ingressClassStrategy } from "../../../../src/cluster/registry/ingressclasses/strategy";
import { validateIngressClass, validateIngressClassUpdate } from "../../../../src/cluster/registry/ingressclasses/validation";

const ic = (spec: IngressClass["spec"], metadata: IngressClass["metadata"] = { name: "nginx" }): IngressClass => ({ metadata, spec });
const messages = (spec: IngressClass["spec"]) => validateIngressClass(ic(spec)).map((e) => `${e.field}: ${e.message}`);

describe("IngressClass validation", () => {
  it("requires a domain-prefixed controller of at most 250 bytes", () => {
    expect(messages({ controller: "k8s.io/ingress-nginx" })).toEqual([]);
    expect(messages({})).toEqual(["spec.controller: Required value"]);
    expect(messages({ controller: "nginx" })).toEqual(['spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")']);
    expect(messages({ controller: "Acme.io/x" })[0]).toMatch(/^spec\.controller: Invalid value: "Acme\.io": a lowercase RFC 1123 subdomain/);
    expect(messages({ controller: "acme.io/a b" })).toEqual([
      "spec.controller: Invalid value: \"a b\": Invalid path (regex used for validation is '[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+')",
    ]);
    expect(messages({ controller: `acme.io/${"x".repeat(250)}` })).toEqual(["spec.controller: Too long: may not be more than 250 bytes"]);
  });

  it("checks parameters: kind and name, scope, namespace by scope", () => {
    const base = { controller: "acme.io/c" };
    expect(messages({ ...base, parameters: { kind: "", name: "a/b", scope: "Cluster" } })).toEqual([
      "spec.parameters.kind: Required value",
      "spec.parameters.name: Invalid value: \"a/b\": may not contain '/'",
    ]);
    expect(messages({ ...base, parameters: { kind: "K", name: "n" } })).toEqual(["spec.parameters.scope: Required value"]);
    expect(messages({ ...base, parameters: { kind: "K", name: "n", scope: "Global" } })).toEqual([
      'spec.parameters.scope: Unsupported value: "Global": supported values: "Cluster", "Namespace"',
    ]);
    expect(messages({ ...base, parameters: { kind: "K", name: "n", scope: "Namespace" } })).toEqual([
      "spec.parameters.namespace: Required value: `parameters.scope` is set to 'Namespace'",
    ]);
    expect(messages({ ...base, parameters: { kind: "K", name: "n", scope: "Cluster", namespace: "x" } })).toEqual([
      "spec.parameters.namespace: Forbidden: `parameters.scope` is set to 'Cluster'",
    ]);
    expect(messages({ ...base, parameters: { apiGroup: "k8s.example.com", kind: "K", name: "n", scope: "Namespace", namespace: "team-a" } })).toEqual([]);
  });

  it("defaults the parameters' scope to Cluster", () => {
    const withParams = ic({ controller: "acme.io/c", parameters: { kind: "K", name: "n" } });
    ingressClassStrategy.defaults!(withParams);
    expect(withParams.spec!.parameters!.scope).toBe("Cluster");
  });

  it("keeps the controller immutable", () => {
    expect(validateIngressClassUpdate(ic({ controller: "acme.io/b" }), ic({ controller: "acme.io/a" })).map((e) => `${e.field}: ${e.message}`)).toEqual([
      'spec.controller: Invalid value: "acme.io/b": field is immutable',
    ]);
    expect(validateIngressClassUpdate(ic({ controller: "acme.io/a" }), ic({ controller: "acme.io/a" }))).toEqual([]);
  });
});

describe("the default IngressClass", () => {
  const annotated = (name: string, created: string, value = "true") =>
    ic({ controller: "acme.io/c" }, { name, creationTimestamp: created, annotations: { "ingressclass.kubernetes.io/is-default-class": value } });

  it("is the annotated class, the newest when several are, then the first by name", () => {
    expect(defaultIngressClass([ic({ controller: "a.io/b" })])).toBeUndefined();
    expect(defaultIngressClass([annotated("a", "2025-01-01T00:00:00Z", "True")])).toBeUndefined();
    expect(defaultIngressClass([annotated("old", "2025-01-01T00:00:00Z"), annotated("new", "2025-01-02T00:00:00Z")])!.metadata.name).toBe("new");
    expect(defaultIngressClass([annotated("b", "2025-01-01T00:00:00Z"), annotated("a", "2025-01-01T00:00:00Z")])!.metadata.name).toBe("a");
  });
});

describe("kubectl get ingressclasses", () => {
  it("prints NAME, CONTROLLER, PARAMETERS and AGE", () => {
    expect(printer.columns.map((c) => c.name)).toEqual(["Name", "Controller", "Parameters", "Age"]);
    const now = Date.parse("2025-06-01T12:00:00Z");
    const meta = { name: "nginx", creationTimestamp: "2025-06-01T11:59:30Z" };
    expect(printer.cells({ metadata: meta, spec: { controller: "k8s.io/ingress-nginx" } }, now)).toEqual(["nginx", "k8s.io/ingress-nginx", "<none>", "30s"]);
    expect(printer.cells({ metadata: meta, spec: { controller: "c.io/x", parameters: { apiGroup: "k8s.example.net", kind: "ClusterIngressParameter", name: "p" } } }, now)[2]).toBe(
      "ClusterIngressParameter.k8s.example.net/p",
    );
    expect(printer.cells({ metadata: meta, spec: { controller: "c.io/x", parameters: { kind: "ConfigMap", name: "p" } } }, now)[2]).toBe("ConfigMap/p");
  });
});
