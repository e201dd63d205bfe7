// What containers read from ConfigMaps and Secrets: data stored before validation refused bad base64 reads as empty
// instead of making the kubelet throw on every retry.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import type { ConfigMap, Node, Secret, Service } from "../../../src/api/schemas";
import { podSources } from "../../../src/cluster/kubelet/pod-sources";
import type { ResourceDef } from "../../../src/cluster/registry/types";

const configMaps = { resource: "configmaps" } as ResourceDef<ConfigMap>;
const secrets = { resource: "secrets" } as ResourceDef<Secret>;
const services = { resource: "services" } as ResourceDef<Service>;

function sources(objects: Record<string, KubeObject>, node?: Node) {
  const registry = {
    tryGet: <T extends KubeObject>(def: ResourceDef<T>, _ns: string | undefined, name: string) =>
      objects[`${def.resource}/${name}`] as T | undefined,
    list: <T extends KubeObject>(def: ResourceDef<T>, ns?: string) =>
      Object.entries(objects)
        .filter(([key, o]) => key.startsWith(`${def.resource}/`) && o.metadata.namespace === ns)
        .map(([, o]) => o as T),
  };
  return podSources(registry, { configMaps, secrets, services }, "default", node);
}

describe("podSources", () => {
  it("decodes binaryData and Secret data", () => {
    const s = sources({
      "configmaps/c": { metadata: { name: "c" }, data: { a: "1" }, binaryData: { b: "aGk=" } } as KubeObject,
      "secrets/s": { metadata: { name: "s" }, data: { p: "cGFzcw==" } } as KubeObject,
    });
    expect(s.configMap("c")).toEqual({ a: "1", b: "hi" });
    expect(s.secret("s")).toEqual({ p: "pass" });
  });

  it("reads a value that is not base64 as empty rather than throwing", () => {
    const s = sources({
      "configmaps/c": { metadata: { name: "c" }, binaryData: { b: "not base64!" } } as KubeObject,
      "secrets/s": { metadata: { name: "s" }, data: { p: "%%%" } } as KubeObject,
    });
    expect(s.configMap("c")).toEqual({ b: "" });
    expect(s.secret("s")).toEqual({ p: "" });
  });

  it("lists a namespace's Services and gives the node's kubelet settings: cluster DNS, domain, the node's files", () => {
    const node = { metadata: { name: "worker-2" }, status: { addresses: [{ type: "InternalIP", address: "172.18.0.4" }] } } as Node;
    const s = sources(
      {
        "services/web": { metadata: { name: "web", namespace: "shop" } } as KubeObject,
        "services/kubernetes": { metadata: { name: "kubernetes", namespace: "default" } } as KubeObject,
      },
      node,
    );
    expect(s.services("shop").map((o) => o.metadata.name)).toEqual(["web"]);
    expect(s.network).toMatchObject({ clusterDNS: ["10.96.0.10"], clusterDomain: "cluster.local", nodeName: "worker-2", nodeIP: "172.18.0.4" });
    expect(s.network.nodeHosts).toMatch(/\n172\.18\.0\.4\tworker-2\n$/);
    expect(s.network.nodeResolvConf).toBe("nameserver 172.18.0.1\noptions edns0 trust-ad ndots:0\n");
  });
});
