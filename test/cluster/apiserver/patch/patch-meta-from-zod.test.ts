import { describe, expect, it } from "vitest";
import { z } from "zod";
import { patchMetaFromZod } from "../../../../src/cluster/apiserver/patch/patch-meta-from-zod";
import { applyStrategicMergePatch } from "../../../../src/cluster/apiserver/patch/strategic-merge-patch";

// Small schemas written the way src/api/schemas writes them.
const EnvVar = z.object({ name: z.string().meta({ description: "name" }), value: z.string().optional() }).meta({ id: "EnvVar", description: "env" });
const ContainerPort = z.object({ containerPort: z.number().int(), protocol: z.string().optional() }).meta({ id: "ContainerPort", description: "port" });
const Container = z
  .object({
    name: z.string().meta({ description: "name" }),
    image: z.string().meta({ description: "image" }).optional(),
    args: z.array(z.string()).meta({ description: "args", "x-kubernetes-list-type": "atomic" }).optional(),
    env: z
      .array(EnvVar)
      .meta({ description: "env", "x-kubernetes-patch-strategy": "merge", "x-kubernetes-patch-merge-key": "name", "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["name"] })
      .optional(),
    ports: z
      .array(ContainerPort)
      .meta({ description: "ports", "x-kubernetes-patch-strategy": "merge", "x-kubernetes-patch-merge-key": "containerPort", "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["containerPort", "protocol"] })
      .optional(),
  })
  .meta({ id: "Container", description: "container" });
const PodSpec = z
  .object({
    containers: z.array(Container).meta({ description: "c", "x-kubernetes-patch-strategy": "merge", "x-kubernetes-patch-merge-key": "name" }),
    volumes: z.array(z.object({ name: z.string() })).meta({ "x-kubernetes-patch-strategy": "merge,retainKeys", "x-kubernetes-patch-merge-key": "name" }).nullable().optional(),
    nodeSelector: z.record(z.string(), z.string()).meta({ description: "sel" }).optional(),
    priority: z.number().default(0),
  })
  .meta({ id: "PodSpec", description: "spec" });
const ObjectMeta = z.object({
  labels: z.record(z.string(), z.string()).optional(),
  finalizers: z.array(z.string()).meta({ "x-kubernetes-patch-strategy": "merge", "x-kubernetes-list-type": "set" }).optional(),
});
const Pod = z.object({ metadata: ObjectMeta.meta({ description: "meta" }).optional(), spec: PodSpec.meta({ description: "the spec" }).optional() }).meta({ id: "Pod" });

describe("patchMetaFromZod", () => {
  const meta = patchMetaFromZod(Pod);

  it("reads patch strategy and merge key from the z.array meta inside .optional()", () => {
    const containers = meta.field("spec")?.field("containers");
    expect(containers?.patchStrategy).toBe("merge");
    expect(containers?.patchMergeKey).toBe("name");
    const env = containers?.items()?.field("env");
    expect(env).toMatchObject({ patchStrategy: "merge", patchMergeKey: "name", listType: "map", listMapKeys: ["name"] });
    expect(containers?.items()?.field("ports")?.listMapKeys).toEqual(["containerPort", "protocol"]);
  });

  it("unwraps nullable and default wrappers", () => {
    expect(meta.field("spec")?.field("volumes")?.patchStrategy).toBe("merge,retainKeys");
    expect(meta.field("spec")?.field("priority")).toBeDefined();
  });

  it("treats lists without extensions as atomic and records as maps whose items() is the value type", () => {
    const args = meta.field("spec")?.field("containers")?.items()?.field("args");
    expect(args?.patchStrategy).toBeUndefined();
    expect(args?.listType).toBe("atomic");
    expect(meta.field("spec")?.field("nodeSelector")?.items()).toBeDefined();
    expect(meta.field("metadata")?.field("finalizers")).toMatchObject({ patchStrategy: "merge", listType: "set" });
  });

  it("answers undefined for unknown fields and for items() of an object", () => {
    expect(meta.field("status")).toBeUndefined();
    expect(meta.field("spec")?.field("bogus")).toBeUndefined();
    expect(meta.items()).toBeUndefined();
  });

  it("memoizes nodes per schema instance", () => {
    expect(patchMetaFromZod(Pod)).toBe(meta);
    expect(meta.field("spec")).toBe(meta.field("spec"));
    expect(meta.field("spec")?.field("containers")?.items()).toBe(meta.field("spec")?.field("containers")?.items());
  });

  it("handles recursive schemas through getters", () => {
    const Node: z.ZodType = z.object({
      name: z.string(),
      get children() {
        return z.array(Node).meta({ "x-kubernetes-patch-strategy": "merge", "x-kubernetes-patch-merge-key": "name" }).optional();
      },
    });
    const tree = patchMetaFromZod(Node);
    expect(tree.field("children")?.items()?.field("children")?.patchMergeKey).toBe("name");
  });

  it("drives the strategic merge patch engine", () => {
    const pod = { spec: { containers: [{ name: "a", image: "x", env: [{ name: "E", value: "1" }] }] } };
    const out = applyStrategicMergePatch(pod, { spec: { containers: [{ name: "a", env: [{ name: "F", value: "2" }] }] } }, meta);
    expect(out.spec.containers[0].env.map((e: { name: string }) => e.name).sort()).toEqual(["E", "F"]);
    expect(out.spec.containers[0].image).toBe("x");
  });
});
