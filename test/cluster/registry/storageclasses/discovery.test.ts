// StorageClass as kubectl discovers and explains it: api-resources (storage.k8s.io/v1, cluster-scoped, short name
// sc) and the OpenAPI v3 document of its group-version.
import { describe, expect, it } from "vitest";
import { aggregatedDiscovery, apiResourceList } from "../../../../src/cluster/apiserver/discovery";
import { openapiV3Document, openapiV3Index } from "../../../../src/cluster/apiserver/openapi/documents";
import { ResourceTable } from "../../../../src/cluster/registry/resource-table";
import { resources } from "../../../../src/cluster/registry/resources";

type Json = Record<string, any>;
const table = new ResourceTable(resources);

describe("StorageClass discovery and OpenAPI", () => {
  it("is served as storage.k8s.io/v1 storageclasses, cluster-scoped, short name sc, with every verb", () => {
    const doc = aggregatedDiscovery(table, "v2", false);
    const group = doc.items.find((i) => i.metadata.name === "storage.k8s.io")!;
    expect(group.versions.map((v) => v.version)).toEqual(["v1"]);
    expect(group.versions[0].resources).toEqual([
      expect.objectContaining({
        resource: "storageclasses",
        responseKind: { group: "storage.k8s.io", version: "v1", kind: "StorageClass" },
        scope: "Cluster",
        singularResource: "storageclass",
        shortNames: ["sc"],
        verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"],
      }),
    ]);
    expect(apiResourceList(table, "storage.k8s.io", "v1")!.resources).toContainEqual(
      expect.objectContaining({ name: "storageclasses", namespaced: false, kind: "StorageClass", shortNames: ["sc"] }),
    );
  });

  it("publishes the schema kubectl explain reads, provisioner required", () => {
    expect(Object.keys(openapiV3Index(resources).paths)).toContain("apis/storage.k8s.io/v1");
    const doc = openapiV3Document(resources, "apis/storage.k8s.io/v1") as Json;
    const schema = doc.components.schemas["io.k8s.api.storage.v1.StorageClass"];
    expect(schema.required).toEqual(["provisioner"]);
    expect(Object.keys(schema.properties)).toEqual([
      "apiVersion", "kind", "metadata", "provisioner", "parameters", "reclaimPolicy", "mountOptions", "allowVolumeExpansion",
      "volumeBindingMode", "allowedTopologies",
    ]);
    expect(schema.properties.allowedTopologies["x-kubernetes-list-type"]).toBe("atomic");
    expect(doc.components.schemas["io.k8s.api.core.v1.TopologySelectorTerm"]).toBeDefined();
    expect(doc.components.schemas["io.k8s.api.storage.v1.StorageClassList"]).toBeDefined();
    expect(schema["x-kubernetes-group-version-kind"]).toEqual([{ group: "storage.k8s.io", version: "v1", kind: "StorageClass" }]);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/apis/storage.k8s.io/v1/storageclasses", "/apis/storage.k8s.io/v1/storageclasses/{name}"]));
  });
});
