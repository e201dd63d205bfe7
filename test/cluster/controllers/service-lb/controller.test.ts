// LoadBalancer addresses from the sandbox's pool, as MetalLB gives them: assigned, released, requested, events.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../../src/api/object";
import type { Service } from "../../../../src/api/schemas/core/service";
import { ServiceLoadBalancerController } from "../../../../src/cluster/controllers/service-lb/controller";
import { services } from "../../../../src/cluster/registry/services";
import { events } from "../../../../src/cluster/registry/events";
import { nodeCluster } from "../../../helpers/node-cluster";

function setup() {
  const cluster = nodeCluster({ controllers: [new ServiceLoadBalancerController()] });
  const send = async (method: string, url: string, body?: unknown, contentType = "application/json") => {
    const response = await cluster.request(url, body === undefined ? { method } : { method, body: JSON.stringify(body), headers: { "content-type": contentType } });
    cluster.runUntilIdle();
    return response.status;
  };
  const path = "/api/v1/namespaces/default/services";
  return {
    cluster,
    create: (name: string, spec: Record<string, unknown>) =>
      send("POST", path, { apiVersion: "v1", kind: "Service", metadata: { name }, spec: { selector: { app: name }, ports: [{ port: 80 }], ...spec } }),
    patch: (name: string, patch: unknown) => send("PATCH", `${path}/${name}`, patch, "application/merge-patch+json"),
    remove: (name: string) => send("DELETE", `${path}/${name}`),
    ingress: (name: string) => cluster.registry.tryGet(services, "default", name)?.status?.loadBalancer?.ingress,
    messages: (name: string) =>
      cluster.registry
        .list(events, "default")
        .filter((e: KubeObject & { involvedObject?: { name?: string }; reason?: string; message?: string }) => e.involvedObject?.name === name)
        .map((e: KubeObject & { reason?: string; message?: string; type?: string; source?: { component?: string } }) => `${e.type} ${e.reason} ${e.message} (${e.source?.component})`),
  };
}

describe("service-lb controller", () => {
  it("assigns the pool's first free address with MetalLB's event, and kubectl get shows it", async () => {
    const t = setup();
    await t.create("web", { type: "LoadBalancer" });
    expect(t.ingress("web")).toEqual([{ ip: "172.18.255.200", ipMode: "VIP" }]);
    expect(t.messages("web")).toEqual(['Normal IPAllocated Assigned IP ["172.18.255.200"] (metallb-controller)']);
    await t.create("api", { type: "LoadBalancer" });
    expect(t.ingress("api")).toEqual([{ ip: "172.18.255.201", ipMode: "VIP" }]);
    const table = await (await t.cluster.request("/api/v1/namespaces/default/services/web", { headers: { accept: "application/json;as=Table;v=v1;g=meta.k8s.io" } })).json() as { rows: { cells: unknown[] }[] };
    expect(table.rows[0].cells[3]).toBe("172.18.255.200");
  });

  it("leaves ClusterIP, NodePort and other classes' Services alone", async () => {
    const t = setup();
    await t.create("plain", {});
    await t.create("np", { type: "NodePort" });
    await t.create("other", { type: "LoadBalancer", loadBalancerClass: "example.com/cloud" });
    for (const name of ["plain", "np", "other"]) expect(t.ingress(name)).toBeUndefined();
  });

  it("releases the address on delete and on a type change, and a waiting Service then gets it", async () => {
    const t = setup();
    for (let i = 0; i < 51; i++) await t.create(`s${i}`, { type: "LoadBalancer" });
    expect(t.ingress("s50")).toEqual([{ ip: "172.18.255.250", ipMode: "VIP" }]);
    await t.create("late", { type: "LoadBalancer" });
    expect(t.ingress("late")).toBeUndefined();
    expect(t.messages("late")).toEqual(['Warning AllocationFailed Failed to allocate IP for "default/late": no available IPs (metallb-controller)']);
    await t.patch("s3", { spec: { type: "ClusterIP" } });
    expect(t.ingress("s3")).toBeUndefined();
    expect(t.ingress("late")).toEqual([{ ip: "172.18.255.203", ipMode: "VIP" }]);
    await t.create("later", { type: "LoadBalancer" });
    await t.remove("s7");
    expect(t.ingress("later")).toEqual([{ ip: "172.18.255.207", ipMode: "VIP" }]);
  });

  it("honours spec.loadBalancerIP when it is free and in the pool", async () => {
    const t = setup();
    await t.create("web", { type: "LoadBalancer", loadBalancerIP: "172.18.255.240" });
    expect(t.ingress("web")).toEqual([{ ip: "172.18.255.240", ipMode: "VIP" }]);
    await t.create("copy", { type: "LoadBalancer", loadBalancerIP: "172.18.255.240" });
    expect(t.ingress("copy")).toBeUndefined();
    expect(t.messages("copy")).toEqual([
      'Warning AllocationFailed Failed to allocate IP for "default/copy": can\'t change sharing key for "default/copy", address also in use by default/web (metallb-controller)',
    ]);
    await t.create("outside", { type: "LoadBalancer", loadBalancerIP: "192.168.1.10" });
    expect(t.messages("outside")).toEqual(['Warning AllocationFailed Failed to allocate IP for "default/outside": "192.168.1.10" is not allowed in config (metallb-controller)']);
    await t.remove("web");
    expect(t.ingress("copy")).toEqual([{ ip: "172.18.255.240", ipMode: "VIP" }]);
  });

  it("costs nothing once assigned: no timer, nothing due", async () => {
    const t = setup();
    await t.create("web", { type: "LoadBalancer" });
    expect(t.cluster.runOnce()).toBeUndefined();
    const before = t.cluster.store.revision;
    t.cluster.controllers.run(t.cluster.now + 3_600_000);
    expect(t.cluster.store.revision).toBe(before);
    const svc = t.cluster.registry.get(services, "default", "web") as Service;
    expect(svc.status?.loadBalancer?.ingress?.[0].ip).toBe("172.18.255.200");
  });
});
