// What the registry compares (with api/json-equal's deepEqual): no-op update detection and generation bumps.
import type { KubeObject } from "../../api/object";

/** Everything but metadata and status: what a generation counts. */
export function specOf(obj: KubeObject): Record<string, unknown> {
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = obj;
  return rest;
}

/** The object without the fields every write changes by itself (resourceVersion, managedFields). */
export function withoutVolatileMeta(obj: KubeObject): KubeObject {
  const { resourceVersion: _rv, managedFields: _mf, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}
