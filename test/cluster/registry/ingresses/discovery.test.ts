// The networking.k8s.io/v1 group as kubectl discovers and explains it: ingressclasses, ingresses (with status) and
// networkpolicies in that order (as a 1.33 apiserver lists them), the group between authorization and policy.
import { describe, expect, it } from "vitest";
import { aggregatedDiscovery, apiResourceList } from "../../../../src/cluster/apiserver/discovery";
import { openapiV3Document } from "../../../../src/cluster/apiserver/openapi/documents";
import { ResourceTable } from "../../../../src/cluster/registry/resource-table";
import { resources } from "../../../../src/cluster/registry/resources";

type Json = Record<string, any>;
const table = new ResourceTable(resources);

describe("networking.k8s.io discovery", () => {
  it("lists the group after authorization and before policy, its resources in the apiserver's order", () => {
    const doc = aggregatedDiscovery(table, "v2", false);
    const names = doc.items.map((i) => i.metadata.name);
    expect(names.indexOf("networking.k8s.io")).toBe(names.indexOf("authorization.k8s.io") + 1);
    expect(names.indexOf("policy")).toBe(names.indexOf("networking.k8s.io") + 1);
    const group = doc.items.find((i) => i.metadata.name === "networking.k8s.io")!;
    expect(group.versions.map((v) => v.version)).toEqual(["v1"]);
    expect(group.versions[0].resources.map((r) => r.resource)).toEqual(["ingressclasses", "ingresses", "networkpolicies"]);
  });

  it("serves Ingress as ingresses, namespaced, short name ing, with a status subresource", () => {
    const list = apiResourceList(table, "networking.k8s.io", "v1")!.resources;
    expect(list).toContainEqual(expect.objectContaining({ name: "ingresses", namespaced: true, kind: "Ingress", shortNames: ["ing"], singularName: "ingress" }));
    expect(list).toContainEqual(expect.objectContaining({ name: "ingresses/status", kind: "Ingress", verbs: ["get", "patch", "update"] }));
    expect(list).toContainEqual(expect.objectContaining({ name: "ingressclasses", namespaced: false, kind: "IngressClass", singularName: "ingressclass" }));
    expect(list).toContainEqual(expect.objectContaining({ name: "networkpolicies", namespaced: true, kind: "NetworkPolicy", shortNames: ["netpol"] }));
  });

  it("publishes the schemas kubectl explain reads", () => {
    const doc = openapiV3Document(resources, "apis/networking.k8s.io/v1") as Json;
    const schemas = doc.components.schemas;
    expect(Object.keys(schemas["io.k8s.api.networking.v1.Ingress"].properties)).toEqual(["apiVersion", "kind", "metadata", "spec", "status"]);
    expect(Object.keys(schemas["io.k8s.api.networking.v1.IngressSpec"].properties)).toEqual(["ingressClassName", "defaultBackend", "tls", "rules"]);
    expect(schemas["io.k8s.api.networking.v1.IngressSpec"].properties.rules["x-kubernetes-list-type"]).toBe("atomic");
    expect(schemas["io.k8s.api.networking.v1.HTTPIngressRuleValue"].required).toEqual(["paths"]);
    expect(schemas["io.k8s.api.networking.v1.IngressServiceBackend"].required).toEqual(["name"]);
    expect(schemas["io.k8s.api.networking.v1.IPBlock"].required).toEqual(["cidr"]);
    expect(Object.keys(schemas["io.k8s.api.networking.v1.NetworkPolicySpec"].properties)).toEqual(["podSelector", "ingress", "egress", "policyTypes"]);
    expect(schemas["io.k8s.api.networking.v1.IngressClass"]["x-kubernetes-group-version-kind"]).toEqual([{ group: "networking.k8s.io", version: "v1", kind: "IngressClass" }]);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/apis/networking.k8s.io/v1/namespaces/{namespace}/ingresses/{name}/status",
        "/apis/networking.k8s.io/v1/ingressclasses/{name}",
        "/apis/networking.k8s.io/v1/namespaces/{namespace}/networkpolicies",
      ]),
    );
  });
});
