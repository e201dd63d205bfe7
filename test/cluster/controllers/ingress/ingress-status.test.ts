// The built-in ingress controller (ingress-nginx, as minikube's addon): its objects in a new cluster, the address it
// gives the Ingresses it serves (the InternalIP of the node running its Ready pod), its Sync events, and nothing for
// Ingresses of other classes or while nothing changes.
import { describe, expect, it } from "vitest";
import type { Event } from "../../../../src/api/schemas/core/event";
import { events } from "../../../../src/cluster/registry/events";
import { ingresses } from "../../../../src/cluster/registry/ingresses";
import { ingressClasses } from "../../../../src/cluster/registry/ingressclasses";
import { nodes } from "../../../../src/cluster/registry/nodes";
import { pods } from "../../../../src/cluster/registry/pods";
import { services } from "../../../../src/cluster/registry/services";
import { nodeCluster, type NodeCluster } from "../../../helpers/node-cluster";

const json = { "content-type": "application/json" };
async function send(cluster: NodeCluster, method: string, path: string, body?: unknown): Promise<any> {
  const res = await cluster.request(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: json }) });
  return res.json();
}
const ingressPath = "/apis/networking.k8s.io/v1/namespaces/default/ingresses";
const ingress = (name: string, ingressClassName?: string) => ({
  apiVersion: "networking.k8s.io/v1",
  kind: "Ingress",
  metadata: { name },
  spec: { ...(ingressClassName ? { ingressClassName } : {}), rules: [{ host: `${name}.test`, http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "web", port: { number: 80 } } } }] } }] },
});

function settled(workers = 1): NodeCluster {
  const cluster = nodeCluster({ spec: { workers } });
  cluster.runUntilIdle();
  return cluster;
}

function controllerNodeIP(cluster: NodeCluster): string {
  const [pod] = cluster.registry.list(pods, "ingress-nginx");
  const node = cluster.registry.get(nodes, undefined, pod.spec!.nodeName!);
  return node.status!.addresses!.find((a) => a.type === "InternalIP")!.address;
}

function eventsOf(cluster: NodeCluster, name: string): Event[] {
  return cluster.registry.list(events, "default").filter((e) => e.involvedObject?.kind === "Ingress" && e.involvedObject.name === name) as Event[];
}

describe("the built-in ingress controller", () => {
  it("runs in a new cluster as minikube's addon: a default class nginx, a Ready controller pod, a NodePort Service", () => {
    const cluster = settled();
    const nginx = cluster.registry.get(ingressClasses, undefined, "nginx");
    expect(nginx.spec).toEqual({ controller: "k8s.io/ingress-nginx" });
    expect(nginx.metadata.annotations).toEqual({ "ingressclass.kubernetes.io/is-default-class": "true" });
    const [pod, ...others] = cluster.registry.list(pods, "ingress-nginx");
    expect(others).toEqual([]);
    expect(pod.metadata.name).toMatch(/^ingress-nginx-controller-[a-z0-9]+-[a-z0-9]{5}$/);
    expect(pod.metadata.labels).toMatchObject({ "app.kubernetes.io/name": "ingress-nginx", "app.kubernetes.io/component": "controller" });
    expect(pod.spec!.containers[0].image).toMatch(/^registry\.k8s\.io\/ingress-nginx\/controller:v1\.11\.\d+$/);
    expect(pod.spec!.containers[0].ports!.filter((p) => p.hostPort).map((p) => [p.containerPort, p.hostPort])).toEqual([[80, 80], [443, 443]]);
    expect(pod.status!.phase).toBe("Running");
    const service = cluster.registry.get(services, "ingress-nginx", "ingress-nginx-controller");
    expect(service.spec!.type).toBe("NodePort");
    expect(service.spec!.ports!.map((p) => [p.name, p.port, p.targetPort])).toEqual([["http", 80, "http"], ["https", 443, "https"]]);
  });

  it("runs on the control plane of a cluster without workers", () => {
    const cluster = settled(0);
    const [pod] = cluster.registry.list(pods, "ingress-nginx");
    expect(pod.spec!.nodeName).toBe("control-plane");
    expect(pod.status!.phase).toBe("Running");
  });

  it("gives an Ingress of its class the node's address and records Sync twice (added, then its status written)", async () => {
    const cluster = settled();
    await send(cluster, "POST", ingressPath, ingress("shop"));
    cluster.runUntilIdle();
    const shop = cluster.registry.get(ingresses, "default", "shop");
    expect(shop.spec!.ingressClassName).toBe("nginx");
    expect(shop.status).toEqual({ loadBalancer: { ingress: [{ ip: controllerNodeIP(cluster) }] } });
    expect(controllerNodeIP(cluster)).toMatch(/^172\.18\.0\.\d+$/);
    const [sync, ...more] = eventsOf(cluster, "shop");
    expect(more).toEqual([]);
    expect(sync).toMatchObject({ type: "Normal", reason: "Sync", message: "Scheduled for sync", count: 2, source: { component: "nginx-ingress-controller" } });
  });

  it("records Sync again when the Ingress changes, and does nothing more while it does not", async () => {
    const cluster = settled();
    const created = await send(cluster, "POST", ingressPath, ingress("blog"));
    cluster.runUntilIdle();
    const current = cluster.registry.get(ingresses, "default", "blog");
    await send(cluster, "PUT", `${ingressPath}/blog`, { ...current, spec: { ...created.spec, rules: [{ ...created.spec.rules[0], host: "blog2.test" }] } });
    cluster.runUntilIdle();
    expect(eventsOf(cluster, "blog")[0].count).toBe(3);
    const revision = cluster.store.revision;
    expect(cluster.runOnce()).toBeUndefined();
    cluster.advance(3_600_000);
    expect(cluster.store.revision).toBe(revision);
  });

  it("leaves Ingresses of other controllers' classes alone", async () => {
    const cluster = settled();
    await send(cluster, "POST", "/apis/networking.k8s.io/v1/ingressclasses", { metadata: { name: "traefik" }, spec: { controller: "traefik.io/ingress-controller" } });
    await send(cluster, "POST", ingressPath, ingress("other", "traefik"));
    cluster.runUntilIdle();
    expect(cluster.registry.get(ingresses, "default", "other").status).toEqual({ loadBalancer: {} });
    expect(eventsOf(cluster, "other")).toEqual([]);
  });

  it("gives the address once its pod is Ready, when the Ingress came first", async () => {
    const cluster = nodeCluster({ spec: { workers: 1 } });
    await send(cluster, "POST", ingressPath, ingress("early"));
    expect(cluster.registry.get(ingresses, "default", "early").status).toEqual({ loadBalancer: {} });
    cluster.runUntilIdle();
    expect(cluster.registry.get(ingresses, "default", "early").status!.loadBalancer!.ingress).toEqual([{ ip: controllerNodeIP(cluster) }]);
  });
});
