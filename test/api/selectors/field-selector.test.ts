import { describe, expect, it } from "vitest";
import {
  assertDefaultFieldLabels,
  assertFieldLabelsSupported,
  exactMatchFor,
  parseFieldSelector,
  requirementFor,
} from "../../../src/api/selectors/field-selector";
import { StatusError } from "../../../src/api/status";

function rejection(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(StatusError);
    expect((e as StatusError).code).toBe(400);
    expect((e as StatusError).status.reason).toBe("BadRequest");
    return (e as StatusError).status.message!;
  }
  throw new Error("accepted");
}

describe("parseFieldSelector", () => {
  it("matches the selectors kubectl sends (describe node)", () => {
    const sel = parseFieldSelector("spec.nodeName=n,status.phase!=Succeeded,status.phase!=Failed");
    expect(sel.matches({ "spec.nodeName": "n", "status.phase": "Running" })).toBe(true);
    expect(sel.matches({ "spec.nodeName": "n", "status.phase": "Failed" })).toBe(false);
    expect(sel.matches({ "spec.nodeName": "m", "status.phase": "Running" })).toBe(false);
  });

  it("treats a missing field as the empty string (cluster-scoped events)", () => {
    const sel = parseFieldSelector("involvedObject.kind=Node,involvedObject.namespace=,involvedObject.name=n");
    expect(sel.matches({ "involvedObject.kind": "Node", "involvedObject.name": "n" })).toBe(true);
    expect(sel.matches({ "involvedObject.kind": "Node", "involvedObject.name": "n", "involvedObject.namespace": "x" })).toBe(false);
    expect(parseFieldSelector("a!=").matches({})).toBe(false);
  });

  it("normalises == to = and sorts terms like Kubernetes", () => {
    const sel = parseFieldSelector("metadata.namespace==ns,metadata.name=x");
    expect(sel.requirements).toEqual([
      { field: "metadata.name", operator: "=", value: "x" },
      { field: "metadata.namespace", operator: "=", value: "ns" },
    ]);
    expect(sel.fieldNames()).toEqual(["metadata.name", "metadata.namespace"]);
    expect(sel.toString()).toBe("metadata.name=x,metadata.namespace=ns");
  });

  it("is empty for an empty string and skips empty terms", () => {
    expect(parseFieldSelector("").isEmpty()).toBe(true);
    expect(parseFieldSelector("").matches({})).toBe(true);
    expect(parseFieldSelector("a=b,,").requirements).toHaveLength(1);
  });

  it("unescapes backslash escapes in values and re-escapes when printing", () => {
    const sel = parseFieldSelector(String.raw`a=x\,y\=z\\w`);
    expect(sel.requirements[0]).toEqual({ field: "a", operator: "=", value: "x,y=z\\w" });
    expect(sel.matches({ a: "x,y=z\\w" })).toBe(true);
    expect(sel.toString()).toBe(String.raw`a=x\,y\=z\\w`);
  });

  it("rejects malformed selectors with the apiserver's messages", () => {
    expect(rejection(() => parseFieldSelector("metadata.creationTimestamp"))).toBe(
      "invalid selector: 'metadata.creationTimestamp'; can't understand 'metadata.creationTimestamp'",
    );
    expect(rejection(() => parseFieldSelector("a=b=c"))).toBe("invalid field selector: unescaped character in value: 61");
    expect(rejection(() => parseFieldSelector(String.raw`a=b\x`))).toBe("invalid field selector: invalid escape sequence: \\x");
    expect(rejection(() => parseFieldSelector("a=b\\"))).toBe("invalid field selector: invalid escape sequence: \\");
  });
});

describe("field label checks", () => {
  it("answers `field label not supported` for kinds with registered field labels", () => {
    const sel = parseFieldSelector("status.hostIP=192.168.10.101");
    expect(rejection(() => assertFieldLabelsSupported(sel, ["metadata.name", "spec.nodeName"]))).toBe(
      "field label not supported: status.hostIP",
    );
    expect(() => assertFieldLabelsSupported(parseFieldSelector("spec.nodeName=n"), ["spec.nodeName"])).not.toThrow();
  });

  it("answers the default conversion's message for other kinds", () => {
    expect(rejection(() => assertDefaultFieldLabels(parseFieldSelector("spec.replicas=1")))).toBe(
      '"spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"',
    );
    expect(() => assertDefaultFieldLabels(parseFieldSelector("metadata.name=x,metadata.namespace=y"))).not.toThrow();
  });

  it("exposes requirements for indexing by name", () => {
    const sel = parseFieldSelector("metadata.name!=a,metadata.name=b");
    expect(exactMatchFor(sel, "metadata.name")).toBe("b");
    expect(requirementFor(sel, "metadata.name")).toEqual({ field: "metadata.name", operator: "!=", value: "a" });
    expect(exactMatchFor(sel, "metadata.namespace")).toBeUndefined();
  });
});
