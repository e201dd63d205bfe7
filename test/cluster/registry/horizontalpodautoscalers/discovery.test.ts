// HorizontalPodAutoscaler as kubectl discovers and explains it: autoscaling/v2 (preferred) and v1, namespaced, short
// name hpa, in the `all` category after the apps kinds, with a status subresource.
import { describe, expect, it } from "vitest";
import { aggregatedDiscovery, apiResourceList } from "../../../../src/cluster/apiserver/discovery";
import { openapiV3Document } from "../../../../src/cluster/apiserver/openapi/documents";
import { ResourceTable } from "../../../../src/cluster/registry/resource-table";
import { resources } from "../../../../src/cluster/registry/resources";

const table = new ResourceTable(resources);

describe("HorizontalPodAutoscaler discovery and OpenAPI", () => {
  it("is served as autoscaling/v2 and v1 horizontalpodautoscalers with the status subresource", () => {
    const doc = aggregatedDiscovery(table, "v2", false);
    const group = doc.items.find((i) => i.metadata.name === "autoscaling")!;
    expect(group.versions.map((v) => v.version)).toEqual(["v2", "v1"]);
    expect(group.versions[1].resources[0].responseKind).toEqual({ group: "autoscaling", version: "v1", kind: "HorizontalPodAutoscaler" });
    expect(group.versions[0].resources).toEqual([
      expect.objectContaining({
        resource: "horizontalpodautoscalers",
        responseKind: { group: "autoscaling", version: "v2", kind: "HorizontalPodAutoscaler" },
        scope: "Namespaced",
        singularResource: "horizontalpodautoscaler",
        shortNames: ["hpa"],
        categories: ["all"],
        verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"],
      }),
    ]);
    expect(apiResourceList(table, "autoscaling", "v2")!.resources.map((r) => r.name)).toEqual([
      "horizontalpodautoscalers",
      "horizontalpodautoscalers/status",
    ]);
    expect(apiResourceList(table, "autoscaling", "v1")!.resources.map((r) => r.name)).toEqual([
      "horizontalpodautoscalers",
      "horizontalpodautoscalers/status",
    ]);
  });

  it("publishes the schema kubectl explain reads", () => {
    const doc = openapiV3Document(resources, "apis/autoscaling/v2") as unknown as { components: { schemas: Record<string, { required?: string[]; properties: Record<string, Record<string, unknown>> }> } };
    const spec = doc.components.schemas["io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerSpec"];
    expect(spec.required).toEqual(["scaleTargetRef", "maxReplicas"]);
    expect(spec.properties.metrics["x-kubernetes-list-type"]).toBe("atomic");
    const status = doc.components.schemas["io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerStatus"];
    expect(status.required).toEqual(["desiredReplicas"]);
    expect(status.properties.conditions["x-kubernetes-list-map-keys"]).toEqual(["type"]);
    expect(doc.components.schemas["io.k8s.api.autoscaling.v2.HPAScalingRules"]).toBeDefined();
    const v1 = openapiV3Document(resources, "apis/autoscaling/v1") as unknown as { components: { schemas: Record<string, { properties: Record<string, unknown> }> } };
    expect(Object.keys(v1.components.schemas["io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerSpec"].properties)).toEqual([
      "scaleTargetRef",
      "minReplicas",
      "maxReplicas",
      "targetCPUUtilizationPercentage",
    ]);
  });
});
