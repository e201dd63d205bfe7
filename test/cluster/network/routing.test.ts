// kube-proxy's choices in the simulated network: endpoints spread per connection, sessionAffinity ClientIP,
// internalTrafficPolicy Local, no endpoints, named targetPorts, NodePorts, load-balancer and external IPs, host ports,
// pod IPs, the hairpin through the client's own Service, and what a replayed connection gets.
import { describe, expect, it } from "vitest";
import type { SimulatedProcess } from "../../../src/container-sim/types";
import { ClusterNetwork } from "../../../src/cluster/network/cluster-network";
import type { Pod } from "../../../src/api/schemas/core/pod";
import { bodyOf, clientOf, get, namespace, node, pod, service, slice, testNetwork, T0 } from "./fixture";

const web1 = pod("web-1", "10.244.1.11", { labels: { app: "web" }, node: "node-a" });
const web2 = pod("web-2", "10.244.2.12", { labels: { app: "web" }, node: "node-b" });
const web3 = pod("web-3", "10.244.2.13", { labels: { app: "web" }, node: "node-b" });
const client = pod("client", "10.244.1.20", { labels: { app: "client" }, node: "node-a", ports: [] });
const web = service("web", { clusterIP: "10.96.0.20", selector: { app: "web" }, ports: [{ name: "http", port: 80, targetPort: "http", protocol: "TCP" }] });
const base = [namespace("default"), node("node-a", "192.168.49.2"), node("node-b", "192.168.49.3"), web1, web2, web3, client];

describe("kube-proxy routing", () => {
  it("spreads connections to a ClusterIP over the ready endpoints, resolving a named targetPort per pod", () => {
    const { net, accepted } = testNetwork([...base, web, slice(web, [web1, web2, web3], [{ name: "http", port: 80 }])]);
    const bodies = new Set<string>();
    for (let i = 0; i < 60; i++) bodies.add(bodyOf(get(net, clientOf(client), "10.96.0.20", 80)));
    expect([...bodies].sort()).toEqual(["web-1:80", "web-2:80", "web-3:80"]);
    for (const name of ["web-1", "web-2", "web-3"]) expect(accepted.get(name)).toBeGreaterThan(5);
  });

  it("resolves a named targetPort against each pod's own container ports", () => {
    const other = pod("web-9", "10.244.1.19", { labels: { app: "web" }, ports: [{ name: "http", containerPort: 8080 }] });
    const { net } = testNetwork([...base, other, web, slice(web, [other], [{ name: "http", port: 80 }])]);
    expect(bodyOf(get(net, clientOf(client), "10.96.0.20", 80))).toBe("web-9:8080");
  });

  it("gives a replayed connection the same endpoint and logs it once", () => {
    const { net } = testNetwork([...base, web, slice(web, [web1, web2, web3], [{ name: "http", port: 80 }])]);
    const first = bodyOf(get(net, clientOf(client), "10.96.0.20", 80, T0 + 5, 7));
    for (let i = 0; i < 5; i++) expect(bodyOf(get(net, clientOf(client), "10.96.0.20", 80, T0 + 5, 7))).toBe(first);
    // A replay started from the status's whole second makes the same connection up to a second earlier.
    expect(bodyOf(get(net, clientOf(client), "10.96.0.20", 80, T0 - 400, 7))).toBe(first);
    const target = first.split(":")[0];
    expect(net.accessLines(`cid-${target}`, 0, Infinity).map((l) => l.text)).toEqual([`10.244.1.20 "GET /" ${target}`]);
    expect(net.accessLines(`cid-${target}`, 0, Infinity)[0]!.atMs).toBe(T0 + 5);
  });

  it("keeps a client on one endpoint with sessionAffinity ClientIP", () => {
    const sticky = service("sticky", { ...web.spec, clusterIP: "10.96.0.21", sessionAffinity: "ClientIP" });
    const { net } = testNetwork([...base, sticky, slice(sticky, [web1, web2, web3], [{ name: "http", port: 80 }])]);
    const bodies = new Set<string>();
    for (let i = 0; i < 20; i++) bodies.add(bodyOf(get(net, clientOf(client), "10.96.0.21", 80)));
    expect(bodies.size).toBe(1);
  });

  it("sends only to endpoints on the client's node with internalTrafficPolicy Local, and drops without one", () => {
    const local = service("local", { ...web.spec, clusterIP: "10.96.0.22", internalTrafficPolicy: "Local" });
    const { net } = testNetwork([...base, local, slice(local, [web1, web2, web3], [{ name: "http", port: 80 }])]);
    for (let i = 0; i < 10; i++) expect(bodyOf(get(net, clientOf(client), "10.96.0.22", 80))).toBe("web-1:80");
    const farClient = pod("far", "10.244.3.30", { node: "node-c", ports: [] });
    const { net: net2 } = testNetwork([...base, farClient, local, slice(local, [web1, web2, web3], [{ name: "http", port: 80 }])]);
    expect(bodyOf(get(net2, clientOf(farClient), "10.96.0.22", 80))).toBe("timeout");
  });

  it("refuses a Service without ready endpoints, and a port the Service does not have", () => {
    const notReady = pod("slow", "10.244.1.40", { labels: { app: "slow" }, ready: false });
    const slow = service("slow", { clusterIP: "10.96.0.23", ports: [{ port: 80, targetPort: 80, protocol: "TCP" }] });
    const { net } = testNetwork([...base, notReady, slow, slice(slow, [notReady], [{ port: 80 }]), web, slice(web, [web1], [{ name: "http", port: 80 }])]);
    expect(bodyOf(get(net, clientOf(client), "10.96.0.23", 80))).toBe("refused");
    expect(bodyOf(get(net, clientOf(client), "10.96.0.20", 8080))).toBe("refused");
  });

  it("uses not-ready endpoints with publishNotReadyAddresses", () => {
    const notReady = pod("slow", "10.244.1.40", { labels: { app: "slow" }, ready: false });
    const slow = service("slow", { clusterIP: "10.96.0.23", publishNotReadyAddresses: true, ports: [{ port: 80, targetPort: 80, protocol: "TCP" }] });
    const { net } = testNetwork([...base, notReady, slow, slice(slow, [notReady], [{ port: 80 }])]);
    expect(bodyOf(get(net, clientOf(client), "10.96.0.23", 80))).toBe("slow:80");
  });

  it("reaches a NodePort on any node's address, masqueraded to the client's node", () => {
    const np = service("np", { type: "NodePort", clusterIP: "10.96.0.24", ports: [{ port: 80, targetPort: 80, nodePort: 30080, protocol: "TCP" }] });
    const { net } = testNetwork([...base, np, slice(np, [web2], [{ port: 80 }])]);
    expect(bodyOf(get(net, clientOf(client), "192.168.49.2", 30080))).toBe("web-2:80");
    expect(bodyOf(get(net, clientOf(client), "192.168.49.3", 30080, T0 + 1, 1001))).toBe("web-2:80");
    expect(net.accessLines("cid-web-2", 0, Infinity).map((l) => l.text.split(" ")[0])).toContain("192.168.49.2");
    expect(bodyOf(get(net, clientOf(client), "192.168.49.3", 30081))).toBe("refused");
  });

  it("reaches a LoadBalancer's ingress IP and a Service's external IP on the service port", () => {
    const lb = service(
      "lb",
      { type: "LoadBalancer", clusterIP: "10.96.0.25", externalIPs: ["203.0.113.7"], ports: [{ port: 8080, targetPort: 80, nodePort: 30081, protocol: "TCP" }] },
      { status: { loadBalancer: { ingress: [{ ip: "172.18.255.200" }] } } },
    );
    const { net } = testNetwork([...base, lb, slice(lb, [web1], [{ port: 80 }])]);
    expect(bodyOf(get(net, clientOf(client), "172.18.255.200", 8080))).toBe("web-1:80");
    expect(bodyOf(get(net, clientOf(client), "203.0.113.7", 8080))).toBe("web-1:80");
    expect(bodyOf(get(net, clientOf(client), "10.96.0.25", 8080))).toBe("web-1:80");
  });

  it("reaches pods by IP, a host port on its node's address, and times out on an address nobody has", () => {
    const hp = pod("hp", "10.244.2.50", { node: "node-b", ports: [{ containerPort: 8080, hostPort: 9000 }] });
    const { net } = testNetwork([...base, hp]);
    expect(bodyOf(get(net, clientOf(client), "10.244.2.12", 80))).toBe("web-2:80");
    expect(bodyOf(get(net, clientOf(client), "10.244.2.12", 81))).toBe("refused");
    expect(bodyOf(get(net, clientOf(client), "192.168.49.3", 9000))).toBe("hp:8080");
    expect(bodyOf(get(net, clientOf(client), "10.244.9.9", 80))).toBe("timeout");
    expect(bodyOf(get(net, clientOf(client), "10.96.99.99", 80))).toBe("timeout");
  });

  it("times out to a pod that has finished", () => {
    const done = pod("done", "10.244.1.60", { phase: "Succeeded" });
    const { net } = testNetwork([...base, done]);
    expect(bodyOf(get(net, clientOf(client), "10.244.1.60", 80))).toBe("timeout");
  });

  it("answers a container reaching itself through its own Service through its loopback", () => {
    const { net, accepted } = testNetwork([...base, web, slice(web, [web1], [{ name: "http", port: 80 }])]);
    expect(bodyOf(get(net, clientOf(web1), "10.96.0.20", 80))).toBe("loopback");
    expect(bodyOf(get(net, clientOf(web1), "localhost", 80))).toBe("loopback");
    expect(bodyOf(get(net, clientOf(web1), "10.244.1.11", 80))).toBe("loopback");
    expect(accepted.get("web-1")).toBeUndefined();
  });

  it("sends addresses outside the cluster to the public internet", () => {
    const { net } = testNetwork(base);
    expect(bodyOf(get(net, clientOf(client), "93.184.215.14", 80))).toContain("<html>");
    expect(bodyOf(get(net, clientOf(client), "198.51.100.1", 80))).toBe("refused");
  });

  it("follows the store: a new endpoint is used without rebuilding anything by hand", () => {
    const t = testNetwork([...base, web, slice(web, [web1], [{ name: "http", port: 80 }])]);
    expect(bodyOf(get(t.net, clientOf(client), "10.96.0.20", 80))).toBe("web-1:80");
    t.put(slice(web, [web2], [{ name: "http", port: 80 }]));
    expect(bodyOf(get(t.net, clientOf(client), "10.96.0.20", 80))).toBe("web-2:80");
    t.remove(web);
    expect(bodyOf(get(t.net, clientOf(client), "10.96.0.20", 80))).toBe("timeout");
  });

  it("does not re-enter a program that is itself connecting: a connection back to it gets no answer", () => {
    const { store } = testNetwork(base);
    let net: ClusterNetwork | undefined;
    const inner: string[] = [];
    // web-2's program, while serving, connects back to the client (whose own connection is under way).
    const process = (p: Pod): SimulatedProcess =>
      ({
        output: () => [],
        accept: (port: number) => {
          if (p.metadata.name === "web-2") inner.push(bodyOf(get(net!, clientOf(web2), "10.244.1.20", 80)));
          return port === 80 ? { answer: { status: 200, body: p.metadata.name! }, log: [] } : undefined;
        },
      }) as unknown as SimulatedProcess;
    net = new ClusterNetwork({ store, processes: { runsOf: (p) => [{ name: "main", containerID: `cid-${p.metadata.name}`, startedAtMs: T0 - 1000, process: () => process(p) }] } });
    expect(bodyOf(get(net, clientOf(client), "10.244.2.12", 80))).toBe("web-2");
    expect(inner).toEqual(["timeout"]);
  });
});
