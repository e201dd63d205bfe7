import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  contentHash,
  openapiV3Document,
  openapiV3DocumentJSON,
  openapiV3Hash,
  openapiV3Index,
} from "../../../../src/cluster/apiserver/openapi/documents";
import type { ResourceDef } from "../../../../src/cluster/registry/types";
import { deploymentsDef, miniResources, namespacesDef, podsDef } from "./mini-schemas";

type Json = Record<string, any>;
const core = () => openapiV3Document(miniResources, "api/v1") as Json;
const apps = () => openapiV3Document(miniResources, "apis/apps/v1") as Json;
const POD_GVK = { group: "", version: "v1", kind: "Pod" };

describe("openapiV3Index", () => {
  it("lists each served group-version, core first, with a hashed root-relative URL", () => {
    const index = openapiV3Index(miniResources);
    expect(Object.keys(index.paths)).toEqual(["api/v1", "apis/apps/v1"]);
    expect(index.paths["api/v1"].serverRelativeURL).toBe(`/openapi/v3/api/v1?hash=${openapiV3Hash(miniResources, "api/v1")}`);
    expect(index.paths["apis/apps/v1"].serverRelativeURL).toMatch(/^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]{16}$/);
  });

  it("takes the hash from the given function", () => {
    const index = openapiV3Index(miniResources, (gv) => (gv === "api/v1" ? "ABC" : undefined));
    expect(index.paths["api/v1"].serverRelativeURL).toBe("/openapi/v3/api/v1?hash=ABC");
    expect(index.paths["apis/apps/v1"].serverRelativeURL).toBe("/openapi/v3/apis/apps/v1");
  });
});

describe("openapiV3Document", () => {
  it("returns undefined for a group-version nothing is served in", () => {
    expect(openapiV3Document(miniResources, "apis/batch/v1")).toBeUndefined();
    expect(openapiV3DocumentJSON(miniResources, "apis/batch/v1")).toBeUndefined();
  });

  it("is an OpenAPI 3.0.0 document titled Kubernetes", () => {
    expect(core().openapi).toBe("3.0.0");
    expect(core().info).toEqual({ title: "Kubernetes", version: "v1.33.0" });
  });

  it("declares fieldValidation on the kind's PATCH, tagged with its GVK (kubectl's server-side validation check)", () => {
    const patch = core().paths["/api/v1/namespaces/{namespace}/pods/{name}"].patch;
    expect(patch["x-kubernetes-action"]).toBe("patch");
    expect(patch["x-kubernetes-group-version-kind"]).toEqual(POD_GVK);
    expect(patch.parameters).toContainEqual(expect.objectContaining({ name: "fieldValidation", in: "query" }));
    expect(patch.operationId).toBe("patchCoreV1NamespacedPod");
  });

  it("declares fieldValidation on every PATCH of the GVK, subresources included (kubectl checks the first one it finds)", () => {
    const patches = Object.values(core().paths as Json)
      .map((item) => item.patch)
      .filter((op) => op && op["x-kubernetes-group-version-kind"].kind === "Pod");
    expect(patches).toHaveLength(2);
    for (const op of patches) expect(op.parameters.map((p: Json) => p.name)).toEqual(["dryRun", "fieldManager", "fieldValidation", "force"]);
  });

  it("accepts the four patch content types on PATCH", () => {
    const body = core().paths["/api/v1/namespaces/{namespace}/pods/{name}"].patch.requestBody;
    expect(Object.keys(body.content).sort()).toEqual([
      "application/apply-patch+yaml",
      "application/json-patch+json",
      "application/merge-patch+json",
      "application/strategic-merge-patch+json",
    ]);
  });

  it("declares dryRun, fieldManager and fieldValidation on POST and PUT", () => {
    const paths = core().paths;
    for (const op of [paths["/api/v1/namespaces/{namespace}/pods"].post, paths["/api/v1/namespaces/{namespace}/pods/{name}"].put]) {
      expect(op.parameters.map((p: Json) => p.name)).toEqual(["dryRun", "fieldManager", "fieldValidation"]);
    }
  });

  it("maps verbs to operations with Kubernetes' x-kubernetes-action values", () => {
    const paths = core().paths;
    const actions = (path: string) =>
      Object.fromEntries(Object.entries(paths[path] as Json).filter(([m]) => m !== "parameters").map(([m, op]) => [m, op["x-kubernetes-action"]]));
    expect(actions("/api/v1/namespaces/{namespace}/pods")).toEqual({ get: "list", post: "create", delete: "deletecollection" });
    expect(actions("/api/v1/namespaces/{namespace}/pods/{name}")).toEqual({ get: "get", put: "put", patch: "patch", delete: "delete" });
    expect(actions("/api/v1/pods")).toEqual({ get: "list" });
    expect(actions("/api/v1/namespaces/{namespace}/pods/{name}/status")).toEqual({ get: "get", put: "put", patch: "patch" });
  });

  it("uses cluster paths for cluster-scoped kinds and only the verbs they serve", () => {
    const paths = core().paths;
    expect(Object.keys(paths)).toEqual([
      "/api/v1/namespaces",
      "/api/v1/namespaces/{namespace}/pods",
      "/api/v1/namespaces/{namespace}/pods/{name}",
      "/api/v1/namespaces/{namespace}/pods/{name}/status",
      "/api/v1/namespaces/{name}",
      "/api/v1/pods",
    ]);
    expect(Object.keys(paths["/api/v1/namespaces"]).sort()).toEqual(["get", "parameters", "post"]);
    expect(paths["/api/v1/namespaces/{name}"].parameters.map((p: Json) => p.name)).toEqual(["name", "pretty"]);
  });

  it("answers list operations with the list kind, and puts the namespace in the path parameters", () => {
    const collection = core().paths["/api/v1/namespaces/{namespace}/pods"];
    expect(collection.get.responses["200"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/io.k8s.api.core.v1.PodList" });
    expect(collection.parameters[0]).toMatchObject({ name: "namespace", in: "path", required: true });
  });

  it("serves the scale subresource as autoscaling/v1 Scale and includes its schema", () => {
    const scale = apps().paths["/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale"];
    expect(scale.patch["x-kubernetes-group-version-kind"]).toEqual({ group: "autoscaling", version: "v1", kind: "Scale" });
    expect(scale.get.responses["200"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/io.k8s.api.autoscaling.v1.Scale" });
    expect(apps().components.schemas["io.k8s.api.autoscaling.v1.Scale"]["x-kubernetes-group-version-kind"]).toEqual([
      { group: "autoscaling", version: "v1", kind: "Scale" },
    ]);
    expect(core().components.schemas["io.k8s.api.autoscaling.v1.Scale"]).toBeUndefined();
  });

  it("holds the kind schemas, what they reference, the list kinds and the meta types, and only this GV's kinds", () => {
    const ids = Object.keys(core().components.schemas);
    for (const id of [
      "io.k8s.api.core.v1.Pod",
      "io.k8s.api.core.v1.PodList",
      "io.k8s.api.core.v1.PodSpec",
      "io.k8s.api.core.v1.Container",
      "io.k8s.api.core.v1.Namespace",
      "io.k8s.apimachinery.pkg.api.resource.Quantity",
      "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta",
      "io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta",
      "io.k8s.apimachinery.pkg.apis.meta.v1.Status",
      "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions",
      "io.k8s.apimachinery.pkg.apis.meta.v1.Patch",
    ]) {
      expect(ids).toContain(id);
    }
    expect(ids).not.toContain("io.k8s.api.apps.v1.Deployment");
  });

  it("leaves no $ref dangling", () => {
    for (const doc of [core(), apps()]) {
      const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
      for (const id of new Set(refs)) expect(doc.components.schemas, id).toHaveProperty([id]);
    }
  });

  it("writes the list kind with items of the kind, ListMeta metadata and the list GVK", () => {
    const list = core().components.schemas["io.k8s.api.core.v1.PodList"];
    expect(list.required).toEqual(["items"]);
    expect(list.properties.items).toMatchObject({ type: "array", items: { allOf: [{ $ref: "#/components/schemas/io.k8s.api.core.v1.Pod" }] } });
    expect(list.properties.metadata.allOf).toEqual([{ $ref: "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta" }]);
    expect(list["x-kubernetes-group-version-kind"]).toEqual([{ group: "", kind: "PodList", version: "v1" }]);
  });

  it("has the Pod schema reference PodSpec with the field's description", () => {
    expect(core().components.schemas["io.k8s.api.core.v1.Pod"].properties.spec).toEqual({
      description: "Specification of the desired behavior of the pod.",
      allOf: [{ $ref: "#/components/schemas/io.k8s.api.core.v1.PodSpec" }],
    });
  });

  it("names and tags a kind whose schema has no id after Kubernetes' conventions, adding its GVK", () => {
    const widgets: ResourceDef = {
      ...namespacesDef,
      group: "rbac.authorization.k8s.io",
      kind: "Widget",
      listKind: "WidgetList",
      resource: "widgets",
      schema: z.object({ apiVersion: z.string().optional() }),
    };
    const doc = openapiV3Document([widgets], "apis/rbac.authorization.k8s.io/v1") as Json;
    expect(doc.components.schemas["io.k8s.api.rbac.v1.Widget"]["x-kubernetes-group-version-kind"]).toEqual([
      { group: "rbac.authorization.k8s.io", kind: "Widget", version: "v1" },
    ]);
    expect(doc.components.schemas["io.k8s.api.rbac.v1.WidgetList"]).toBeDefined();
    const create = doc.paths["/apis/rbac.authorization.k8s.io/v1/widgets"].post;
    expect(create.operationId).toBe("createRbacAuthorizationV1Widget");
    expect(create.tags).toEqual(["rbacAuthorization_v1"]);
  });

  it("is computed once per resource table", () => {
    expect(openapiV3Document(miniResources, "api/v1")).toBe(openapiV3Document(miniResources, "api/v1"));
    expect(openapiV3DocumentJSON(miniResources, "api/v1")).toBe(JSON.stringify(openapiV3Document(miniResources, "api/v1")));
  });

  it("hashes the content: equal tables hash equally, a changed table changes the hash", () => {
    const same = openapiV3Hash([podsDef, namespacesDef, deploymentsDef], "api/v1");
    expect(same).toBe(openapiV3Hash(miniResources, "api/v1"));
    expect(openapiV3Hash([podsDef], "api/v1")).not.toBe(same);
    expect(openapiV3Hash(miniResources, "apis/apps/v1")).toBe(openapiV3Hash([deploymentsDef], "apis/apps/v1"));
  });
});

describe("contentHash", () => {
  it("is 16 uppercase hex digits, deterministic and sensitive to every character", () => {
    expect(contentHash("abc")).toMatch(/^[0-9A-F]{16}$/);
    expect(contentHash("abc")).toBe(contentHash("abc"));
    expect(contentHash("abc")).not.toBe(contentHash("abd"));
    // FNV-1a 32 of "" is its offset basis; djb2 of "" is 5381.
    expect(contentHash("")).toBe("811C9DC500001505");
  });
});
