// PersistentVolume and PersistentVolumeClaim as kubectl discovers and explains them: core/v1, pv cluster-scoped and
// pvc namespaced, each with its status subresource, and their OpenAPI v3 schemas.
import { describe, expect, it } from "vitest";
import { aggregatedDiscovery, apiResourceList } from "../../../../src/cluster/apiserver/discovery";
import { openapiV3Document } from "../../../../src/cluster/apiserver/openapi/documents";
import { ResourceTable } from "../../../../src/cluster/registry/resource-table";
import { resources } from "../../../../src/cluster/registry/resources";

type Json = Record<string, any>;
const table = new ResourceTable(resources);

describe("PersistentVolume and PersistentVolumeClaim discovery and OpenAPI", () => {
  it("are served in core/v1 with short names pv and pvc, and a status subresource", () => {
    const core = aggregatedDiscovery(table, "v2", true).items[0];
    const served = core.versions[0].resources;
    const names = served.map((r) => r.resource);
    expect(names.indexOf("persistentvolumeclaims")).toBe(names.indexOf("nodes") + 1);
    expect(names.indexOf("persistentvolumes")).toBe(names.indexOf("persistentvolumeclaims") + 1);
    expect(served.find((r) => r.resource === "persistentvolumes")).toMatchObject({
      scope: "Cluster", shortNames: ["pv"], responseKind: { group: "", version: "v1", kind: "PersistentVolume" },
      subresources: [expect.objectContaining({ subresource: "status" })],
    });
    expect(served.find((r) => r.resource === "persistentvolumeclaims")).toMatchObject({
      scope: "Namespaced", shortNames: ["pvc"], responseKind: { group: "", version: "v1", kind: "PersistentVolumeClaim" },
    });
    expect(apiResourceList(table, "", "v1")!.resources).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: "persistentvolumeclaims/status", kind: "PersistentVolumeClaim" }),
      expect.objectContaining({ name: "persistentvolumes", namespaced: false, shortNames: ["pv"] }),
    ]));
  });

  it("publishes the schemas kubectl explain reads", () => {
    const doc = openapiV3Document(resources, "api/v1") as Json;
    const pv = doc.components.schemas["io.k8s.api.core.v1.PersistentVolumeSpec"];
    expect(Object.keys(pv.properties)).toEqual(expect.arrayContaining(["capacity", "hostPath", "local", "nfs", "csi", "accessModes", "claimRef",
      "persistentVolumeReclaimPolicy", "storageClassName", "mountOptions", "volumeMode", "nodeAffinity"]));
    const status = doc.components.schemas["io.k8s.api.core.v1.PersistentVolumeClaimStatus"];
    expect(Object.keys(status.properties)).toEqual(expect.arrayContaining(["phase", "accessModes", "capacity", "conditions", "allocatedResources"]));
    expect(status.properties.conditions["x-kubernetes-list-map-keys"]).toEqual(["type"]);
    expect(doc.components.schemas["io.k8s.api.core.v1.PersistentVolumeClaim"]["x-kubernetes-group-version-kind"]).toEqual([{ group: "", version: "v1", kind: "PersistentVolumeClaim" }]);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/persistentvolumes/{name}/status", "/api/v1/namespaces/{namespace}/persistentvolumeclaims/{name}"]));
  });
});
