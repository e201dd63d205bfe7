import { describe, expect, it } from "vitest";
import type { Ingress, IngressRule } from "../../../src/api/schemas/networking/ingress";
import type { IngressClass } from "../../../src/api/schemas/networking/ingressclass";
import { ingressNginx404Body, ingressNginxIngresses, routeIngressRequest } from "../../../src/cluster/network/ingress-routes";

let clock = 0;
function ingress(name: string, spec: Ingress["spec"], extra: { namespace?: string; created?: number; annotations?: Record<string, string> } = {}): Ingress {
  const created = extra.created ?? ++clock;
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "Ingress",
    metadata: { name, namespace: extra.namespace ?? "default", creationTimestamp: new Date(Date.UTC(2025, 0, 1, 0, 0, created)).toISOString(), annotations: extra.annotations },
    spec,
  };
}
const backend = (service: string, port: number | string = 80) => ({ service: { name: service, port: typeof port === "number" ? { number: port } : { name: port } } });
function rule(host: string | undefined, ...paths: Array<[string, string, string]>): IngressRule {
  return { ...(host ? { host } : {}), http: { paths: paths.map(([pathType, path, svc]) => ({ pathType, path, backend: backend(svc) })) } };
}
const service = (ings: Ingress[], host: string, path: string) => routeIngressRequest(ings, host, path)?.service;

describe("routeIngressRequest: hosts", () => {
  const ings = [
    ingress("a", { rules: [rule("foo.example.com", ["Prefix", "/", "foo"]), rule("*.example.com", ["Prefix", "/", "wild"])] }),
    ingress("b", { rules: [rule(undefined, ["Prefix", "/", "any-host"])] }),
  ];

  it("routes an exact host to its rule, ignoring the port and case of the Host header", () => {
    expect(service(ings, "foo.example.com", "/")).toBe("foo");
    expect(service(ings, "FOO.Example.com:8080", "/x")).toBe("foo");
  });

  it("matches a wildcard host by exactly one label", () => {
    expect(service(ings, "bar.example.com", "/")).toBe("wild");
    expect(service(ings, "a.bar.example.com", "/")).toBe("any-host");
    expect(service(ings, "example.com", "/")).toBe("any-host");
  });

  it("prefers the exact host over the wildcard", () => {
    expect(service(ings, "foo.example.com", "/")).toBe("foo");
  });

  it("sends unknown hosts (and IPs) to the rules without a host", () => {
    expect(service(ings, "192.168.49.2", "/")).toBe("any-host");
    expect(service(ings, "other.test", "/deep/path")).toBe("any-host");
  });

  it("answers 404 (no target) when nothing matches", () => {
    expect(routeIngressRequest([ingress("c", { rules: [rule("only.test", ["Exact", "/a", "svc"])] })], "else.test", "/a")).toBeUndefined();
    expect(ingressNginx404Body).toBe(
      "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
    );
  });

  it("keeps a matched host's requests on its server: the rules without a host do not apply", () => {
    const two = [ingress("h", { rules: [rule("app.test", ["Prefix", "/api", "api"])] }), ingress("n", { rules: [rule(undefined, ["Prefix", "/", "catch"])] })];
    expect(service(two, "app.test", "/api/v1")).toBe("api");
    expect(routeIngressRequest(two, "app.test", "/")).toBeUndefined();
  });
});

describe("routeIngressRequest: paths", () => {
  const ings = [
    ingress("p", {
      rules: [
        rule(
          "p.test",
          ["Prefix", "/foo", "foo-prefix"],
          ["Exact", "/foo", "foo-exact"],
          ["Prefix", "/foo/bar", "foobar-prefix"],
          ["Prefix", "/", "root"],
          ["ImplementationSpecific", "/img", "images"],
          ["Prefix", "/slash/", "slash"],
        ),
      ],
    }),
  ];

  it("Exact beats Prefix for the same path", () => {
    expect(service(ings, "p.test", "/foo")).toBe("foo-exact");
  });

  it("Prefix matches by path elements, the longest winning", () => {
    expect(service(ings, "p.test", "/foo/")).toBe("foo-prefix");
    expect(service(ings, "p.test", "/foo/baz")).toBe("foo-prefix");
    expect(service(ings, "p.test", "/foo/bar")).toBe("foobar-prefix");
    expect(service(ings, "p.test", "/foo/bar/baz")).toBe("foobar-prefix");
    expect(service(ings, "p.test", "/foo/barbaz")).toBe("foo-prefix");
    expect(service(ings, "p.test", "/foobar")).toBe("root");
  });

  it("ignores a trailing slash of a Prefix rule and the query of the request", () => {
    expect(service(ings, "p.test", "/slash")).toBe("slash");
    expect(service(ings, "p.test", "/slash/x?y=/z")).toBe("slash");
    expect(service(ings, "p.test", "/foo?x=1")).toBe("foo-exact");
  });

  it("ImplementationSpecific is nginx's string prefix", () => {
    expect(service(ings, "p.test", "/img")).toBe("images");
    expect(service(ings, "p.test", "/img/a.png")).toBe("images");
    expect(service(ings, "p.test", "/imgs")).toBe("images");
  });

  it("Exact matches only itself", () => {
    const exact = [ingress("e", { rules: [rule("e.test", ["Exact", "/only", "only"])] })];
    expect(service(exact, "e.test", "/only")).toBe("only");
    expect(routeIngressRequest(exact, "e.test", "/only/")).toBeUndefined();
    expect(routeIngressRequest(exact, "e.test", "/")).toBeUndefined();
  });

  it("returns the namespace, the port by name or number, and the Ingress", () => {
    const ing = ingress("ports", { rules: [{ host: "x.test", http: { paths: [{ path: "/n", pathType: "Prefix", backend: backend("web", "http") }, { path: "/", pathType: "Prefix", backend: backend("web", 8080) }] } }] }, { namespace: "shop" });
    expect(routeIngressRequest([ing], "x.test", "/n/1")).toEqual({ namespace: "shop", service: "web", port: { name: "http" }, ingress: "shop/ports", via: "rule" });
    expect(routeIngressRequest([ing], "x.test", "/")).toEqual({ namespace: "shop", service: "web", port: { number: 8080 }, ingress: "shop/ports", via: "rule" });
  });

  it("skips paths whose backend is a resource", () => {
    const ing = ingress("r", { rules: [{ host: "r.test", http: { paths: [{ path: "/", pathType: "Prefix", backend: { resource: { kind: "StorageBucket", name: "b" } } }] } }] });
    expect(routeIngressRequest([ing], "r.test", "/")).toBeUndefined();
  });
});

describe("routeIngressRequest: several Ingresses and default backends", () => {
  it("merges the rules of several Ingresses for one host", () => {
    const ings = [ingress("one", { rules: [rule("shop.test", ["Prefix", "/cart", "cart"])] }), ingress("two", { rules: [rule("shop.test", ["Prefix", "/pay", "pay"])] })];
    expect(service(ings, "shop.test", "/cart/1")).toBe("cart");
    expect(service(ings, "shop.test", "/pay")).toBe("pay");
  });

  it("gives a path claimed twice to the oldest Ingress, whatever the order given", () => {
    const newer = ingress("newer", { rules: [rule("dup.test", ["Prefix", "/", "newer"])] }, { created: 50 });
    const older = ingress("older", { rules: [rule("dup.test", ["Prefix", "/", "older"])] }, { created: 40 });
    expect(service([newer, older], "dup.test", "/")).toBe("older");
    expect(service([older, newer], "dup.test", "/")).toBe("older");
  });

  it("answers a host's unmatched paths with the defaultBackend of the Ingress that declared the host", () => {
    const ings = [ingress("d", { defaultBackend: backend("fallback"), rules: [rule("d.test", ["Exact", "/x", "x"])] })];
    expect(routeIngressRequest(ings, "d.test", "/other")).toMatchObject({ service: "fallback", via: "defaultBackend" });
    // A defaultBackend beside rules does not take over the catch-all server.
    expect(routeIngressRequest(ings, "unknown.test", "/")).toBeUndefined();
  });

  it("uses the defaultBackend of an Ingress without rules for every unmatched host", () => {
    const ings = [ingress("only-default", { defaultBackend: backend("everything", 8080) }), ingress("h", { rules: [rule("h.test", ["Prefix", "/", "h"])] })];
    expect(routeIngressRequest(ings, "anything.test", "/a/b")).toMatchObject({ service: "everything", port: { number: 8080 }, via: "defaultBackend" });
    expect(service(ings, "h.test", "/")).toBe("h");
  });
});

describe("ingressNginxIngresses", () => {
  const nginxClass: IngressClass = { metadata: { name: "nginx" }, spec: { controller: "k8s.io/ingress-nginx" } };
  const otherClass: IngressClass = { metadata: { name: "traefik" }, spec: { controller: "traefik.io/ingress-controller" } };
  const spec = { defaultBackend: backend("web") };

  it("keeps Ingresses of a class of its controller, of the legacy annotation nginx, or of no class", () => {
    const ings = [
      ingress("mine", { ...spec, ingressClassName: "nginx" }),
      ingress("theirs", { ...spec, ingressClassName: "traefik" }),
      ingress("missing-class", { ...spec, ingressClassName: "gone" }),
      ingress("legacy", spec, { annotations: { "kubernetes.io/ingress.class": "nginx" } }),
      ingress("legacy-other", spec, { annotations: { "kubernetes.io/ingress.class": "traefik" } }),
      ingress("classless", spec),
    ];
    expect(ingressNginxIngresses(ings, [nginxClass, otherClass]).map((i) => i.metadata.name)).toEqual(["mine", "legacy", "classless"]);
  });
});
