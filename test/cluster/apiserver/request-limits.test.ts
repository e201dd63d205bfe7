// The request path's limits and parsers that turn bad input into 4xx answers, unit by unit.
import { describe, expect, it } from "vitest";
import { parseLabelSelector } from "../../../src/api/selectors/label-selector";
import { StatusError } from "../../../src/api/status";
import { decodeBody, decodePatch } from "../../../src/cluster/apiserver/decode";
import { maxJsonDepth, scanJson } from "../../../src/cluster/apiserver/json-scan";
import { parseRequest } from "../../../src/cluster/apiserver/request-info";
import { parseResourceVersion } from "../../../src/cluster/apiserver/resource-version";
import { errorResponse } from "../../../src/cluster/apiserver/respond";
import { writeOptions } from "../../../src/cluster/apiserver/write-options";

/** JSON and YAML bodies need no protobuf messages. */
const noMessages = () => undefined;

const bytes = (text: string) => new TextEncoder().encode(text);

function statusOf(fn: () => unknown): { code: number; message?: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return { code: e.code, message: e.status.message };
    throw e;
  }
  throw new Error("did not throw");
}

describe("JSON nesting", () => {
  it("accepts the 10000 levels Go's decoder accepts and refuses the 10001st", () => {
    const nested = (n: number) => "[".repeat(n) + "]".repeat(n);
    expect(() => scanJson(nested(maxJsonDepth), false)).not.toThrow();
    expect(statusOf(() => scanJson(nested(maxJsonDepth + 1), false))).toEqual({ code: 400, message: "json: invalid character '[' exceeded max depth of 10000" });
  });

  it("does not count brackets inside strings", () => {
    expect(() => scanJson(JSON.stringify({ a: "[".repeat(20_000) }), false)).not.toThrow();
  });

  it("answers a too-deep patch with the apiserver's 'invalid JSON patch'", () => {
    const deep = '{"a":'.repeat(10_001) + "1" + "}".repeat(10_001);
    expect(statusOf(() => decodePatch(bytes(deep), "application/merge-patch+json"))).toEqual({ code: 400, message: "invalid JSON patch" });
  });
});

describe("duplicate fields", () => {
  it("reports each repeated key with its path, as the strict decoder does", () => {
    expect(scanJson('{"a":1,"a":2,"m":{"k":"1","k":"2"},"l":[{"x":1,"x":1}],"s":"{\\"a\\":1,\\"a\\":1}"}', true)).toEqual([
      'duplicate field "a"',
      'duplicate field "m.k"',
      'duplicate field "l[0].x"',
    ]);
  });

  it("finds none in distinct keys, and does not look unless asked", () => {
    expect(scanJson('{"a":{"a":{"a":1}},"b":[{"a":1},{"a":1}]}', true)).toEqual([]);
    expect(scanJson('{"a":1,"a":2}', false)).toEqual([]);
    expect(decodeBody(bytes('{"a":1,"a":2}'), "application/json", noMessages, true)).toEqual({ value: { a: 2 }, duplicates: ['duplicate field "a"'] });
  });
});

describe("YAML", () => {
  it("refuses an alias inside its own anchor instead of building a cycle", () => {
    expect(statusOf(() => decodeBody(bytes("a: &a [*a]\n"), "application/yaml", noMessages)).code).toBe(400);
    expect(statusOf(() => decodeBody(bytes("a: &a {b: *a}\n"), "application/yaml", noMessages)).code).toBe(400);
  });

  it("refuses alias bombs and deep nesting, and keeps ordinary aliases", () => {
    const bomb = ["a: &a [x,x,x,x,x,x,x,x,x]", ..."bcdefghi".split("").map((k, i) => `${k}: &${k} [${Array(9).fill(`*${"abcdefghi"[i]}`).join(",")}]`)].join("\n");
    expect(statusOf(() => decodeBody(bytes(bomb), "application/yaml", noMessages)).message).toMatch(/excessive aliasing/);
    expect(statusOf(() => decodeBody(bytes(`x: ${"[".repeat(20_000)}${"]".repeat(20_000)}`), "application/yaml", noMessages)).message).toMatch(/max depth/);
    expect(decodeBody(bytes("a: &x {k: 1}\nb: *x\n"), "application/yaml", noMessages).value).toEqual({ a: { k: 1 }, b: { k: 1 } });
  });
});

describe("resourceVersion", () => {
  it("takes what strconv.ParseUint takes", () => {
    expect(parseResourceVersion(undefined)).toBeUndefined();
    expect(parseResourceVersion("")).toBeUndefined();
    expect(parseResourceVersion("0")).toBeUndefined();
    expect(parseResourceVersion("42")).toBe(42);
    expect(parseResourceVersion("007")).toBe(7);
  });

  it("refuses the rest with the store's 400", () => {
    for (const value of ["abc", "-1", "1e309", "0x10", "1.5", "+1", " 1"]) {
      expect(statusOf(() => parseResourceVersion(value))).toEqual({
        code: 400,
        message: `invalid resource version: resourceVersion: Invalid value: ${JSON.stringify(value)}: strconv.ParseUint: parsing ${JSON.stringify(value)}: invalid syntax`,
      });
    }
    expect(statusOf(() => parseResourceVersion("18446744073709551616")).message).toMatch(/value out of range$/);
  });
});

describe("write options", () => {
  const q = (s: string) => new URLSearchParams(s);
  it("converts force as the apiserver converts booleans", () => {
    expect(writeOptions("PatchOptions", q("fieldManager=m&force=maybe"), "apply").force).toBe(true);
    expect(writeOptions("PatchOptions", q("fieldManager=m&force=FALSE"), "apply").force).toBe(false);
    expect(writeOptions("PatchOptions", q("fieldManager=m&force=0"), "apply").force).toBe(false);
    expect(writeOptions("PatchOptions", q("fieldManager=m"), "apply").force).toBe(false);
  });

  it("lists every problem in one 422", () => {
    expect(statusOf(() => writeOptions("PatchOptions", q("force=true&fieldValidation=x&dryRun=No"), "merge")).message).toBe(
      'PatchOptions.meta.k8s.io "" is invalid: [force: Forbidden: may not be specified for non-apply patch, dryRun: Unsupported value: []string{"No"}: supported values: "All", fieldValidation: Unsupported value: "x": supported values: "", "Ignore", "Strict", "Warn"]',
    );
  });
});

describe("request paths and methods", () => {
  const q = (s = "") => new URLSearchParams(s);
  it("answers an invalid percent escape with a 400, not a URIError", () => {
    expect(statusOf(() => parseRequest("GET", "/api/v1/namespaces/default/configmaps/%", q()))).toEqual({ code: 400, message: 'invalid URL escape "%"' });
    expect(statusOf(() => parseRequest("GET", "/api/v1/namespaces/default/configmaps/a%zzb", q()))).toEqual({ code: 400, message: 'invalid URL escape "%zz"' });
    expect(parseRequest("GET", "/api/v1/namespaces/default/configmaps/a%2Db", q())).toMatchObject({ name: "a-b" });
  });

  it("answers methods no route serves with 405", () => {
    for (const method of ["OPTIONS", "PURGE", "PROPFIND"]) {
      expect(statusOf(() => parseRequest(method, "/api/v1/namespaces/default/configmaps/x", q())).code).toBe(405);
    }
  });

  it("reads watch as the apiserver converts booleans", () => {
    expect(parseRequest("GET", "/api/v1/pods", q("watch=yes"))).toMatchObject({ verb: "watch" });
    expect(parseRequest("GET", "/api/v1/pods", q("watch=False"))).toMatchObject({ verb: "list" });
    expect(parseRequest("GET", "/api/v1/pods", q("watch=0"))).toMatchObject({ verb: "list" });
  });
});

describe("label selectors with NUL and empty sets, as Go's lexer reads them", () => {
  it("ends a token at a NUL that follows it, skipping the NUL, and the input at a NUL where a token starts", () => {
    expect(parseLabelSelector("a\0=b").matches({ a: "b" })).toBe(true);
    expect(parseLabelSelector("a\0=b").matches({ a: "c" })).toBe(false);
    expect(parseLabelSelector("a=\0b").matches({ a: "b" })).toBe(true);
    expect(parseLabelSelector("a=b,\0c=d").matches({ a: "b", c: "d" })).toBe(true);
    expect(parseLabelSelector("a=b,\0c=d").matches({ a: "b" })).toBe(false);
    expect(parseLabelSelector("a=b \0c=d").matches({ a: "b" })).toBe(true);
  });

  it("reads `in ()` as the empty value", () => {
    expect(parseLabelSelector("a in ()").matches({ a: "" })).toBe(true);
    expect(parseLabelSelector("a in ()").matches({ a: "x" })).toBe(false);
  });
});

describe("running out of stack", () => {
  it("is the request's 400, not a 500", async () => {
    const response = errorResponse(new RangeError("Maximum call stack size exceeded"));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ kind: "Status", reason: "BadRequest" });
    expect(errorResponse(new Error("boom")).status).toBe(500);
  });
});

describe("duplicate YAML keys", () => {
  it("are reported as go-yaml's strict decoder reports them, with their lines", () => {
    const text = "apiVersion: v1\nkind: Simple\nmetadata: {}\nother: foo\nother: bar\nm:\n  a: 1\n  a: 2\n";
    expect(decodeBody(bytes(text), "application/yaml", noMessages, true).duplicates).toEqual([
      'yaml: unmarshal errors:\n  line 5: key "other" already set in map\n  line 8: key "a" already set in map',
    ]);
    expect(decodeBody(bytes("a: 1\nb: 2\n"), "application/yaml", noMessages, true).duplicates).toEqual([]);
  });
});
