import { describe, expect, it } from "vitest";
import { formatInZone, isKnownTimeZone, parseStandardSchedule, Schedule } from "../../src/api/cron-schedule";

const utc = (s: string) => Date.parse(s);

describe("parseStandardSchedule", () => {
  it("accepts standard 5-field schedules and descriptors", () => {
    expect(parseStandardSchedule("*/5 * * * *")).toEqual({ pattern: "*/5 * * * *" });
    expect(parseStandardSchedule("0 9 * * MON-FRI")).toEqual({ pattern: "0 9 * * MON-FRI" });
    expect(parseStandardSchedule("@hourly")).toEqual({ pattern: "0 * * * *" });
  });

  it.each([
    ["bad", "expected exactly 5 fields, found 1: [bad]"],
    ["* * * *", "expected exactly 5 fields, found 4: [* * * *]"],
    ["60 * * * *", "end of range (60) above maximum (59): 60"],
    ["* * 0 * *", "beginning of range (0) below minimum (1): 0"],
    ["5-2 * * * *", "beginning of range (5) beyond end of range (2): 5-2"],
    ["x * * * *", 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ["*/0 * * * *", "step of range should be a positive number: */0"],
    ["* * * * 7", "end of range (7) above maximum (6): 7"],
    ["@sometimes", "unrecognized descriptor: @sometimes"],
  ])("rejects %j like robfig/cron: %s", (schedule, message) => {
    expect(parseStandardSchedule(schedule)).toEqual({ error: message });
  });
});

describe("Schedule", () => {
  it("finds the next minute for */1", () => {
    const s = new Schedule("*/1 * * * *");
    expect(s.next(utc("2030-01-01T00:00:30Z"))).toBe(utc("2030-01-01T00:01:00Z"));
    expect(s.next(utc("2030-01-01T00:01:00Z"))).toBe(utc("2030-01-01T00:02:00Z"));
  });

  it("reads the schedule in its time zone, across daylight saving time", () => {
    const berlin = new Schedule("0 9 * * *", "Europe/Berlin");
    expect(berlin.next(utc("2030-07-01T00:00:00Z"))).toBe(utc("2030-07-01T07:00:00Z"));
    expect(berlin.next(utc("2030-01-15T00:00:00Z"))).toBe(utc("2030-01-15T08:00:00Z"));
    const newYork = new Schedule("30 2 * * *", "America/New_York");
    expect(newYork.next(utc("2030-06-01T00:00:00Z"))).toBe(utc("2030-06-01T06:30:00Z"));
  });

  it("ORs day-of-month and day-of-week when both are restricted, as cron does", () => {
    const s = new Schedule("0 0 13 * 5");
    // 2030-09-06 is a Friday, before the 13th.
    expect(s.next(utc("2030-09-01T00:00:00Z"))).toBe(utc("2030-09-06T00:00:00Z"));
  });

  it("counts missed runs and returns the most recent one", () => {
    const s = new Schedule("*/10 * * * *");
    expect(s.mostRecent(utc("2030-01-01T00:00:00Z"), utc("2030-01-01T00:35:00Z"))).toEqual({ latest: utc("2030-01-01T00:30:00Z"), missed: 3 });
    expect(s.mostRecent(utc("2030-01-01T00:00:00Z"), utc("2030-01-01T00:05:00Z"))).toEqual({ latest: undefined, missed: 0 });
  });

  it("stops counting past 100 missed runs but still finds the latest", () => {
    const s = new Schedule("* * * * *");
    const result = s.mostRecent(utc("2030-01-01T00:00:00Z"), utc("2030-01-02T00:00:30Z"));
    expect(result.missed).toBe(101);
    expect(result.latest).toBe(utc("2030-01-02T00:00:00Z"));
  });
});

describe("time zones", () => {
  it("knows IANA zones and rejects unknown ones and Local", () => {
    expect(isKnownTimeZone("Europe/Berlin")).toBe(true);
    expect(isKnownTimeZone("Mars/Olympus")).toBe(false);
    expect(isKnownTimeZone("Local")).toBe(false);
  });

  it("formats RFC 3339 with the zone's offset", () => {
    expect(formatInZone(utc("2030-07-01T07:00:00Z"), "Europe/Berlin")).toBe("2030-07-01T09:00:00+02:00");
    expect(formatInZone(utc("2030-01-01T05:00:00Z"), "America/New_York")).toBe("2030-01-01T00:00:00-05:00");
    expect(formatInZone(utc("2030-01-01T05:00:00.750Z"))).toBe("2030-01-01T05:00:00Z");
  });
});
