import { describe, expect, it } from "vitest";
import { humanDuration, parseTimestamp, translateTimestampSince } from "../../../../src/cluster/registry/printing/age";

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe("humanDuration (apimachinery duration.HumanDuration)", () => {
  it.each([
    [0, "0s"],
    [45 * S, "45s"],
    [119 * S + 999, "119s"],
    [120 * S, "2m"],
    [125 * S, "2m5s"],
    [5 * M, "5m"],
    [9 * M + 59 * S, "9m59s"],
    [10 * M + 30 * S, "10m"],
    [179 * M, "179m"],
    [3 * H, "3h"],
    [3 * H + 30 * M, "3h30m"],
    [7 * H + 59 * M, "7h59m"],
    [8 * H + 30 * M, "8h"],
    [47 * H, "47h"],
    [2 * D, "2d"],
    [2 * D + 5 * H, "2d5h"],
    [7 * D + 23 * H, "7d23h"],
    [10 * D, "10d"],
    [729 * D, "729d"],
    [730 * D, "2y"],
    [731 * D, "2y1d"],
    [8 * 365 * D + 100 * D, "8y"],
  ])("%d ms → %s", (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });

  it("tolerates less than two seconds of clock skew, then reports <invalid>", () => {
    expect(humanDuration(-999)).toBe("0s");
    expect(humanDuration(-1999)).toBe("0s");
    expect(humanDuration(-2000)).toBe("<invalid>");
    expect(humanDuration(-5 * M)).toBe("<invalid>");
  });
});

describe("translateTimestampSince", () => {
  const now = Date.parse("2025-06-01T12:00:00Z");

  it("renders the age of an RFC 3339 timestamp", () => {
    expect(translateTimestampSince("2025-06-01T11:59:15Z", now)).toBe("45s");
    expect(translateTimestampSince("2025-06-01T11:55:00Z", now)).toBe("5m");
    expect(translateTimestampSince("2025-06-01T09:00:00Z", now)).toBe("3h");
    expect(translateTimestampSince("2025-05-30T12:00:00Z", now)).toBe("2d");
    expect(translateTimestampSince("2025-05-22T12:00:00Z", now)).toBe("10d");
  });

  it("is <unknown> for a missing timestamp and <invalid> for one in the future", () => {
    expect(translateTimestampSince(undefined, now)).toBe("<unknown>");
    expect(translateTimestampSince(null, now)).toBe("<unknown>");
    expect(translateTimestampSince("", now)).toBe("<unknown>");
    expect(translateTimestampSince("2025-06-01T12:10:00Z", now)).toBe("<invalid>");
    expect(translateTimestampSince("2025-06-01T12:00:01Z", now)).toBe("0s");
  });
});

describe("parseTimestamp", () => {
  it("reads fractions and zone offsets", () => {
    expect(parseTimestamp("2025-06-01T12:00:00.123456Z")).toBe(Date.parse("2025-06-01T12:00:00.123Z"));
    expect(parseTimestamp("2025-06-01T14:00:00+02:00")).toBe(Date.parse("2025-06-01T12:00:00Z"));
    expect(parseTimestamp("2025-06-01T10:30:00-01:30")).toBe(Date.parse("2025-06-01T12:00:00Z"));
  });

  it("rejects what is not RFC 3339", () => {
    expect(parseTimestamp("yesterday")).toBeUndefined();
    expect(parseTimestamp(12)).toBeUndefined();
  });
});
