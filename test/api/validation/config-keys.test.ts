import { describe, expect, it } from "vitest";
import { configSize, isConfigMapKey, validateConfigKeys } from "../../../src/api/validation/config-keys";

describe("isConfigMapKey", () => {
  it("accepts file names made of [-._a-zA-Z0-9]", () => {
    for (const key of ["a", "KEY_NAME", "key.name", "key-name", ".hidden", "a..b"]) expect(isConfigMapKey(key)).toEqual([]);
  });

  it("refuses separators, '.', '..', a leading '..' and more than 253 bytes", () => {
    expect(isConfigMapKey("a/b")).toEqual([
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ]);
    expect(isConfigMapKey(".")).toEqual(["must not be '.'"]);
    expect(isConfigMapKey("..")).toEqual(["must not be '..'"]);
    expect(isConfigMapKey("..x")).toEqual(["must not start with '..'"]);
    expect(isConfigMapKey("k".repeat(254))).toEqual(["must be no more than 253 characters"]);
    expect(isConfigMapKey("")).toHaveLength(1);
  });

  it("reports each bad key at field[key]", () => {
    const errors = validateConfigKeys({ ok: "", "a b": "" }, "data");
    expect(errors.map((e) => e.field)).toEqual(["data[a b]"]);
    expect(errors[0]!.message).toMatch(/^Invalid value: "a b": a valid config key must consist of/);
  });
});

describe("configSize", () => {
  it("counts UTF-8 bytes of strings and decoded bytes of base64", () => {
    expect(configSize({ a: "é" }, { b: "eHl6" })).toBe(2 + 3);
    expect(configSize(undefined, undefined)).toBe(0);
  });
});
