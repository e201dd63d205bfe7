// DefaultIngressClass admission: an Ingress created without a class gets the class annotated as default (the newest
// of several); a named class, the legacy annotation, no default class and updates are left alone.
import { describe, expect, it } from "vitest";
import { nodeCluster, type NodeCluster } from "../../helpers/node-cluster";

const json = { "content-type": "application/json" };
async function send(cluster: NodeCluster, method: string, path: string, body?: unknown): Promise<any> {
  const res = await cluster.request(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: json }) });
  return res.json();
}
const ingresses = "/apis/networking.k8s.io/v1/namespaces/default/ingresses";
const classes = "/apis/networking.k8s.io/v1/ingressclasses";
const ingress = (name: string, extra: { ingressClassName?: string; annotations?: Record<string, string> } = {}) => ({
  apiVersion: "networking.k8s.io/v1",
  kind: "Ingress",
  metadata: { name, ...(extra.annotations ? { annotations: extra.annotations } : {}) },
  spec: { ...(extra.ingressClassName ? { ingressClassName: extra.ingressClassName } : {}), defaultBackend: { service: { name: "web", port: { number: 80 } } } },
});
const ingressClass = (name: string, isDefault: boolean) => ({
  apiVersion: "networking.k8s.io/v1",
  kind: "IngressClass",
  metadata: { name, ...(isDefault ? { annotations: { "ingressclass.kubernetes.io/is-default-class": "true" } } : {}) },
  spec: { controller: `example.com/${name}` },
});

describe("DefaultIngressClass admission", () => {
  it("sets the built-in default class nginx on an Ingress created without one", async () => {
    const cluster = nodeCluster({ spec: { workers: 1 } });
    expect((await send(cluster, "POST", ingresses, ingress("plain"))).spec.ingressClassName).toBe("nginx");
    expect((await send(cluster, "POST", ingresses, ingress("named", { ingressClassName: "other" }))).spec.ingressClassName).toBe("other");
    const legacy = await send(cluster, "POST", ingresses, ingress("legacy", { annotations: { "kubernetes.io/ingress.class": "traefik" } }));
    expect(legacy.spec.ingressClassName).toBeUndefined();
  });

  it("chooses the newest of several default classes, and nothing when none is default", async () => {
    const cluster = nodeCluster({ spec: { workers: 1 } });
    cluster.advance(1000);
    await send(cluster, "POST", classes, ingressClass("newer", true));
    expect((await send(cluster, "POST", ingresses, ingress("a"))).spec.ingressClassName).toBe("newer");
    await send(cluster, "DELETE", `${classes}/newer`);
    await send(cluster, "DELETE", `${classes}/nginx`);
    await send(cluster, "POST", classes, ingressClass("plain", false));
    expect((await send(cluster, "POST", ingresses, ingress("b"))).spec.ingressClassName).toBeUndefined();
  });

  it("leaves updates alone: an Ingress whose class is removed keeps none", async () => {
    const cluster = nodeCluster({ spec: { workers: 1 } });
    const created = await send(cluster, "POST", ingresses, ingress("u"));
    delete created.spec.ingressClassName;
    const updated = await send(cluster, "PUT", `${ingresses}/u`, created);
    expect(updated.spec.ingressClassName).toBeUndefined();
  });
});
