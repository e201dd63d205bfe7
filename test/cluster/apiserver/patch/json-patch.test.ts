import { describe, expect, it } from "vitest";
import { applyJsonPatch } from "../../../../src/cluster/apiserver/patch/json-patch";
import { StatusError } from "../../../../src/api/status";

function statusOf(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    if (err instanceof StatusError) return err.status;
    throw err;
  }
  throw new Error("expected a StatusError");
}

const deployment = () => ({
  metadata: { name: "web", annotations: { "a/b": "1", "x~y": "2" } },
  spec: { replicas: 1, template: { spec: { containers: [{ name: "nginx", image: "nginx:1.25" }] } } },
});

describe("applyJsonPatch", () => {
  it("applies add, remove, replace, move, copy and test in order", () => {
    const out = applyJsonPatch(deployment(), [
      { op: "test", path: "/spec/replicas", value: 1 },
      { op: "replace", path: "/spec/replicas", value: 3 },
      { op: "add", path: "/metadata/labels", value: { app: "web" } },
      { op: "copy", from: "/metadata/labels/app", path: "/metadata/labels/tier" },
      { op: "move", from: "/metadata/labels/tier", path: "/metadata/labels/role" },
      { op: "remove", path: "/metadata/annotations/a~1b" },
    ]);
    expect(out.spec.replicas).toBe(3);
    expect(out.metadata).toEqual({ name: "web", labels: { app: "web", role: "web" }, annotations: { "x~y": "2" } });
  });

  it("appends with the - index and decodes ~0 in paths", () => {
    const out = applyJsonPatch(deployment(), [
      { op: "add", path: "/spec/template/spec/containers/-", value: { name: "sidecar", image: "busybox" } },
      { op: "replace", path: "/metadata/annotations/x~0y", value: "3" },
    ]);
    expect(out.spec.template.spec.containers.map((c) => c.name)).toEqual(["nginx", "sidecar"]);
    expect(out.metadata.annotations["x~y"]).toBe("3");
  });

  it("does not modify its inputs", () => {
    const doc = deployment();
    const ops = [{ op: "replace", path: "/spec/replicas", value: 5 }];
    const before = structuredClone(doc);
    applyJsonPatch(doc, ops);
    expect(doc).toEqual(before);
    expect(ops).toEqual([{ op: "replace", path: "/spec/replicas", value: 5 }]);
  });

  it("applies the rollout undo body kubectl sends (replace of /spec/template and /metadata/annotations)", () => {
    const template = { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.24" }] } };
    const out = applyJsonPatch(deployment(), [
      { op: "replace", path: "/spec/template", value: template },
      { op: "replace", path: "/metadata/annotations", value: { "deployment.kubernetes.io/revision": "1" } },
    ]);
    expect(out.spec.template).toEqual(template);
    expect(out.metadata.annotations).toEqual({ "deployment.kubernetes.io/revision": "1" });
  });

  it.each([
    ["a failing test", [{ op: "test", path: "/spec/replicas", value: 2 }]],
    ["a missing path", [{ op: "remove", path: "/spec/paused" }]],
    ["replace of a missing key", [{ op: "replace", path: "/metadata/labels/app", value: "x" }]],
    ["add under a missing parent", [{ op: "add", path: "/status/conditions/0", value: {} }]],
    ["an unknown op", [{ op: "frobnicate", path: "/spec" }]],
  ])("answers 422 Invalid with the apiserver's generic message for %s", (_, ops) => {
    const status = statusOf(() => applyJsonPatch(deployment(), ops));
    expect(status).toMatchObject({
      code: 422,
      reason: "Invalid",
      message: "the server rejected our request due to an error in our request",
    });
  });

  it("answers 400 for a body that is not a JSON array", () => {
    expect(statusOf(() => applyJsonPatch(deployment(), { op: "add" }))).toMatchObject({
      code: 400,
      reason: "BadRequest",
      message: "json: cannot unmarshal object into Go value of type jsonpatch.Patch",
    });
    expect(statusOf(() => applyJsonPatch(deployment(), "x")).code).toBe(400);
    expect(statusOf(() => applyJsonPatch(deployment(), ["x"])).message).toBe(
      "json: cannot unmarshal string into Go value of type jsonpatch.Operation",
    );
  });

  it("treats a null body as an empty patch, as Go decoding does", () => {
    expect(applyJsonPatch(deployment(), null)).toEqual(deployment());
  });

  it("answers 413 past 10000 operations", () => {
    const ops = Array.from({ length: 10001 }, () => ({ op: "test", path: "/spec/replicas", value: 1 }));
    expect(statusOf(() => applyJsonPatch(deployment(), ops))).toMatchObject({
      code: 413,
      message: "Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001",
    });
  });
});
