// Deep copies of API objects. Objects here are JSON trees (plain objects, arrays, strings, numbers, booleans, null),
// so a recursive copy does the job several times faster than `structuredClone`, which serializes and deserializes.

/** A deep copy of a JSON tree. Properties whose value is undefined are kept (as `structuredClone` keeps them). */
export function cloneJson<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = cloneJson(value[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = cloneJson((value as Record<string, unknown>)[key]);
  return out as T;
}
