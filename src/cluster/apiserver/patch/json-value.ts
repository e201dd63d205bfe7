// The JSON object type of the patch engines and Go's rendering of values in their error messages.
import { isRecord } from "../../../api/object";

export type JsonObject = { [key: string]: unknown };

/** Go's `%v` rendering of a decoded JSON value (maps print as `map[k:v]` with sorted keys), for error messages. */
export function goFormat(value: unknown): string {
  if (value === null || value === undefined) return "<nil>";
  if (Array.isArray(value)) return `[${value.map(goFormat).join(" ")}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).sort();
    return `map[${keys.map((k) => `${k}:${goFormat(value[k])}`).join(" ")}]`;
  }
  return String(value);
}
