import { describe, expect, it } from "vitest";
import { base64Error, decodeBase64Std, decodedLength } from "../../../src/api/validation/base64";

const text = (s: string) => {
  const r = decodeBase64Std(s);
  return r.ok ? new TextDecoder().decode(r.bytes) : `error at ${r.offset}`;
};

describe("decodeBase64Std (Go's StdEncoding)", () => {
  it("decodes padded base64, skipping newlines anywhere", () => {
    expect(text("aGVsbG8=")).toBe("hello");
    expect(text("aGVs\nbG8=\r\n")).toBe("hello");
    expect(text("")).toBe("");
    expect(decodedLength("eHl6")).toBe(3);
  });

  it("reports the byte offset Go's CorruptInputError names", () => {
    expect(base64Error("not base64!")).toBe("illegal base64 data at input byte 3");
    expect(text("eA")).toBe("error at 0"); // an incomplete last quantum: its first byte
    expect(text("eHl6e")).toBe("error at 4");
    expect(text("e===")).toBe("error at 1"); // padding in the second place
    expect(text("eA=")).toBe("error at 3"); // one '=' where two are needed, at the end
    expect(text("eA=x")).toBe("error at 2"); // '=' not followed by '='
    expect(text("eA==eA==")).toBe("error at 4"); // data after the padding
    expect(text("éé==")).toBe("error at 0");
    expect(text("aé==")).toBe("error at 1");
    expect(text("abc\u00e9")).toBe("error at 3"); // offsets count UTF-8 bytes
  });

  it("accepts non-zero trailing bits, as the non-strict encoding does", () => {
    expect(decodeBase64Std("eB==").ok).toBe(true);
  });
});
