import { describe, expect, it } from "vitest";
import {
  QUANTITY_FORMAT_ERROR,
  QUANTITY_SUFFIX_ERROR,
  Quantity,
  QuantityParseError,
  canonicalQuantity,
  isValidQuantity,
  parseQuantity,
  quantityFromJSON,
} from "../../src/api/quantity";

const str = (s: string) => parseQuantity(s).toString();

describe("quantity canonical form (expectations from apimachinery's quantity_test.go)", () => {
  it.each([
    // TestQuantityParseEmit
    ["1Ki", "1Ki"],
    ["1Mi", "1Mi"],
    ["1Gi", "1Gi"],
    ["1024Mi", "1Gi"],
    ["1000M", "1G"],
    [".001Ki", "1024m"],
    [".000001Ki", "1024u"],
    [".000000001Ki", "1024n"],
    [".000000000001Ki", "2n"],
    // TestQuantityString alternates
    ["307200Ki", "300Mi"],
    ["1025024Mi", "1001Gi"],
    ["1024Gi", "1Ti"],
    ["5000m", "5"],
    ["0.5", "500m"],
    ["0.001T", "1G"],
    ["1000u", "1m"],
    ["1.08", "1080m"],
    ["1080000000n", "1080m"],
    ["1000E", "1e21"],
    ["5000E", "5e21"],
    ["1000000E", "1e24"],
    [".001e12", "1e9"],
    ["0.001e0", "1e-3"],
    ["1000e-12", "1e-9"],
    ["00", "0"],
    // the examples of the Quantity doc comment and the brief
    ["1.5Gi", "1536Mi"],
    ["1000m", "1"],
    ["2000", "2k"],
    ["100M", "100M"],
    ["1.5", "1500m"],
  ])("%s → %s", (input, expected) => {
    expect(str(input)).toBe(expected);
  });

  it("keeps every canonical string of TestQuantityString as written", () => {
    for (const s of ["1Gi", "300Mi", "6Ki", "1001Gi", "1Ti", "5", "500m", "1G", "1m", "80m", "1080m", "300M", "1T",
      "1E", "1e21", "1234567M", "1234567m", "3k", "1025", "0", "1e9", "1e-3", "1e-9", "80e-3", "300e6", "1e12", "1e3",
      "3e3", "1n", "80n", "1080n", "1u", "80u", "1080u"]) {
      expect(str(s)).toBe(s);
    }
  });

  it("negates the canonical form of negative inputs", () => {
    expect(str("-1024Mi")).toBe("-1Gi");
    expect(str("-.001Ki")).toBe("-1024m");
    expect(str("-0.5")).toBe("-500m");
    expect(str("-0")).toBe("0");
  });

  it("rounds values finer than a nano away from zero (Things that saturate/round)", () => {
    expect(str("3.001n")).toBe("4n");
    expect(str("0.0000000001")).toBe("1n");
    expect(str("0.00000012345")).toBe("124n");
    expect(str("1.1E-9")).toBe("2e-9");
    expect(str("0.9n")).toBe("1n");
    expect(str("-3.001n")).toBe("-4n");
  });

  it("caps binary quantities at 2^63-1 like Kubernetes", () => {
    expect(parseQuantity("9Ei").value()).toBe(2n ** 63n - 1n);
    expect(parseQuantity("9223372036854775807Ki").value()).toBe(2n ** 63n - 1n);
    expect(str("9Ei")).toBe("9223372036854775807");
  });

  it("reports the formats Kubernetes assigns", () => {
    expect(parseQuantity("0Ki").format).toBe("BinarySI");
    expect(parseQuantity("0.5Mi").format).toBe("BinarySI");
    expect(parseQuantity("0.000000000001Ki").format).toBe("DecimalSI");
    expect(parseQuantity("1.2e3").format).toBe("DecimalExponent");
    expect(parseQuantity("1E").format).toBe("DecimalSI");
    expect(str("1.2e3")).toBe("1200");
  });

  it("parses the trolls' forms (.001, 1., 1.G) and the lax ones Kubernetes accepts", () => {
    expect(parseQuantity(".001").milliValue()).toBe(1n);
    expect(parseQuantity("1.").value()).toBe(1n);
    expect(parseQuantity("1.G").value()).toBe(1_000_000_000n);
    expect(parseQuantity("100.035k").value()).toBe(100035n);
    expect(str("100.035k")).toBe("100.035k"); // kept verbatim: scale 0, digits 100035
    expect(str("0.0005k")).toBe("500m");
  });

  it("echoes inputs the parser's fast path deems canonical, even odd ones (as ParseQuantity keeps q.s)", () => {
    // scale 0, digits "1500" without a trailing "000": the input text is kept
    expect(str("1.500k")).toBe("1.500k");
    expect(str("+1")).toBe("+1");
    expect(str("1E3")).toBe("1E3");
    expect(str("1.")).toBe("1.");
    expect(str("1.G")).toBe("1.G");
    // not kept: a trailing "000" or a leading zero after shifting
    expect(str("1.000k")).toBe("1k");
    expect(str("0.5")).toBe("500m");
  });
});

describe("quantity parse errors", () => {
  it.each(["1.1.M", "1+1.0M", "0.1am", "aoeu", " 1", "1 ", ""])("%j → format error", (input) => {
    expect(() => parseQuantity(input)).toThrow(new QuantityParseError(QUANTITY_FORMAT_ERROR));
  });

  it.each(["0.1mi", ".5i", "1i", "-3.01i", "-3.01e-", "1K"])("%j → suffix error", (input) => {
    expect(() => parseQuantity(input)).toThrow(new QuantityParseError(QUANTITY_SUFFIX_ERROR));
  });

  it("uses Kubernetes' exact format message", () => {
    expect(QUANTITY_FORMAT_ERROR).toBe(
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
    expect(isValidQuantity("abc")).toBe(false);
    expect(isValidQuantity("250m")).toBe(true);
  });
});

describe("quantity arithmetic", () => {
  it("adds without float drift", () => {
    const sum = parseQuantity("0.1").add(parseQuantity("0.2"));
    expect(sum.toString()).toBe("300m");
    expect(sum.equals(parseQuantity("0.3"))).toBe(true);
    expect(parseQuantity("1.1").sub(parseQuantity("0.9")).toString()).toBe("200m");
  });

  it("compares across suffixes (TestQuantityCmp)", () => {
    expect(parseQuantity("10000T").cmp(parseQuantity("100Gi"))).toBe(1);
    expect(parseQuantity("100m").cmp(parseQuantity("50m"))).toBe(1);
    expect(parseQuantity("50m").cmp(parseQuantity("100m"))).toBe(-1);
    expect(parseQuantity("1Gi").cmp(parseQuantity("1024Mi"))).toBe(0);
    expect(parseQuantity("1G").cmp(parseQuantity("1Gi"))).toBe(-1);
  });

  it("keeps the suffix when adding or subtracting zero (TestQuantityAddZeroPreservesSuffix)", () => {
    const zero = parseQuantity("0");
    for (const v of ["100m", "1Gi"]) {
      expect(parseQuantity(v).add(zero).toString()).toBe(v);
      expect(zero.add(parseQuantity(v)).toString()).toBe(v);
      expect(parseQuantity(v).sub(zero).toString()).toBe(v);
      expect(zero.sub(parseQuantity(v)).toString()).toBe(`-${v}`);
    }
  });

  it("switches a binary sum to decimal when it is not a whole number", () => {
    expect(parseQuantity("1Gi").add(parseQuantity("500m")).toString()).toBe("1073741824500m");
    expect(parseQuantity("1Gi").add(parseQuantity("1Mi")).toString()).toBe("1025Mi");
  });

  it("negates (TestQuantityNeg)", () => {
    expect(parseQuantity("9.01").neg().toString()).toBe("-9010m");
  });
});

describe("quantity conversions", () => {
  it("gives bytes, cores and millicores, rounding up away from zero", () => {
    expect(parseQuantity("1Gi").value()).toBe(1073741824n);
    expect(parseQuantity("500m").milliValue()).toBe(500n);
    expect(parseQuantity("2").milliValue()).toBe(2000n);
    expect(parseQuantity("1.5").value()).toBe(2n);
    expect(parseQuantity("-1.5").value()).toBe(-2n);
    expect(parseQuantity("1n").milliValue()).toBe(1n);
    expect(parseQuantity("128974848").toNumber()).toBe(128974848);
    expect(parseQuantity("250m").toNumber()).toBe(0.25);
  });

  it("builds quantities like NewQuantity and NewMilliQuantity (TestNewSet, TestMilliNewSet)", () => {
    expect(Quantity.fromValue(1).toString()).toBe("1");
    expect(Quantity.fromValue(1000).toString()).toBe("1k");
    expect(Quantity.fromValue(1234000).toString()).toBe("1234k");
    expect(Quantity.fromValue(1024, "BinarySI").toString()).toBe("1Ki");
    expect(Quantity.fromValue(1024 * 1024, "BinarySI").toString()).toBe("1Mi");
    expect(Quantity.fromMilli(1).toString()).toBe("1m");
    expect(Quantity.fromMilli(1000).toString()).toBe("1");
    expect(Quantity.fromMilli(1234000).toString()).toBe("1234");
    expect(Quantity.fromMilli(1024, "BinarySI").toString()).toBe("1024m");
    expect(Quantity.fromMilli(1024 * 1024, "BinarySI").toString()).toBe("1048576m");
  });

  it("decodes JSON values like UnmarshalJSON (TestJSONWhitespace)", () => {
    expect(quantityFromJSON(" 1").toString()).toBe("1");
    expect(quantityFromJSON("1 ").toString()).toBe("1");
    expect(quantityFromJSON(-1).toString()).toBe("-1");
    expect(quantityFromJSON(0.5).toString()).toBe("500m");
    expect(canonicalQuantity("1024Mi")).toBe("1Gi");
    expect(JSON.stringify({ cpu: parseQuantity("0.25") })).toBe('{"cpu":"250m"}');
  });
});
