// Go's decoding rules the field builders carry: int32 range and base64 for []byte values.
import { describe, expect, it } from "vitest";
import { bytesMap, int32 } from "../../../src/api/schemas/fields";

describe("int32", () => {
  const field = int32("a port");

  it("accepts the whole int32 range", () => {
    expect(field.safeParse(2147483647).success).toBe(true);
    expect(field.safeParse(-2147483648).success).toBe(true);
  });

  it("refuses numbers beyond it, naming the number as Go's decoder does", () => {
    const result = field.safeParse(2147483648);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe("cannot unmarshal number 2147483648 into Go value of type int32");
    expect(field.safeParse(-2147483649).success).toBe(false);
    expect(field.safeParse(1e308).success).toBe(false);
  });
});

describe("bytesMap", () => {
  const map = bytesMap("data");

  it("accepts base64 values", () => {
    expect(map.safeParse({ a: "aGk=", b: "" }).success).toBe(true);
  });

  it("refuses other text with Go's message", () => {
    const result = map.safeParse({ a: "not base64!" });
    expect(result.error!.issues[0]!.message).toBe("illegal base64 data at input byte 3");
  });
});
