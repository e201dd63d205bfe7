import { describe, expect, it } from "vitest";
import { deepEqual } from "../../src/api/json-equal";

describe("deepEqual", () => {
  it("treats a key whose value is undefined as absent, as JSON does", () => {
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(deepEqual({ spec: { x: undefined } }, { spec: {} })).toBe(true);
    expect(deepEqual({ a: undefined }, { b: undefined })).toBe(true);
  });

  it("tells a missing key from a null one", () => {
    expect(deepEqual({ a: null }, {})).toBe(false);
    expect(deepEqual({ a: null }, { a: undefined })).toBe(false);
  });

  it("ignores key order and compares arrays element by element", () => {
    expect(deepEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual([], {})).toBe(false);
    expect(deepEqual({ 0: 1 }, [1])).toBe(false);
  });

  it("compares scalars strictly", () => {
    expect(deepEqual(1, "1")).toBe(false);
    expect(deepEqual(null, {})).toBe(false);
    expect(deepEqual("x", "x")).toBe(true);
  });

  it("counts only own keys", () => {
    expect(deepEqual(JSON.parse('{"__proto__": {}}'), { b: 1 })).toBe(false);
    expect(deepEqual({ toString: 1 }, { valueOf: 1 })).toBe(false);
  });
});
