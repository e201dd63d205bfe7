// Reading API answers of any kind (JSON the dashboard does not validate): each reader narrows what it finds, and
// answers undefined (or an empty list) where the answer holds something else.
import { isRecord } from "../api/object";

/** The value at `path` inside `value`; undefined once a step is not an object. */
export function fieldAt(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) current = isRecord(current) ? current[key] : undefined;
  return current;
}

export function stringAt(value: unknown, ...path: string[]): string | undefined {
  const found = fieldAt(value, ...path);
  return typeof found === "string" ? found : undefined;
}

/** The objects of the list at `path` (its other entries skipped). */
export function recordsAt(value: unknown, ...path: string[]): Record<string, unknown>[] {
  const found = fieldAt(value, ...path);
  return Array.isArray(found) ? found.filter(isRecord) : [];
}

function isStringMap(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((v) => typeof v === "string");
}

/** A map of strings (labels, a Service's selector) at `path`. */
export function stringMapAt(value: unknown, ...path: string[]): Record<string, string> | undefined {
  const found = fieldAt(value, ...path);
  return isStringMap(found) ? found : undefined;
}

/** What a page shows of a condition (`status.conditions[]` of any kind). */
export interface ShownCondition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
}

export function conditionsOf(obj: unknown): ShownCondition[] {
  return recordsAt(obj, "status", "conditions").map((c) => ({
    type: stringAt(c, "type"),
    status: stringAt(c, "status"),
    reason: stringAt(c, "reason"),
    message: stringAt(c, "message"),
  }));
}
