// The verbs of the Kubernetes API on one resource: get, list, watch, create, update, patch, delete,
// deletecollection. Each request goes decode → check → registry (strategy, validation, admission) → storage.
import type { KubeObject } from "../../api/object";
import { isRecord } from "../../api/object";
import { badRequest, conflict, fieldError, invalid, notFound, success } from "../../api/status";
import type { DeleteOptions, RegistryStore } from "../registry/generic-store";
import { listPrefix, objectKey } from "../registry/keys";
import { apiVersionOf, type ResourceTable } from "../registry/resource-table";
import type { Caller, ResourceDef } from "../registry/types";
import { decodeBody, decodeObject, decodePatch, patchTypeOf, readBody } from "./decode";
import { decodeContinue, encodeContinue, pageSize, parseListOptions } from "./list-options";
import { applyConfiguration, applyPatch, recordManager } from "./patching";
import { json } from "./respond";
import { checkTypes, checkUnknownFields, parseFieldValidation, type FieldValidation } from "./schema-check";
import { parseResourceVersion } from "./resource-version";
import { writeOptions } from "./write-options";
import { parseIncludeObject, tableContentType, toTable, wantsTable } from "./table";
import type { WatchHub } from "./watch";

export interface VerbContext {
  def: ResourceDef;
  /** Every kind a body may carry: decodes protobuf bodies. */
  table: ResourceTable;
  namespace: string | undefined;
  name: string | undefined;
  subresource: string | undefined;
  request: Request;
  query: URLSearchParams;
  caller: Caller;
  registry: RegistryStore;
  watches: WatchHub;
  now: () => number;
  /** Longest a watch may stay open, in seconds. */
  maxWatchSeconds: number;
  /** Fields derived when an object is read (node heartbeats), filled by the wiring. */
  present?: ReadPresenter;
}

/** An object as a read shows it: fields that are derived at read time filled in (a new object; the stored one stays). */
export type ReadPresenter = (def: ResourceDef, obj: KubeObject) => KubeObject;

function view(ctx: VerbContext, stored: KubeObject): KubeObject {
  const obj = ctx.present ? ctx.present(ctx.def, stored) : stored;
  return ctx.caller.role === "view" && ctx.def.redactForViewer ? ctx.def.redactForViewer(obj) : obj;
}

function warningHeaders(warnings: string[]): Record<string, string> {
  if (!warnings.length) return {};
  return { Warning: warnings.map((w) => `299 - ${JSON.stringify(w)}`).join(", ") };
}

function respondObject(ctx: VerbContext, obj: KubeObject, status: number, headers: Record<string, string> = {}): Response {
  const viewed = view(ctx, obj);
  if (wantsTable(ctx.request.headers.get("accept"))) {
    const table = toTable(ctx.def, [viewed], ctx.now(), parseIncludeObject(ctx.query.get("includeObject")), {
      resourceVersion: obj.metadata.resourceVersion,
    });
    return json(table, status, { ...headers, "Content-Type": tableContentType });
  }
  return json(viewed, status, headers);
}

export function get(ctx: VerbContext): Response {
  parseResourceVersion(ctx.query.get("resourceVersion"));
  return respondObject(ctx, ctx.registry.get(ctx.def, ctx.namespace, ctx.name!), 200);
}

export function list(ctx: VerbContext): Response {
  const options = parseListOptions(ctx.def, ctx.query);
  const revision = ctx.registry.store.revision;
  let objects = ctx.registry.list(ctx.def, ctx.namespace);
  objects = objects.filter((o) => options.selection.matches(o));
  let continueToken: string | undefined;
  let remaining: number | undefined;
  if (options.continueToken) {
    const { start } = decodeContinue(options.continueToken);
    objects = objects.filter((o) => objectKey(ctx.def, o.metadata.namespace, o.metadata.name!) > start);
  }
  const limit = pageSize(options.limit);
  if (limit && objects.length > limit) {
    remaining = objects.length - limit;
    objects = objects.slice(0, limit);
    const last = objects[objects.length - 1];
    continueToken = encodeContinue(objectKey(ctx.def, last.metadata.namespace, last.metadata.name!), revision);
  }
  const listMeta = {
    resourceVersion: String(revision),
    ...(continueToken ? { continue: continueToken, remainingItemCount: remaining } : {}),
  };
  if (wantsTable(ctx.request.headers.get("accept"))) {
    const table = toTable(ctx.def, objects.map((o) => view(ctx, o)), ctx.now(), parseIncludeObject(ctx.query.get("includeObject")), listMeta);
    return json(table, 200, { "Content-Type": tableContentType });
  }
  return json({
    kind: ctx.def.listKind,
    apiVersion: apiVersionOf(ctx.def),
    metadata: listMeta,
    items: objects.map((o) => view(ctx, o)),
  });
}

export function watch(ctx: VerbContext): Response {
  const options = parseListOptions(ctx.def, ctx.query, true);
  if (ctx.name) {
    // A watch on a named path watches that one object.
    const byName = new URLSearchParams(ctx.query);
    byName.set("fieldSelector", [`metadata.name=${ctx.name}`, ctx.query.get("fieldSelector")].filter(Boolean).join(","));
    options.selection = parseListOptions(ctx.def, byName, true).selection;
  }
  const timeout = Math.min(options.timeoutSeconds ?? ctx.maxWatchSeconds, ctx.maxWatchSeconds);
  return ctx.watches.serve({
    def: ctx.def,
    prefix: listPrefix(ctx.def, ctx.namespace),
    selection: options.selection,
    resourceVersion: options.resourceVersion,
    table: wantsTable(ctx.request.headers.get("accept")),
    include: parseIncludeObject(ctx.query.get("includeObject")),
    allowBookmarks: options.allowWatchBookmarks,
    sendInitialEvents: options.sendInitialEvents,
    timeoutSeconds: timeout,
    now: ctx.now,
    // The store holds the stored version: a version served beside it sees each object converted.
    view: (o) => view(ctx, ctx.def.conversion ? ctx.def.conversion.fromStorage(o) : o),
    pool: ctx.caller.role,
  });
}

/** Decode a body into an object of this kind: apiVersion/kind checks, duplicate and unknown fields, types. */
export async function decodeInto(ctx: VerbContext, bytes?: Uint8Array, validation?: FieldValidation): Promise<{ object: KubeObject; warnings: string[] }> {
  const mode = validation ?? parseFieldValidation(ctx.query.get("fieldValidation"));
  const { value, duplicates } = decodeBody(bytes ?? (await readBody(ctx.request)), ctx.request.headers.get("content-type"), ctx.table.messageTypes, mode !== "Ignore");
  return checkObject(ctx, value, mode, duplicates);
}

export function checkObject(ctx: VerbContext, raw: unknown, validation?: FieldValidation, duplicates: string[] = []): { object: KubeObject; warnings: string[] } {
  const { def } = ctx;
  if (!isRecord(raw)) throw badRequest(`${def.kind} in version "${def.version}" cannot be handled as a ${def.kind}: the body is not a JSON object`);
  const expected = apiVersionOf(def);
  if (raw.kind !== undefined && raw.kind !== def.kind) {
    throw badRequest(`${raw.kind} in version "${def.version}" cannot be handled as a ${def.kind}: the kind in the data (${String(raw.kind)}) does not match the expected kind (${def.kind})`);
  }
  if (raw.apiVersion !== undefined && raw.apiVersion !== expected) {
    throw badRequest(`the API version in the data (${String(raw.apiVersion)}) does not match the expected API version (${expected})`);
  }
  // A computed kind's status is the server's answer; protobuf bodies always carry an empty one.
  if (def.virtualCreate) delete raw.status;
  const mode = validation ?? parseFieldValidation(ctx.query.get("fieldValidation"));
  const warnings = checkUnknownFields(raw, def.schema, mode, def.kind, def.version, duplicates);
  const object = checkTypes<KubeObject>(raw, def.schema, def);
  object.metadata ??= {};
  return { object, warnings };
}

export async function create(ctx: VerbContext): Promise<Response> {
  const bytes = await readBody(ctx.request);
  const options = writeOptions("CreateOptions", ctx.query);
  const { object, warnings } = await decodeInto(ctx, bytes, options.fieldValidation);
  if (ctx.def.virtualCreate) return json(ctx.def.virtualCreate(object, ctx.caller, ctx.registry), 201);
  const managed = recordManager(ctx, undefined, object);
  ctx.def.checkWrite?.(managed, ctx.caller, ctx.registry, ctx.namespace);
  const created = ctx.registry.create(ctx.def, ctx.namespace, managed, { dryRun: options.dryRun });
  return respondObject(ctx, created, 201, warningHeaders(warnings));
}

export async function update(ctx: VerbContext): Promise<Response> {
  const bytes = await readBody(ctx.request);
  const options = writeOptions("UpdateOptions", ctx.query);
  const { object, warnings } = await decodeInto(ctx, bytes, options.fieldValidation);
  const current = ctx.registry.get(ctx.def, ctx.namespace, ctx.name!);
  checkUidPrecondition(ctx, current, object);
  ctx.def.checkWrite?.(object, ctx.caller, ctx.registry, ctx.namespace);
  const updated = ctx.registry.update(ctx.def, ctx.namespace, ctx.name!, recordManager(ctx, current, object), {
    dryRun: options.dryRun,
    subresource: ctx.subresource,
  });
  return respondObject(ctx, updated, 200, warningHeaders(warnings));
}

/**
 * An update whose body carries a uid is conditional on it (rest.DefaultUpdatedObjectInfo's UID precondition): another
 * object's uid is the storage's 409, in its words.
 */
function checkUidPrecondition(ctx: VerbContext, current: KubeObject, object: KubeObject): void {
  const uid = object.metadata.uid;
  if (!uid || uid === current.metadata.uid) return;
  const key = `/registry/${ctx.def.resource}/${ctx.namespace ? `${ctx.namespace}/` : ""}${ctx.name}`;
  throw conflict(
    ctx.def.resource,
    ctx.def.group,
    ctx.name!,
    `StorageError: invalid object, Code: 4, Key: ${key}, ResourceVersion: 0, AdditionalErrorMsg: Precondition failed: UID in precondition: ${uid}, UID in object meta: ${current.metadata.uid ?? ""}`,
  );
}

/** A patch carries no UID precondition, so a changed uid reaches validation: ValidateObjectMetaUpdate's 422. */
function checkUidUnchanged(ctx: VerbContext, current: KubeObject, object: KubeObject): void {
  const uid = object.metadata.uid;
  if (uid === undefined || uid === "" || uid === current.metadata.uid) return;
  throw invalid(ctx.def.kind, ctx.def.group, ctx.name!, [fieldError.invalid("metadata.uid", uid, "field is immutable")]);
}

/** The group/version/kind of an applied configuration, as Go prints a GroupVersionKind. */
function gvkString(apiVersion: unknown, kind: unknown): string {
  const version = typeof apiVersion === "string" ? apiVersion : "";
  const slash = version.indexOf("/");
  const [group, ver] = slash >= 0 ? [version.slice(0, slash), version.slice(slash + 1)] : ["", version];
  return `${group}/${ver}, Kind=${typeof kind === "string" ? kind : ""}`;
}

/** What the apiserver's field manager refuses in an applied configuration before merging it (400s). */
function checkApplied(ctx: VerbContext, body: unknown): void {
  if (!isRecord(body)) throw badRequest(`error decoding YAML: json: cannot unmarshal ${Array.isArray(body) ? "array" : typeof body} into Go value of type map[string]interface {}`);
  if (body.apiVersion !== apiVersionOf(ctx.def) || body.kind !== ctx.def.kind) {
    throw badRequest(`invalid object type: ${gvkString(body.apiVersion, body.kind)}`);
  }
  if (isRecord(body.metadata) && body.metadata.managedFields !== undefined && body.metadata.managedFields !== null) {
    throw badRequest("metadata.managedFields must be nil");
  }
}

export async function patch(ctx: VerbContext): Promise<Response> {
  const patchType = patchTypeOf(ctx.request.headers.get("content-type"));
  const bytes = await readBody(ctx.request);
  const options = writeOptions("PatchOptions", ctx.query, patchType);
  const { type, body, duplicates } = decodePatch(bytes, ctx.request.headers.get("content-type"), options.fieldValidation !== "Ignore");
  const current = ctx.registry.tryGet(ctx.def, ctx.namespace, ctx.name!);
  const dryRun = options.dryRun;
  if (type === "apply") {
    checkApplied(ctx, body);
    const { object: applied, warnings } = checkObject(ctx, body, options.fieldValidation, duplicates);
    if (applied.metadata.name !== undefined && applied.metadata.name !== ctx.name) {
      throw badRequest(`the name of the object (${applied.metadata.name}) does not match the name on the URL (${ctx.name})`);
    }
    applied.metadata.name = ctx.name;
    const result = applyConfiguration(ctx, current, applied, options.force);
    if (!current) {
      ctx.def.checkWrite?.(result, ctx.caller, ctx.registry, ctx.namespace);
      const created = ctx.registry.create(ctx.def, ctx.namespace, result, { dryRun });
      return respondObject(ctx, created, 201, warningHeaders(warnings));
    }
    ctx.def.checkWrite?.(result, ctx.caller, ctx.registry, ctx.namespace);
    const updated = ctx.registry.update(ctx.def, ctx.namespace, ctx.name!, result, { dryRun, subresource: ctx.subresource });
    return respondObject(ctx, updated, 200, warningHeaders(warnings));
  }
  if (!current) throw notFound(ctx.def.resource, ctx.def.group, ctx.name!);
  const patched = applyPatch(ctx, type as "json" | "merge" | "strategic", current, body);
  const { object, warnings } = checkObject(ctx, patched, options.fieldValidation, duplicates);
  checkUidUnchanged(ctx, current, object);
  const managed = recordManager(ctx, current, object);
  ctx.def.checkWrite?.(managed, ctx.caller, ctx.registry, ctx.namespace);
  const updated = ctx.registry.update(ctx.def, ctx.namespace, ctx.name!, managed, { dryRun, subresource: ctx.subresource });
  return respondObject(ctx, updated, 200, warningHeaders(warnings));
}

async function deleteOptions(ctx: VerbContext): Promise<DeleteOptions> {
  const bytes = await readBody(ctx.request);
  const { dryRun } = writeOptions("DeleteOptions", ctx.query);
  let options: DeleteOptions = {};
  if (bytes.byteLength) {
    const raw = decodeObject(bytes, ctx.request.headers.get("content-type"), ctx.table.messageTypes);
    if (!isRecord(raw)) throw badRequest("DeleteOptions must be a JSON object");
    options = raw as DeleteOptions;
  }
  const q = ctx.query;
  if (q.has("gracePeriodSeconds")) {
    const grace = q.get("gracePeriodSeconds")!;
    if (!/^[+-]?\d+$/.test(grace)) throw badRequest(`strconv.ParseInt: parsing ${JSON.stringify(grace)}: invalid syntax`);
    options.gracePeriodSeconds = Number(grace);
  }
  if (q.has("propagationPolicy")) options.propagationPolicy = q.get("propagationPolicy") as DeleteOptions["propagationPolicy"];
  if (q.has("orphanDependents")) options.orphanDependents = q.get("orphanDependents") === "true";
  const policy = options.propagationPolicy;
  if (policy && !["Orphan", "Background", "Foreground"].includes(policy)) {
    throw invalid("DeleteOptions", "meta.k8s.io", "", [fieldError.notSupported("propagationPolicy", policy, ["Foreground", "Background", "Orphan", "nil"])]);
  }
  if (dryRun || (options as { dryRun?: string[] }).dryRun?.includes?.("All")) options.dryRun = true;
  return options;
}

export async function remove(ctx: VerbContext): Promise<Response> {
  const options = await deleteOptions(ctx);
  const { object, deleted } = ctx.registry.delete(ctx.def, ctx.namespace, ctx.name!, options);
  if (!deleted) return respondObject(ctx, object, 200);
  return json(success({ name: object.metadata.name, group: ctx.def.group || undefined, kind: ctx.def.resource, uid: object.metadata.uid }));
}

export async function removeCollection(ctx: VerbContext): Promise<Response> {
  const options = await deleteOptions(ctx);
  const selection = parseListOptions(ctx.def, ctx.query).selection;
  const items: KubeObject[] = [];
  for (const obj of ctx.registry.list(ctx.def, ctx.namespace)) {
    if (!selection.matches(obj)) continue;
    items.push(ctx.registry.delete(ctx.def, obj.metadata.namespace, obj.metadata.name!, options).object);
  }
  return json({
    kind: ctx.def.listKind,
    apiVersion: apiVersionOf(ctx.def),
    metadata: { resourceVersion: String(ctx.registry.store.revision) },
    items: items.map((o) => view(ctx, o)),
  });
}
