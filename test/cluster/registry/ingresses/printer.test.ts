import { describe, expect, it } from "vitest";
import type { Ingress } from "../../../../src/api/schemas/networking/ingress";
import { printer } from "../../../../src/cluster/registry/ingresses/printer";

const now = Date.parse("2025-06-01T12:00:00Z");
const cells = (spec: Ingress["spec"], status?: Ingress["status"]) =>
  printer.cells({ metadata: { name: "web", namespace: "default", creationTimestamp: "2025-06-01T11:58:00Z" }, spec, status }, now);
const backend = { service: { name: "web", port: { number: 80 } } };

describe("kubectl get ingresses", () => {
  it("prints NAME, CLASS, HOSTS, ADDRESS, PORTS and AGE", () => {
    expect(printer.columns.map((c) => [c.name, c.type, c.priority])).toEqual([
      ["Name", "string", 0],
      ["Class", "string", 0],
      ["Hosts", "string", 0],
      ["Address", "string", 0],
      ["Ports", "string", 0],
      ["Age", "string", 0],
    ]);
    expect(cells({ ingressClassName: "nginx", rules: [{ host: "foo.com", http: { paths: [{ path: "/", pathType: "Prefix", backend }] } }] }, { loadBalancer: { ingress: [{ ip: "192.168.49.2" }] } })).toEqual([
      "web",
      "nginx",
      "foo.com",
      "192.168.49.2",
      "80",
      "2m",
    ]);
  });

  it("shows <none> without a class, * without hosts, 80, 443 with TLS, an empty address before the controller sets it", () => {
    expect(cells({ defaultBackend: backend, tls: [{ secretName: "s" }] }, { loadBalancer: {} })).toEqual(["web", "<none>", "*", "", "80, 443", "2m"]);
    expect(cells({ rules: [{ http: { paths: [] } }, { host: "" }] })[2]).toBe("*");
  });

  it("lists three hosts at most, then how many more rules there are", () => {
    const rules = ["a.com", "b.com", "c.com", "d.com", "e.com"].map((host) => ({ host }));
    expect(cells({ rules })[2]).toBe("a.com,b.com,c.com + 2 more...");
    expect(cells({ rules: rules.slice(0, 3) })[2]).toBe("a.com,b.com,c.com");
    expect(cells({ rules: [{}, { host: "x.com" }] })[2]).toBe("x.com");
  });

  it("joins the load balancer's IPs (else hostnames), unique and sorted", () => {
    expect(cells({ defaultBackend: backend }, { loadBalancer: { ingress: [{ ip: "10.0.0.9" }, { hostname: "lb.example.com" }, { ip: "10.0.0.10" }, { ip: "10.0.0.9" }] } })[3]).toBe(
      "10.0.0.10,10.0.0.9,lb.example.com",
    );
  });
});
