import { describe, expect, it } from "vitest";
import { aggregatedContentType, aggregatedDiscovery, apiResourceList, negotiateAggregated } from "../../../src/cluster/apiserver/discovery";
import { ResourceTable } from "../../../src/cluster/registry/resource-table";
import { resources } from "../../../src/cluster/registry/resources";

const table = new ResourceTable(resources);

describe("aggregated discovery negotiation", () => {
  it("prefers v2, falls back to v2beta1 (kubectl 1.27-1.29), else legacy", () => {
    const v130 = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";
    const v127 = "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";
    expect(negotiateAggregated(v130)).toBe("v2");
    expect(negotiateAggregated(v127)).toBe("v2beta1");
    expect(negotiateAggregated("application/json, */*")).toBeUndefined();
    expect(aggregatedContentType("v2beta1")).toBe("application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList");
  });

  it("lists the core group alone under /api with short names, categories and subresources", () => {
    const doc = aggregatedDiscovery(table, "v2", true);
    expect(doc.items.map((i) => i.metadata.name)).toEqual([""]);
    const pods = doc.items[0].versions[0].resources.find((r) => r.resource === "pods")!;
    expect(pods).toMatchObject({ scope: "Namespaced", shortNames: ["po"], categories: ["all"], singularResource: "pod" });
    expect((pods.subresources as Array<{ subresource: string }>).map((s) => s.subresource)).toContain("eviction");
  });

  it("serves /api/v1 with pods/eviction in group policy (drain's eviction check)", () => {
    const list = apiResourceList(table, "", "v1")!;
    expect(list.resources).toContainEqual(expect.objectContaining({ name: "pods/eviction", group: "policy", version: "v1", kind: "Eviction" }));
    expect(apiResourceList(table, "nope", "v1")).toBeUndefined();
  });
});
