// Timestamps of API objects (metav1.Time as RFC 3339 text) read as numbers.

/** Milliseconds since the epoch of a timestamp field; undefined when it is absent or not a date. */
export function parseTime(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
