import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkTypes, checkUnknownFields, unknownFields } from "../../../src/cluster/apiserver/schema-check";
import { StatusError } from "../../../src/api/status";

const Container = z.object({ name: z.string(), image: z.string().optional() });
const Pod = z.object({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata: z.object({ name: z.string().optional(), labels: z.record(z.string(), z.string()).optional() }).optional(),
  spec: z.object({ containers: z.array(Container) }).optional(),
});

function statusOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return e.status;
    throw e;
  }
  throw new Error("did not throw");
}

describe("unknown fields", () => {
  it("names them by path, including inside lists, and ignores free-form maps", () => {
    const value = { metadata: { name: "x", labels: { anything: "goes" }, bogus: 1 }, spec: { containers: [{ name: "c", imagee: "typo" }] } };
    expect(unknownFields(value, Pod)).toEqual(["metadata.bogus", "spec.containers[0].imagee"]);
  });

  it("Strict is a 400 with the apiserver's wording; Warn returns warnings; Ignore is silent", () => {
    const value = { spec: { containers: [], foo: 1 } };
    const status = statusOf(() => checkUnknownFields(value, Pod, "Strict", "Pod", "v1"));
    expect(status.code).toBe(400);
    expect(status.message).toBe('Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.foo"');
    expect(checkUnknownFields(value, Pod, "Warn", "Pod", "v1")).toEqual(['unknown field "spec.foo"']);
    expect(checkUnknownFields(value, Pod, "Ignore", "Pod", "v1")).toEqual([]);
  });
});

describe("type checks", () => {
  it("drops unknown fields from the result", () => {
    const out = checkTypes<Record<string, unknown>>({ metadata: { name: "x", extra: true } }, Pod, { kind: "Pod", group: "", version: "v1" });
    expect(out).toEqual({ metadata: { name: "x" } });
  });

  it("answers a wrong type with 400 and a missing required field with 422", () => {
    const wrong = statusOf(() => checkTypes({ spec: { containers: [{ name: 5 }] } }, Pod, { kind: "Pod", group: "", version: "v1" }));
    expect(wrong.code).toBe(400);
    expect(wrong.message).toContain("cannot unmarshal number into Go struct field spec.containers[0].name");
    const missing = statusOf(() => checkTypes({ metadata: { name: "p" }, spec: { containers: [{}] } }, Pod, { kind: "Pod", group: "", version: "v1" }));
    expect(missing.code).toBe(422);
    expect(missing.message).toBe('Pod "p" is invalid: spec.containers[0].name: Required value');
  });

  it("accepts null for a field of another type, as Go's decoder does, and keeps the null", () => {
    const value = { metadata: { name: "p", extra: 1 }, spec: { containers: [{ name: "c", image: null }] } };
    const out = checkTypes<Record<string, unknown>>(value, Pod, { kind: "Pod", group: "", version: "v1" });
    expect(out).toEqual({ metadata: { name: "p" }, spec: { containers: [{ name: "c", image: null }] } });
    const stillWrong = statusOf(() => checkTypes({ spec: { containers: [{ name: 5, image: null }] } }, Pod, { kind: "Pod", group: "", version: "v1" }));
    expect(stillWrong.code).toBe(400);
    expect(stillWrong.message).toContain("cannot unmarshal number into Go struct field spec.containers[0].name");
  });
});

describe("quantities", () => {
  it("answers an unparsable quantity with the decoder's 400, wherever it sits", async () => {
    const { Pod: RealPod } = await import("../../../src/api/schemas/core/pod");
    const pod = {
      metadata: { name: "q" },
      spec: { containers: [{ name: "c", image: "nginx", resources: { requests: { cpu: "lots" } } }] },
    };
    const status = statusOf(() => checkTypes(pod, RealPod, { kind: "Pod", group: "", version: "v1" }));
    expect(status.code).toBe(400);
    expect(status.message).toBe(
      `Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
    );
    const fine = { ...pod, spec: { containers: [{ name: "c", image: "nginx", resources: { requests: { cpu: "250m", memory: "64Mi" } } }] } };
    expect(() => checkTypes(fine, RealPod, { kind: "Pod", group: "", version: "v1" })).not.toThrow();
  });
});
