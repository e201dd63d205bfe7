import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../../src/api/object";
import { printer } from "../../../../src/cluster/registry/services/printer";
import { printer as endpointsPrinter } from "../../../../src/cluster/registry/endpoints/printer";
import { printer as slicePrinter } from "../../../../src/cluster/registry/endpointslices/printer";

const now = Date.parse("2025-06-01T12:00:00Z");
const svc = (spec: Record<string, unknown>, status: Record<string, unknown> = {}): KubeObject => ({
  metadata: { name: "web", creationTimestamp: "2025-06-01T11:15:00Z" },
  spec,
  status,
});

describe("service row", () => {
  it("ClusterIP with several ports and a selector", () => {
    const s = svc({
      type: "ClusterIP",
      clusterIP: "10.96.0.10",
      clusterIPs: ["10.96.0.10"],
      ports: [
        { name: "dns", port: 53, protocol: "UDP" },
        { name: "dns-tcp", port: 53, protocol: "TCP" },
        { name: "metrics", port: 9153, protocol: "TCP" },
      ],
      selector: { "k8s-app": "kube-dns" },
    });
    expect(printer.cells(s, now)).toEqual([
      "web",
      "ClusterIP",
      "10.96.0.10",
      "<none>",
      "53/UDP,53/TCP,9153/TCP",
      "45m",
      "k8s-app=kube-dns",
    ]);
  });

  it("NodePort shows port:nodePort/protocol and externalIPs", () => {
    const s = svc({
      type: "NodePort",
      clusterIPs: ["10.96.1.1"],
      externalIPs: ["1.2.3.4"],
      ports: [{ port: 80, nodePort: 30080, protocol: "TCP" }],
    });
    expect(printer.cells(s, now).slice(1, 5)).toEqual(["NodePort", "10.96.1.1", "1.2.3.4", "80:30080/TCP"]);
  });

  it("LoadBalancer is <pending> until it has an ingress, then lists IPs or hostnames", () => {
    const spec = { type: "LoadBalancer", clusterIPs: ["10.96.1.2"], ports: [{ port: 443, nodePort: 31443, protocol: "TCP" }] };
    expect(printer.cells(svc(spec), now)[3]).toBe("<pending>");
    const ingress = { loadBalancer: { ingress: [{ ip: "203.0.113.9" }, { hostname: "lb.example.com" }] } };
    expect(printer.cells(svc(spec, ingress), now)[3]).toBe("203.0.113.9,lb.example.com");
    expect(printer.cells(svc({ ...spec, externalIPs: ["1.1.1.1"] }, ingress), now)[3]).toBe(
      "203.0.113.9,lb.example.com,1.1.1.1",
    );
  });

  it("ExternalName, headless and port-less services", () => {
    const ext = printer.cells(svc({ type: "ExternalName", externalName: "db.example.com" }), now);
    expect(ext.slice(1, 5)).toEqual(["ExternalName", "<none>", "db.example.com", "<none>"]);
    const headless = printer.cells(svc({ type: "ClusterIP", clusterIPs: ["None"], ports: [] }), now);
    expect(headless.slice(2, 5)).toEqual(["None", "<none>", "<none>"]);
    expect(headless[6]).toBe("<none>");
  });
});

describe("endpoints ENDPOINTS", () => {
  const ep = (subsets: unknown): KubeObject => ({ metadata: { name: "web" }, subsets });
  const addrs = (...ips: string[]) => ips.map((ip) => ({ ip }));

  it("lists up to three ip:port pairs, then + N more...", () => {
    const cell = endpointsPrinter.cells(
      ep([{ addresses: addrs("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5"), ports: [{ port: 80 }] }]),
      now,
    )[1];
    expect(cell).toBe("10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 2 more...");
  });

  it("iterates ports before addresses, brackets IPv6, handles headless and empty", () => {
    expect(
      endpointsPrinter.cells(ep([{ addresses: addrs("10.0.0.1", "10.0.0.2"), ports: [{ port: 80 }, { port: 443 }] }]), now)[1],
    ).toBe("10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 1 more...");
    expect(endpointsPrinter.cells(ep([{ addresses: addrs("fd00::1"), ports: [{ port: 8080 }] }]), now)[1]).toBe("[fd00::1]:8080");
    expect(endpointsPrinter.cells(ep([{ addresses: addrs("10.0.0.7") }]), now)[1]).toBe("10.0.0.7");
    expect(endpointsPrinter.cells(ep(undefined), now)[1]).toBe("<none>");
    expect(endpointsPrinter.cells(ep([{ notReadyAddresses: addrs("10.0.0.8"), ports: [{ port: 80 }] }]), now)[1]).toBe("");
  });
});

describe("endpointslice row", () => {
  it("ADDRESSTYPE, PORTS (number, name or *), ENDPOINTS", () => {
    const slice: KubeObject = {
      metadata: { name: "web-abc12", creationTimestamp: "2025-06-01T11:59:00Z" },
      addressType: "IPv4",
      ports: [{ port: 80, name: "http" }, { name: "named" }, {}],
      endpoints: [{ addresses: ["10.0.0.1"] }, { addresses: ["10.0.0.2", "10.0.0.3"] }, { addresses: ["10.0.0.4"] }],
    };
    expect(slicePrinter.cells(slice, now)).toEqual(["web-abc12", "IPv4", "80,named,*", "10.0.0.1,10.0.0.2,10.0.0.3 + 1 more...", "60s"]);
  });

  it("empty lists read <unset>", () => {
    expect(slicePrinter.cells({ metadata: { name: "s" }, addressType: "IPv4" }, now).slice(2, 4)).toEqual(["<unset>", "<unset>"]);
  });
});
