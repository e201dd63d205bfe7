// Service allocation as the apiserver does it: node ports and cluster IPs unique across Services, 0 as unset, type
// changes that allocate and release, health-check node ports — each refusal with Kubernetes' message.
import { describe, expect, it } from "vitest";
import type { Service } from "../../../../src/api/schemas/core/service";
import { nodeCluster } from "../../../helpers/node-cluster";

const path = "/api/v1/namespaces/default/services";

function setup() {
  const cluster = nodeCluster({ controllers: [] });
  const send = async (method: string, url: string, body: unknown, contentType = "application/json") => {
    const response = await cluster.request(url, { method, body: JSON.stringify(body), headers: { "content-type": contentType } });
    return { status: response.status, body: (await response.json()) as Service & { message?: string } };
  };
  return {
    cluster,
    create: (name: string, spec: Record<string, unknown>) => send("POST", path, { apiVersion: "v1", kind: "Service", metadata: { name }, spec }),
    patch: (name: string, patch: unknown) => send("PATCH", `${path}/${name}`, patch, "application/merge-patch+json"),
    put: (name: string, body: unknown) => send("PUT", `${path}/${name}`, body),
    remove: (name: string) => cluster.request(`${path}/${name}`, { method: "DELETE" }),
  };
}

const web = { selector: { app: "web" }, ports: [{ port: 80 }] };

describe("node ports", () => {
  it("refuses a node port another Service holds, on create and on update", async () => {
    const { create, patch } = setup();
    expect((await create("a", { ...web, type: "NodePort", ports: [{ port: 80, nodePort: 30080 }] })).status).toBe(201);
    const second = await create("b", { ...web, type: "NodePort", ports: [{ port: 80, nodePort: 30080 }] });
    expect(second.status).toBe(422);
    expect(second.body.message).toBe('Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated');
    expect((await create("c", { ...web, type: "NodePort" })).status).toBe(201);
    const moved = await patch("c", { spec: { ports: [{ port: 80, nodePort: 30080 }] } });
    expect(moved.status).toBe(422);
    expect(moved.body.message).toBe('Service "c" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated');
  });

  it("refuses two ports of one Service asking for the same node port", async () => {
    const { create } = setup();
    const both = await create("two", { ...web, type: "NodePort", ports: [{ name: "a", port: 80, nodePort: 30080 }, { name: "b", port: 81, nodePort: 30080 }] });
    expect(both.body.message).toBe('Service "two" is invalid: spec.ports[1].nodePort: Invalid value: 30080: provided port is already allocated');
  });

  it("refuses a node port outside 30000-32767", async () => {
    const { create } = setup();
    const out = await create("far", { ...web, type: "NodePort", ports: [{ port: 80, nodePort: 40000 }] });
    expect(out.body.message).toBe('Service "far" is invalid: spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767');
  });

  it("allocates distinct node ports, and a freed one can be taken again", async () => {
    const { create, remove } = setup();
    const a = (await create("a", { ...web, type: "NodePort" })).body;
    const b = (await create("b", { ...web, type: "NodePort" })).body;
    const pa = a.spec!.ports![0].nodePort!;
    expect(pa).toBeGreaterThanOrEqual(30000);
    expect(b.spec!.ports![0].nodePort).not.toBe(pa);
    await remove("a");
    expect((await create("c", { ...web, type: "NodePort", ports: [{ port: 80, nodePort: pa }] })).status).toBe(201);
  });

  it("treats nodePort 0 as unset, also on a ClusterIP Service", async () => {
    const { create } = setup();
    const plain = await create("plain", { ...web, ports: [{ port: 80, nodePort: 0 }] });
    expect(plain.status).toBe(201);
    expect(plain.body.spec!.ports![0].nodePort).toBeUndefined();
    const np = await create("np", { ...web, type: "NodePort", ports: [{ port: 80, nodePort: 0 }] });
    expect(np.body.spec!.ports![0].nodePort).toBeGreaterThanOrEqual(30000);
  });

  it("still forbids a real node port on a ClusterIP Service", async () => {
    const { create } = setup();
    const bad = await create("bad", { ...web, ports: [{ port: 80, nodePort: 30080 }] });
    expect(bad.body.message).toBe("Service \"bad\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'");
  });

  it("allocates on ClusterIP → NodePort and releases on NodePort → ClusterIP", async () => {
    const { create, patch } = setup();
    await create("web", web);
    const up = await patch("web", { spec: { type: "NodePort" } });
    const port = up.body.spec!.ports![0].nodePort!;
    expect(port).toBeGreaterThanOrEqual(30000);
    expect(up.body.spec!.externalTrafficPolicy).toBe("Cluster");
    const down = await patch("web", { spec: { type: "ClusterIP" } });
    expect(down.status).toBe(200);
    expect(down.body.spec!.ports![0].nodePort).toBeUndefined();
    expect(down.body.spec!.externalTrafficPolicy).toBeUndefined();
    expect((await create("other", { ...web, type: "NodePort", ports: [{ port: 80, nodePort: port }] })).status).toBe(201);
  });

  it("keeps a node port a PUT leaves out (matched by port name)", async () => {
    const { create, put } = setup();
    const created = (await create("web", { ...web, type: "NodePort" })).body;
    const port = created.spec!.ports![0].nodePort;
    const replaced = await put("web", { ...created, spec: { ...created.spec, ports: [{ port: 80, protocol: "TCP", targetPort: 80 }] } });
    expect(replaced.status).toBe(200);
    expect(replaced.body.spec!.ports![0].nodePort).toBe(port);
  });

  it("allocates none for a LoadBalancer with allocateLoadBalancerNodePorts false, but honours a request", async () => {
    const { create } = setup();
    const lb = await create("lb", { ...web, type: "LoadBalancer", allocateLoadBalancerNodePorts: false, ports: [{ name: "a", port: 80 }, { name: "b", port: 81, nodePort: 30081 }] });
    expect(lb.status).toBe(201);
    expect(lb.body.spec!.ports!.map((p) => p.nodePort)).toEqual([undefined, 30081]);
  });

  it("gives a Local LoadBalancer a health-check node port, dropped when the policy goes back to Cluster", async () => {
    const { create, patch } = setup();
    const lb = await create("lb", { ...web, type: "LoadBalancer", externalTrafficPolicy: "Local" });
    const health = lb.body.spec!.healthCheckNodePort!;
    expect(health).toBeGreaterThanOrEqual(30000);
    expect(health).not.toBe(lb.body.spec!.ports![0].nodePort);
    const moved = await patch("lb", { spec: { healthCheckNodePort: health + 1 } });
    expect(moved.body.message).toBe('Service "lb" is invalid: spec.healthCheckNodePort: Forbidden: field is immutable');
    const cluster = await patch("lb", { spec: { externalTrafficPolicy: "Cluster" } });
    expect(cluster.body.spec!.healthCheckNodePort).toBeUndefined();
    const taken = await create("lb2", { ...web, type: "LoadBalancer", externalTrafficPolicy: "Local", healthCheckNodePort: lb.body.spec!.ports![0].nodePort });
    expect(taken.status).toBe(500);
    expect(taken.body.message).toBe(`Internal error occurred: failed to allocate requested HealthCheck NodePort ${lb.body.spec!.ports![0].nodePort}: provided port is already allocated`);
  });

  it("refuses the fields of other types", async () => {
    const { create } = setup();
    expect((await create("a", { ...web, externalTrafficPolicy: "Local" })).body.message).toBe(
      'Service "a" is invalid: spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services',
    );
    expect((await create("b", { ...web, type: "NodePort", healthCheckNodePort: 30500 })).body.message).toBe(
      "Service \"b\" is invalid: spec.healthCheckNodePort: Invalid value: 30500: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
    );
    expect((await create("c", { ...web, allocateLoadBalancerNodePorts: true })).body.message).toBe(
      "Service \"c\" is invalid: spec.allocateLoadBalancerNodePorts: Forbidden: may only be used when `type` is 'LoadBalancer'",
    );
    expect((await create("d", { ...web, loadBalancerClass: "example.com/lb" })).body.message).toBe(
      "Service \"d\" is invalid: spec.loadBalancerClass: Forbidden: may only be used when `type` is 'LoadBalancer'",
    );
  });
});

describe("cluster IPs", () => {
  it("refuses a cluster IP another Service holds", async () => {
    const { create } = setup();
    expect((await create("a", { ...web, clusterIP: "10.96.0.50" })).status).toBe(201);
    const taken = await create("b", { ...web, clusterIP: "10.96.0.50" });
    expect(taken.status).toBe(422);
    expect(taken.body.message).toBe('Service "b" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.50"}: failed to allocate IP 10.96.0.50: provided IP is already allocated');
  });

  it("refuses the address of a bootstrap Service (kube-dns)", async () => {
    const { create } = setup();
    const taken = await create("dns", { ...web, clusterIP: "10.96.0.10" });
    expect(taken.body.message).toMatch(/failed to allocate IP 10\.96\.0\.10: provided IP is already allocated$/);
  });

  it("refuses an address outside the service CIDR as a 1.33 apiserver does", async () => {
    const { create } = setup();
    const out = await create("out", { ...web, clusterIP: "10.0.0.5" });
    expect(out.body.message).toBe('Service "out" is invalid: spec.clusterIPs: Invalid value: []string{"10.0.0.5"}: failed to allocate IP 10.0.0.5: the provided network does not match the current range');
  });

  it("refuses an address that is not one", async () => {
    const { create } = setup();
    const bad = await create("bad", { ...web, clusterIP: "10.96.0.300" });
    expect(bad.body.message).toBe('Service "bad" is invalid: spec.clusterIPs[0]: Invalid value: "10.96.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)');
  });

  it("gives back a deleted Service's address", async () => {
    const { create, remove } = setup();
    await create("a", { ...web, clusterIP: "10.96.0.50" });
    await remove("a");
    expect((await create("b", { ...web, clusterIP: "10.96.0.50" })).status).toBe(201);
  });

  it("allocates an address on ExternalName → ClusterIP and releases it the other way", async () => {
    const { create, patch } = setup();
    const a = await create("a", { ...web, clusterIP: "10.96.0.60" });
    expect(a.body.spec!.clusterIPs).toEqual(["10.96.0.60"]);
    const named = await patch("a", { spec: { type: "ExternalName", externalName: "example.com" } });
    expect(named.status).toBe(200);
    expect(named.body.spec!.clusterIP).toBeUndefined();
    expect((await create("b", { ...web, clusterIP: "10.96.0.60" })).status).toBe(201);
    const back = await patch("a", { spec: { type: "ClusterIP", externalName: null } });
    expect(back.status).toBe(200);
    expect(back.body.spec!.clusterIP).toMatch(/^10\.96\.\d+\.\d+$/);
    expect(back.body.spec!.clusterIP).not.toBe("10.96.0.60");
  });

  it("keeps the address on an update and refuses a change", async () => {
    const { create, patch } = setup();
    await create("a", { ...web, clusterIP: "10.96.0.70" });
    expect((await patch("a", { spec: { selector: { app: "other" } } })).body.spec!.clusterIP).toBe("10.96.0.70");
    expect((await patch("a", { spec: { clusterIP: "10.96.0.71", clusterIPs: ["10.96.0.71"] } })).status).toBe(422);
  });
});
