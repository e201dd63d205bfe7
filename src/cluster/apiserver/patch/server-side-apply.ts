// Server-side apply (`application/apply-patch+yaml`) and the field-ownership bookkeeping of every other write
// (metadata.managedFields), after k8s.io/apiserver's fieldmanager and structured-merge-diff.
//
// Limits, on purpose: field sets are computed on the object's JSON without OpenAPI types, so a non-empty map is never
// itself a member (as for struct fields) even when it is a free-form map; list-map keys absent from an item are left
// out of its `k:{…}` key instead of defaulted; there is no version conversion (apiVersion is recorded, not used to
// convert); managedFields are not capped; `status` is tracked like any other field.
import { failure, type StatusError } from "../../../api/status";
import type { KubeObject, ManagedFieldsEntry } from "../../../api/object";
import type { PatchMeta } from "./patch-meta";
import {
  compare,
  difference,
  emptySet,
  fromFieldsV1,
  intersection,
  isEmptySet,
  memberPaths,
  pathString,
  removeFields,
  setOf,
  toFieldsV1,
  union,
  withNamedFieldsAsMembers,
  type FieldSet,
} from "./field-set";
import { deepEqual } from "../../../api/json-equal";
import { cloneJson } from "../../../api/clone";
import { isRecord } from "../../../api/object";
import type { JsonObject } from "./json-value";
import { ssaMerge } from "./ssa-merge";

/** Metadata the server owns: never part of a field set, never taken from an applied configuration. */
const SYSTEM_METADATA = [
  "name",
  "namespace",
  "uid",
  "resourceVersion",
  "generation",
  "creationTimestamp",
  "deletionTimestamp",
  "deletionGracePeriodSeconds",
  "selfLink",
  "managedFields",
];

/** A time as managedFields write it: RFC3339 in UTC, whole seconds. */
export function managedFieldsTime(now: number | string): string {
  const ms = typeof now === "number" ? now : Date.parse(now);
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The object without apiVersion/kind and server-owned metadata: what field sets are computed on. */
function trackedFields(obj: unknown): JsonObject {
  if (!isRecord(obj)) return {};
  const out: JsonObject = { ...obj };
  delete out.apiVersion;
  delete out.kind;
  if (isRecord(out.metadata)) {
    const metadata = { ...out.metadata };
    for (const key of SYSTEM_METADATA) delete metadata[key];
    if (Object.keys(metadata).length > 0) out.metadata = metadata;
    else delete out.metadata;
  }
  return out;
}

interface Manager {
  entry: ManagedFieldsEntry;
  set: FieldSet;
}

function readManagers(obj: KubeObject): Manager[] {
  return (obj.metadata?.managedFields ?? []).map((entry) => ({ entry, set: fromFieldsV1(entry.fieldsV1) }));
}

const sameEntry = (a: ManagedFieldsEntry, b: ManagedFieldsEntry) =>
  a.manager === b.manager &&
  a.operation === b.operation &&
  (a.operation === "Apply" || a.apiVersion === b.apiVersion) &&
  (a.subresource ?? "") === (b.subresource ?? "");

/** Entries sorted as the apiserver sorts them: operation, then time, then manager, apiVersion, subresource. */
function writeManagers(managers: Manager[]): ManagedFieldsEntry[] {
  const seconds = (e: ManagedFieldsEntry) => (e.time ? Math.floor(Date.parse(e.time) / 1000) : 0);
  const cmp = (a = "", b = "") => (a < b ? -1 : a > b ? 1 : 0);
  return managers
    .filter((m) => !isEmptySet(m.set))
    .map((m) => ({ ...m.entry, fieldsType: "FieldsV1" as const, fieldsV1: toFieldsV1(m.set) }))
    .sort(
      (a, b) =>
        cmp(a.operation, b.operation) ||
        seconds(a) - seconds(b) ||
        cmp(a.manager, b.manager) ||
        cmp(a.apiVersion, b.apiVersion) ||
        cmp(a.subresource, b.subresource),
    );
}

function withManagedFields(obj: unknown, entries: ManagedFieldsEntry[]): KubeObject {
  const out = cloneJson(obj) as KubeObject;
  out.metadata = { ...(isRecord(out.metadata) ? out.metadata : {}) };
  if (entries.length > 0) out.metadata.managedFields = entries;
  else delete out.metadata.managedFields;
  return out;
}

function describeManager(entry: ManagedFieldsEntry): string {
  let text = JSON.stringify(entry.manager ?? "");
  if (entry.subresource) text += ` with subresource ${JSON.stringify(entry.subresource)}`;
  return entry.operation === "Update" ? `${text} using ${entry.apiVersion}` : text;
}

/** The 409 an apply answers when it would change fields other managers own (apiserver fieldmanager NewConflictError). */
function conflictError(conflicts: { entry: ManagedFieldsEntry; path: string }[]): StatusError {
  const causes = conflicts.map((c) => ({
    reason: "FieldManagerConflict",
    message: `conflict with ${describeManager(c.entry)}`,
    field: c.path,
  }));
  let message: string;
  if (conflicts.length === 1) {
    message = `Apply failed with 1 conflict: conflict with ${describeManager(conflicts[0].entry)}: ${conflicts[0].path}`;
  } else {
    const byManager = new Map<string, string[]>();
    for (const c of conflicts) {
      const name = describeManager(c.entry);
      byManager.set(name, [...(byManager.get(name) ?? []), c.path]);
    }
    const lines: string[] = [];
    for (const name of [...byManager.keys()].sort()) {
      lines.push(`conflicts with ${name}:`, ...byManager.get(name)!.map((p) => `- ${p}`));
    }
    message = `Apply failed with ${conflicts.length} conflicts: ${lines.join("\n")}`;
  }
  return failure(409, "Conflict", message, { causes });
}

export interface ServerSideApplyInput {
  /** The live object, or undefined when the PATCH creates it. */
  current: KubeObject | undefined;
  /** The applied configuration (the parsed request body). */
  applied: KubeObject;
  /** `fieldManager` of the request (kubectl sends "kubectl"). */
  manager: string;
  /** `force=true` (`--force-conflicts`): take over conflicting fields instead of failing. */
  force: boolean;
  /** The request time, ms since the epoch or RFC3339. */
  now: number | string;
  /** The apiVersion the request was made with, e.g. "apps/v1". */
  apiVersion: string;
  meta: PatchMeta | undefined;
  subresource?: string;
}

/**
 * Applies a server-side apply configuration and returns the new object with updated `metadata.managedFields`.
 * Fields this manager applied before and no longer applies are removed unless another manager owns them; changing a
 * field another manager owns throws a 409 Conflict unless `force`, which transfers ownership.
 */
export function serverSideApply(input: ServerSideApplyInput): KubeObject {
  const { current, applied, manager, force, meta, apiVersion } = input;
  const time = managedFieldsTime(input.now);
  const configSet = setOf(trackedFields(applied), meta);
  const entry: ManagedFieldsEntry = { manager, operation: "Apply", apiVersion, time, fieldsType: "FieldsV1" };
  if (input.subresource) entry.subresource = input.subresource;
  if (current === undefined) {
    const created = { ...cloneJson(applied) } as KubeObject;
    if (created.metadata) delete created.metadata.managedFields;
    return withManagedFields(created, writeManagers([{ entry, set: configSet }]));
  }

  let managers = readManagers(current);
  if (managers.length === 0) {
    const before: ManagedFieldsEntry = { manager: "before-first-apply", operation: "Update", apiVersion };
    managers = [{ entry: before, set: setOf(trackedFields(current), meta) }];
  }
  const mine = managers.find((m) => sameEntry(m.entry, entry));
  const others = managers.filter((m) => m !== mine);

  const live = trackedFields(current);
  let merged = ssaMerge(live, trackedFields(applied), meta);
  if (mine) {
    const keep = others.reduce((acc, m) => union(acc, m.set), configSet);
    const released = difference(withNamedFieldsAsMembers(mine.set, meta), withNamedFieldsAsMembers(keep, meta));
    merged = removeFields(merged, released, keep, meta);
  }

  const changes = compare(live, merged, meta);
  const changed = union(changes.added, changes.modified);
  const conflicts = others.flatMap((m) =>
    memberPaths(intersection(m.set, changed)).map((path) => ({ entry: m.entry, path: pathString(path) })),
  );
  if (conflicts.length > 0 && !force) throw conflictError(conflicts);

  const updated = others.map((m) => ({ entry: m.entry, set: difference(difference(m.set, changes.removed), changed) }));
  const objectChanged = !deepEqual(live, merged);
  const keepTime = mine && !objectChanged && deepEqual(toFieldsV1(mine.set), toFieldsV1(configSet));
  updated.push({ entry: keepTime ? { ...entry, time: mine.entry.time } : entry, set: configSet });

  return withManagedFields(restoreSystemFields(merged, current), writeManagers(updated));
}

/** The merged tracked fields plus the live object's apiVersion, kind and server-owned metadata. */
function restoreSystemFields(merged: unknown, current: KubeObject): JsonObject {
  const out: JsonObject = { ...(merged as JsonObject) };
  if (current.apiVersion !== undefined) out.apiVersion = current.apiVersion;
  if (current.kind !== undefined) out.kind = current.kind;
  const metadata: JsonObject = { ...(isRecord(out.metadata) ? out.metadata : {}) };
  for (const key of SYSTEM_METADATA) {
    const value = (current.metadata as JsonObject | undefined)?.[key];
    if (value !== undefined) metadata[key] = value;
  }
  const ordered: JsonObject = {};
  if (out.apiVersion !== undefined) ordered.apiVersion = out.apiVersion;
  if (out.kind !== undefined) ordered.kind = out.kind;
  return { ...ordered, ...out, metadata };
}

export interface RecordUpdateInput {
  /** The object before the write, or undefined for a create. */
  current: KubeObject | undefined;
  /** The object the write produces (its managedFields are ignored and rewritten). */
  updated: KubeObject;
  manager: string;
  now: number | string;
  apiVersion: string;
  meta: PatchMeta | undefined;
  subresource?: string;
}

/**
 * Field ownership for a non-apply write (create, update, the other patch types): the manager gains the fields the
 * write added or changed (an "Update" entry), other managers lose them, and removed fields leave every manager.
 * Returns `updated` with the new managedFields; a write that changes nothing keeps the entries as they were.
 */
export function recordUpdateManager(input: RecordUpdateInput): KubeObject {
  const { current, updated, manager, meta, apiVersion } = input;
  const entry: ManagedFieldsEntry = {
    manager,
    operation: "Update",
    apiVersion,
    time: managedFieldsTime(input.now),
    fieldsType: "FieldsV1",
  };
  if (input.subresource) entry.subresource = input.subresource;
  const managers = current ? readManagers(current) : [];
  const changes = compare(current ? trackedFields(current) : {}, trackedFields(updated), meta);
  const changed = union(changes.added, changes.modified);
  if (isEmptySet(changed) && isEmptySet(changes.removed)) return withManagedFields(updated, writeManagers(managers));

  const mine = managers.find((m) => sameEntry(m.entry, entry));
  const next = managers
    .filter((m) => m !== mine)
    .map((m) => ({ entry: m.entry, set: difference(difference(m.set, changes.removed), changed) }));
  const previous = mine ? difference(mine.set, changes.removed) : emptySet();
  if (!isEmptySet(changed)) next.push({ entry, set: union(previous, changed) });
  else if (mine) next.push({ entry: mine.entry, set: previous });
  return withManagedFields(updated, writeManagers(next));
}
