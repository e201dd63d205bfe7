import { describe, expect, it } from "vitest";
import { maskBlock } from "../../../src/cluster/redaction/answer";
import { isShortValue, mask, Redactor } from "../../../src/cluster/redaction/redactor";

const pem = "-----BEGIN KEY-----\nMIIBOgIBAAJB\n-----END KEY-----\n";

describe("Redactor", () => {
  it("masks a value, its trimmed form, each line of a multi-line value and its base64, in text", () => {
    const r = new Redactor(["hunter22", pem]);
    expect(r.text("pw=hunter22!")).toBe(`pw=${mask}!`);
    expect(r.text(`cert:\n${pem}`)).toBe(`cert:\n${mask}`);
    expect(r.text("tail: MIIBOgIBAAJB\n")).toBe(`tail: ${mask}\n`);
    expect(r.text(`b64 ${btoa("hunter22")}`)).toBe(`b64 ${mask}`);
  });

  it("masks the JSON-escaped forms: a multi-line value inside JSON, and inside JSON kept in a string", () => {
    const r = new Redactor([pem, 'q"uo\\te']);
    const inner = JSON.stringify({ data: { cert: pem, other: 'q"uo\\te' } });
    const doc = JSON.stringify({ metadata: { annotations: { applied: inner } }, message: `was ${pem}` });
    const masked = JSON.parse(r.json(doc));
    expect(masked.message).toBe(`was ${mask}`);
    expect(JSON.parse(masked.metadata.annotations.applied)).toEqual({ data: { cert: mask, other: mask } });
  });

  it("takes the longest value at each position", () => {
    expect(new Redactor(["abc", "abcdef"]).text("xabcdefx abcx")).toBe(`x${mask}x ${mask}x`);
  });

  it("never masks values of one or two characters (only their base64), which isShortValue reports", () => {
    const r = new Redactor(["x9", "a", " 7 "]);
    expect(r.text("x9 a 7")).toBe("x9 a 7");
    expect(r.text(`${btoa("x9")} ${btoa("a")}`)).toBe(`${mask} ${mask}`);
    expect(["x9", "a", " 7 ", "abc", "", "  "].map(isShortValue)).toEqual([true, true, true, false, false, false]);
  });

  it("keeps keys, non-string values and server-made fields (resourceVersion, uid, timestamps) of JSON", () => {
    const r = new Redactor(["2026", "name", "1234"]);
    const doc = {
      metadata: { name: "name-x", resourceVersion: "12345", uid: "01234567-89ab-cdef-0123-456789abcdef", creationTimestamp: "2026-01-02T03:04:05Z" },
      spec: { replicas: 1234, note: "pin 1234 in 2026" },
      status: { conditions: [{ lastTransitionTime: "2026-01-02T03:04:05Z", message: "name" }] },
    };
    const masked = JSON.parse(r.json(JSON.stringify(doc)));
    expect(masked.metadata).toEqual({ ...doc.metadata, name: `${mask}-x` });
    expect(masked.spec).toEqual({ replicas: 1234, note: `pin ${mask} in ${mask}` });
    expect(masked.status.conditions[0]).toEqual({ lastTransitionTime: "2026-01-02T03:04:05Z", message: mask });
  });

  it("answers a document without any value unchanged, and masks text that is not JSON as text", () => {
    const r = new Redactor(["hunter22"]);
    const doc = '{"a":"b"}';
    expect(r.json(doc)).toBe(doc);
    expect(r.json("not json hunter22")).toBe(`not json ${mask}`);
  });

  it("maskBlock masks JSON lines one by one and keeps their newlines", () => {
    const r = new Redactor(["hunter22"]);
    const lines = `${JSON.stringify({ type: "ADDED", object: { v: "hunter22" } })}\n\n${JSON.stringify({ type: "BOOKMARK" })}\n`;
    expect(maskBlock("json", r, lines)).toBe(`${JSON.stringify({ type: "ADDED", object: { v: mask } })}\n\n${JSON.stringify({ type: "BOOKMARK" })}\n`);
    expect(maskBlock("text", r, "a hunter22\n")).toBe(`a ${mask}\n`);
  });
});
