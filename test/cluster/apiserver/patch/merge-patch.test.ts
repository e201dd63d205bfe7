import { describe, expect, it } from "vitest";
import { applyMergePatch } from "../../../../src/cluster/apiserver/patch/merge-patch";
import { StatusError } from "../../../../src/api/status";

const cm = () => ({
  metadata: { name: "cfg", labels: { app: "web", tier: "fe" } },
  data: { a: "1", b: "2" },
  list: [1, 2, 3],
});

describe("applyMergePatch", () => {
  it("applies kubectl label's body and removes a label with null", () => {
    const out = applyMergePatch(cm(), { metadata: { labels: { env: "prod", tier: null } } });
    expect(out.metadata.labels).toEqual({ app: "web", env: "prod" });
    expect(out.data).toEqual({ a: "1", b: "2" });
  });

  it("applies kubectl scale's body", () => {
    expect(applyMergePatch({ spec: { replicas: 1, selector: {} } }, { spec: { replicas: 3 } })).toEqual({
      spec: { replicas: 3, selector: {} },
    });
  });

  it("replaces arrays and scalars wholesale and objects over scalars", () => {
    const out = applyMergePatch(cm(), { list: [9], data: "x" });
    expect(out.list).toEqual([9]);
    expect(out.data).toBe("x");
  });

  it("drops nulls inside newly added objects (RFC 7386 example)", () => {
    expect(applyMergePatch({ a: "b" }, { c: { d: "e", f: null } })).toEqual({ a: "b", c: { d: "e" } });
  });

  it("does not modify its inputs", () => {
    const doc = cm();
    const patch = { metadata: { labels: { app: null } } };
    applyMergePatch(doc, patch);
    expect(doc).toEqual(cm());
    expect(patch).toEqual({ metadata: { labels: { app: null } } });
  });

  it("answers 400 Invalid JSON Patch for a scalar or null patch", () => {
    for (const patch of [null, "x", 3]) {
      try {
        applyMergePatch(cm(), patch);
        throw new Error("no error");
      } catch (err) {
        expect(err).toBeInstanceOf(StatusError);
        expect((err as StatusError).status).toMatchObject({ code: 400, reason: "BadRequest", message: "Invalid JSON Patch" });
      }
    }
  });
});
