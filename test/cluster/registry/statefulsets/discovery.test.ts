// StatefulSet as kubectl discovers and explains it: apps/v1 statefulsets, namespaced, short name sts, category all,
// the scale and status subresources, and its OpenAPI schema.
import { describe, expect, it } from "vitest";
import { aggregatedDiscovery, apiResourceList } from "../../../../src/cluster/apiserver/discovery";
import { openapiV3Document } from "../../../../src/cluster/apiserver/openapi/documents";
import { ResourceTable } from "../../../../src/cluster/registry/resource-table";
import { resources } from "../../../../src/cluster/registry/resources";

type Json = Record<string, any>;
const table = new ResourceTable(resources);

describe("StatefulSet discovery and OpenAPI", () => {
  it("is served as apps/v1 statefulsets with sts, all, scale and status", () => {
    const doc = aggregatedDiscovery(table, "v2", false);
    const apps = doc.items.find((i) => i.metadata.name === "apps")!;
    const sts = apps.versions[0].resources.find((r) => r.resource === "statefulsets")!;
    expect(sts).toMatchObject({
      responseKind: { group: "apps", version: "v1", kind: "StatefulSet" },
      scope: "Namespaced",
      singularResource: "statefulset",
      shortNames: ["sts"],
      categories: ["all"],
      verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"],
    });
    expect(((sts as Json).subresources ?? []).map((s: Json) => s.subresource).sort()).toEqual(["scale", "status"]);
    expect(apiResourceList(table, "apps", "v1")!.resources.map((r) => r.name)).toEqual(expect.arrayContaining(["statefulsets", "statefulsets/scale", "statefulsets/status"]));
  });

  it("publishes the schema kubectl explain reads", () => {
    const doc = openapiV3Document(resources, "apis/apps/v1") as Json;
    const spec = doc.components.schemas["io.k8s.api.apps.v1.StatefulSetSpec"];
    expect(spec.required).toEqual(["selector", "template"]);
    expect(Object.keys(spec.properties)).toEqual([
      "replicas", "selector", "template", "volumeClaimTemplates", "serviceName", "podManagementPolicy", "updateStrategy",
      "revisionHistoryLimit", "minReadySeconds", "persistentVolumeClaimRetentionPolicy", "ordinals",
    ]);
    expect(spec.properties.volumeClaimTemplates.items.$ref).toBe("#/components/schemas/io.k8s.api.core.v1.PersistentVolumeClaim");
    const status = doc.components.schemas["io.k8s.api.apps.v1.StatefulSetStatus"];
    expect(status.required).toEqual(["replicas", "availableReplicas"]);
    expect(doc.components.schemas["io.k8s.api.apps.v1.StatefulSet"]["x-kubernetes-group-version-kind"]).toEqual([{ group: "apps", version: "v1", kind: "StatefulSet" }]);
  });
});
