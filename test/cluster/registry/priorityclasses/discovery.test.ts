// PriorityClass as kubectl discovers and explains it: api-resources (scheduling.k8s.io/v1, cluster-scoped, short
// name pc) and the OpenAPI v3 document of its group-version.
import { describe, expect, it } from "vitest";
import { aggregatedDiscovery, apiResourceList } from "../../../../src/cluster/apiserver/discovery";
import { openapiV3Document, openapiV3Index } from "../../../../src/cluster/apiserver/openapi/documents";
import { ResourceTable } from "../../../../src/cluster/registry/resource-table";
import { resources } from "../../../../src/cluster/registry/resources";

type Json = Record<string, any>;
const table = new ResourceTable(resources);

describe("PriorityClass discovery and OpenAPI", () => {
  it("is served as scheduling.k8s.io/v1 priorityclasses, cluster-scoped, short name pc, with every verb", () => {
    const doc = aggregatedDiscovery(table, "v2", false);
    const group = doc.items.find((i) => i.metadata.name === "scheduling.k8s.io")!;
    expect(group.versions.map((v) => v.version)).toEqual(["v1"]);
    expect(group.versions[0].resources).toEqual([
      expect.objectContaining({
        resource: "priorityclasses",
        responseKind: { group: "scheduling.k8s.io", version: "v1", kind: "PriorityClass" },
        scope: "Cluster",
        singularResource: "priorityclass",
        shortNames: ["pc"],
        verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"],
      }),
    ]);
    expect(apiResourceList(table, "scheduling.k8s.io", "v1")!.resources).toContainEqual(
      expect.objectContaining({ name: "priorityclasses", namespaced: false, kind: "PriorityClass", shortNames: ["pc"] }),
    );
  });

  it("publishes the schema kubectl explain reads, value required", () => {
    expect(Object.keys(openapiV3Index(resources).paths)).toContain("apis/scheduling.k8s.io/v1");
    const doc = openapiV3Document(resources, "apis/scheduling.k8s.io/v1") as Json;
    const schema = doc.components.schemas["io.k8s.api.scheduling.v1.PriorityClass"];
    expect(schema.required).toEqual(["value"]);
    expect(Object.keys(schema.properties)).toEqual(["apiVersion", "kind", "metadata", "value", "globalDefault", "description", "preemptionPolicy"]);
    expect(schema.properties.value.type).toBe("integer");
    expect(schema["x-kubernetes-group-version-kind"]).toEqual([{ group: "scheduling.k8s.io", version: "v1", kind: "PriorityClass" }]);
    expect(doc.paths["/apis/scheduling.k8s.io/v1/priorityclasses/{name}"].patch.parameters.map((p: Json) => p.name)).toContain("fieldValidation");
  });
});
