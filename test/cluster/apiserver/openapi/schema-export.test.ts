import { describe, expect, it } from "vitest";
import { z } from "zod";
import { exportComponentSchemas, schemaIdOf } from "../../../../src/cluster/apiserver/openapi/schema-export";
import { Deployment, Pod } from "./mini-schemas";

const ref = (id: string) => `#/components/schemas/${id}`;

describe("exportComponentSchemas", () => {
  const schemas = exportComponentSchemas({ "io.k8s.api.core.v1.Pod": Pod });

  it("makes every named type its own component, keyed by its meta id", () => {
    expect(Object.keys(schemas)).toEqual([
      "io.k8s.api.core.v1.Container",
      "io.k8s.api.core.v1.ContainerPort",
      "io.k8s.api.core.v1.Pod",
      "io.k8s.api.core.v1.PodSpec",
      "io.k8s.apimachinery.pkg.api.resource.Quantity",
      "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta",
      "io.k8s.apimachinery.pkg.apis.meta.v1.Time",
    ]);
  });

  it("writes a described reference as allOf [$ref] next to the field's description", () => {
    expect(schemas["io.k8s.api.core.v1.Pod"].properties).toMatchObject({
      spec: {
        description: "Specification of the desired behavior of the pod.",
        allOf: [{ $ref: ref("io.k8s.api.core.v1.PodSpec") }],
      },
    });
  });

  it("keeps the kind's description and x-kubernetes-group-version-kind", () => {
    const pod = schemas["io.k8s.api.core.v1.Pod"];
    expect(pod.description).toBe("Pod is a collection of containers that can run on a host.");
    expect(pod["x-kubernetes-group-version-kind"]).toEqual([{ group: "", version: "v1", kind: "Pod" }]);
  });

  it("gives list items a $ref and keeps the patch and list-type extensions", () => {
    const containers = (schemas["io.k8s.api.core.v1.PodSpec"].properties as Record<string, unknown>).containers;
    expect(containers).toEqual({
      type: "array",
      items: { $ref: ref("io.k8s.api.core.v1.Container") },
      description: "List of containers belonging to the pod.",
      "x-kubernetes-list-map-keys": ["name"],
      "x-kubernetes-list-type": "map",
      "x-kubernetes-patch-merge-key": "name",
      "x-kubernetes-patch-strategy": "merge",
    });
  });

  it("lists required fields (non-optional ones) and drops zod's additionalProperties: false", () => {
    expect(schemas["io.k8s.api.core.v1.PodSpec"].required).toEqual(["containers"]);
    expect(schemas["io.k8s.api.core.v1.Container"].required).toEqual(["name"]);
    expect(schemas["io.k8s.api.core.v1.Pod"].required).toBeUndefined();
    expect(JSON.stringify(schemas)).not.toContain('"additionalProperties":false');
  });

  it("writes a map of Quantity as additionalProperties referencing Quantity", () => {
    const container = schemas["io.k8s.api.core.v1.Container"].properties as Record<string, { properties?: Record<string, unknown> }>;
    expect(container.resources.properties?.limits).toEqual({
      type: "object",
      additionalProperties: { $ref: ref("io.k8s.apimachinery.pkg.api.resource.Quantity") },
      description: "Limits describes the maximum amount of compute resources allowed.",
    });
  });

  it("gives Quantity, IntOrString and Time the shapes Kubernetes publishes, keeping their descriptions", () => {
    const withDeployment = exportComponentSchemas({ d: Deployment, p: Pod });
    expect(withDeployment["io.k8s.apimachinery.pkg.api.resource.Quantity"]).toEqual({
      description: "Quantity is a fixed-point representation of a number.",
      oneOf: [{ type: "string" }, { type: "number" }],
    });
    expect(withDeployment["io.k8s.apimachinery.pkg.util.intstr.IntOrString"]).toEqual({
      description: "IntOrString is a type that can hold an int32 or a string.",
      format: "int-or-string",
      oneOf: [{ type: "integer" }, { type: "string" }],
    });
    expect(withDeployment["io.k8s.apimachinery.pkg.apis.meta.v1.Time"]).toEqual({
      description: "Time is a wrapper around time.Time.",
      type: "string",
      format: "date-time",
    });
  });

  it("writes integers without zod's safe-integer bounds", () => {
    const port = schemas["io.k8s.api.core.v1.ContainerPort"].properties as Record<string, unknown>;
    expect(port.containerPort).toEqual({ type: "integer", description: "Number of port to expose on the pod's IP address." });
  });

  it("stores a root without its own id under the given key, inline", () => {
    const anonymous = z.object({ size: z.string().meta({ description: "How big." }) });
    const out = exportComponentSchemas({ "com.example.v1.Widget": anonymous });
    expect(out).toEqual({
      "com.example.v1.Widget": { type: "object", properties: { size: { type: "string", description: "How big." } }, required: ["size"] },
    });
  });

  it("reads a schema's registered id", () => {
    expect(schemaIdOf(Pod)).toBe("io.k8s.api.core.v1.Pod");
    expect(schemaIdOf(z.string())).toBeUndefined();
  });
});

describe("exportComponentSchemas with roots that disagree on a shared id", () => {
  it("still exports every root, keeping the first root's version of the shared type", () => {
    const first = z.object({ a: z.string() }).meta({ id: "com.example.v1.Shared" });
    const second = z.object({ b: z.string() }).meta({ id: "com.example.v1.Shared" });
    const one = z.object({ s: first.optional() }).meta({ id: "com.example.v1.One" });
    const two = z.object({ s: second.optional() }).meta({ id: "com.example.v1.Two" });
    const out = exportComponentSchemas({ one, two });
    expect(Object.keys(out)).toEqual(["com.example.v1.One", "com.example.v1.Shared", "com.example.v1.Two"]);
    expect(out["com.example.v1.Shared"].properties).toEqual({ a: { type: "string" } });
  });
});
