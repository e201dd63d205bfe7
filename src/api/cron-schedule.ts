// Cron arithmetic for the CronJob controller: parse errors worded like robfig/cron (what the apiserver reports),
// next and most recent run times in the CronJob's time zone (computed by croner), and RFC 3339 in that zone.
import { Cron } from "croner";

const descriptors: Record<string, string> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};

interface FieldBounds {
  min: number;
  max: number;
  names?: string[];
}

const bounds: FieldBounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"] },
  { min: 0, max: 6, names: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] },
];

function parseValue(text: string, b: FieldBounds): number {
  const byName = b.names?.indexOf(text.toLowerCase()) ?? -1;
  if (byName >= 0) return byName + b.min;
  if (!/^[+-]?\d+$/.test(text)) throw new Error(`failed to parse int from ${text}: strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`);
  return Number(text);
}

/** robfig/cron getRange for one comma-separated part; throws with its message. */
function checkRange(expr: string, b: FieldBounds): void {
  const rangeAndStep = expr.split("/");
  const lowAndHigh = rangeAndStep[0].split("-");
  let start: number;
  let end: number;
  if (lowAndHigh[0] === "*" || lowAndHigh[0] === "?") {
    start = b.min;
    end = b.max;
  } else {
    start = parseValue(lowAndHigh[0], b);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseValue(lowAndHigh[1], b);
    else throw new Error(`too many hyphens: ${expr}`);
  }
  if (rangeAndStep.length === 2) {
    const step = parseValue(rangeAndStep[1], b);
    if (step <= 0) throw new Error(`step of range should be a positive number: ${expr}`);
    if (lowAndHigh.length === 1 && lowAndHigh[0] !== "*" && lowAndHigh[0] !== "?") end = b.max;
  } else if (rangeAndStep.length > 2) {
    throw new Error(`too many slashes: ${expr}`);
  }
  if (start < b.min) throw new Error(`beginning of range (${start}) below minimum (${b.min}): ${expr}`);
  if (end > b.max) throw new Error(`end of range (${end}) above maximum (${b.max}): ${expr}`);
  if (start > end) throw new Error(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
}

/** The 5-field form of a standard schedule (descriptors expanded), or the parse error robfig/cron would give. */
export function parseStandardSchedule(schedule: string): { pattern: string } | { error: string } {
  const trimmed = schedule.trim();
  if (!trimmed) return { error: "empty spec string" };
  if (trimmed.startsWith("@")) {
    const pattern = descriptors[trimmed];
    return pattern ? { pattern } : { error: `unrecognized descriptor: ${trimmed}` };
  }
  const fields = trimmed.split(/\s+/);
  if (fields.length !== 5) return { error: `expected exactly 5 fields, found ${fields.length}: [${fields.join(" ")}]` };
  try {
    fields.forEach((field, i) => field.split(",").forEach((part) => checkRange(part, bounds[i])));
    new Cron(fields.join(" "), { paused: true, mode: "5-part" });
  } catch (error) {
    return { error: (error as Error).message };
  }
  return { pattern: fields.join(" ") };
}

/** Whether `zone` is an IANA time zone this runtime knows. */
export function isKnownTimeZone(zone: string): boolean {
  if (!zone || zone.toLowerCase() === "local") return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export class Schedule {
  private readonly cron: Cron;

  /** `pattern` from parseStandardSchedule; `timeZone` an IANA zone (UTC when absent, as kube-controller-manager's). */
  constructor(pattern: string, readonly timeZone: string = "UTC") {
    this.cron = new Cron(pattern, { paused: true, timezone: timeZone, mode: "5-part" });
  }

  /** The first run strictly after `afterMs`, or undefined if there is none. */
  next(afterMs: number): number | undefined {
    return this.cron.nextRun(new Date(afterMs))?.getTime();
  }

  /**
   * getMostRecentScheduleTime: the latest run in (earliestMs, nowMs] and how many runs fell in that window
   * (counting stops past `limit`).
   */
  mostRecent(earliestMs: number, nowMs: number, limit = 101): { latest?: number; missed: number } {
    let latest: number | undefined;
    let missed = 0;
    for (let t = this.next(earliestMs); t !== undefined && t <= nowMs; t = this.next(t)) {
      latest = t;
      missed += 1;
      if (missed >= limit) {
        // Too many to count one by one: the latest one is the last run at or before now.
        const previous = this.cron.previousRuns(1, new Date(nowMs + 1))[0]?.getTime();
        if (previous !== undefined) latest = previous;
        break;
      }
    }
    return { latest, missed };
  }
}

/** RFC 3339 of `ms` in `timeZone`, e.g. `2024-07-01T09:00:00+02:00` (Go's time.Format(time.RFC3339)). */
export function formatInZone(ms: number, timeZone = "UTC"): string {
  const seconds = Math.floor(ms / 1000) * 1000;
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(seconds));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  const local = `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}:${get("second")}`;
  const offsetMinutes = Math.round((Date.parse(`${local}Z`) - seconds) / 60000);
  if (offsetMinutes === 0) return `${local}Z`;
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}
