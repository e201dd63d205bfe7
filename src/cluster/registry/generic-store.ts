// The generic registry store: Kubernetes' `genericregistry.Store` in miniature. One path for every write of every
// kind — defaults, strategy hooks, validation, admission, optimistic concurrency, finalizers and graceful deletion —
// so a controller's write is checked exactly like kubectl's. It never names a kind: per-kind behaviour comes from
// the ResourceDef's strategy. A version served beside the stored one (`conversion`) is read and written through the
// stored version's definition, converted on the way in and out.
import type { KubeObject } from "../../api/object";
import {
  alreadyExists,
  badRequest,
  conflict,
  forbidden,
  invalid,
  notFound,
  staleResourceVersion,
  type FieldError,
} from "../../api/status";
import { validateObjectMeta, validateObjectMetaUpdate } from "../../api/validation/object-meta";
import type { Store } from "../storage/store";
import { bucketOfKind, listPrefix, objectKey, resourcePrefix } from "./keys";
import type { ResourceDef, StrategyContext } from "./types";
import { deepEqual } from "../../api/json-equal";
import { withoutVolatileMeta, specOf } from "./object-compare";
import { cloneJson } from "../../api/clone";
import { zeroNullMapValues } from "../../api/schemas/null-map-values";

/** What the store needs from the outside world: the clock and identifiers (from runtime/). */
export interface StoreEnvironment {
  now(): number;
  rfc3339(ms: number): string;
  uid(): string;
  nameSuffix(): string;
}

/** Checks that run after the strategy and before storage (namespace lifecycle, quota, ...). */
export type AdmissionCheck = (
  operation: "CREATE" | "UPDATE" | "DELETE",
  def: ResourceDef,
  object: KubeObject,
  old: KubeObject | undefined,
  /** The subresource written (`status`), if any: plugins that only judge pods proper skip these. */
  subresource?: string,
) => void;

export interface WriteOptions {
  dryRun?: boolean;
  /** The subresource being written (`status`), if any. */
  subresource?: string;
}

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: "Orphan" | "Background" | "Foreground";
  orphanDependents?: boolean;
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: boolean;
}

export interface DeleteResult<T extends KubeObject = KubeObject> {
  object: T;
  /** True when the object is gone; false when it is only marked for deletion (finalizers, grace period). */
  deleted: boolean;
}

/**
 * The default object limit. Objects (but Events) are cached in the Durable Object's memory (128 MB when deployed):
 * measured with `npm run bench:cpu -- --expose-gc`, a cluster takes ~18 MiB plus ~9–11 KiB per running pod, so
 * 5,000 keeps a full cluster near 75 MiB, with room for requests and garbage collection.
 */
export const defaultMaxObjects = 5_000;

export class RegistryStore {
  private readonly admission: AdmissionCheck[] = [];

  /**
   * @param maxObjects most objects a cluster may hold; kinds marked `uncounted` (events, which expire by themselves)
   * do not count.
   */
  constructor(
    readonly store: Store,
    private readonly env: StoreEnvironment,
    private readonly maxObjects = defaultMaxObjects,
  ) {}

  /** The time of this request (RFC 3339), as strategies see it: for subresources that stamp what they write. */
  requestTime(): string {
    return this.env.rfc3339(this.env.now());
  }

  addAdmission(check: AdmissionCheck): void {
    this.admission.push(check);
  }

  get<T extends KubeObject>(def: ResourceDef<T>, namespace: string | undefined, name: string): T {
    if (def.conversion) return def.conversion.fromStorage(this.get(def.conversion.storage, namespace, name));
    const found = this.store.get(objectKey(def, namespace, name));
    if (!found) throw notFound(def.resource, def.group, name);
    return found as T;
  }

  tryGet<T extends KubeObject>(def: ResourceDef<T>, namespace: string | undefined, name: string): T | undefined {
    if (def.conversion) {
      const stored = this.tryGet(def.conversion.storage, namespace, name);
      return stored && def.conversion.fromStorage(stored);
    }
    return this.store.get(objectKey(def, namespace, name)) as T | undefined;
  }

  list<T extends KubeObject>(def: ResourceDef<T>, namespace?: string): T[] {
    if (def.conversion) return this.list(def.conversion.storage, namespace).map((o) => def.conversion!.fromStorage(o));
    return this.store.list(listPrefix(def, namespace)) as T[];
  }

  create<T extends KubeObject>(kind: ResourceDef<T>, namespace: string | undefined, input: NoInfer<T>, opts: WriteOptions = {}): T {
    const conversion = kind.conversion;
    if (conversion) return conversion.fromStorage(this.create(conversion.storage, namespace, conversion.toStorage(input), opts));
    const def: ResourceDef = kind;
    const ctx = this.context(def);
    // Fields in Kubernetes' order (apiVersion, kind, metadata, spec..., status), whatever order the body had.
    const copy = cloneJson(input);
    zeroNullMapValues(copy, def.schema);
    const { apiVersion: _a, kind: _k, metadata, status, ...rest } = copy;
    const obj: KubeObject = { apiVersion: def.group ? `${def.group}/${def.version}` : def.version, kind: def.kind, metadata: metadata ?? {}, ...rest };
    if (status !== undefined) obj.status = status;
    const meta = obj.metadata;
    this.checkNamespace(def, namespace, meta.namespace);
    if (def.namespaced) meta.namespace = namespace;
    else delete meta.namespace;
    if (!meta.name && meta.generateName) meta.name = `${meta.generateName}${this.env.nameSuffix()}`;
    delete meta.resourceVersion;
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    delete meta.selfLink;
    meta.uid = this.env.uid();
    meta.creationTimestamp = ctx.now;
    if (def.hasGeneration) meta.generation = 1;
    else delete meta.generation;
    def.strategy?.defaults?.(obj);
    def.strategy?.prepareForCreate?.(obj, ctx);
    this.validate(def, obj, [
      ...validateObjectMeta(meta, { namespaced: def.namespaced, nameValidator: def.nameValidator }),
      ...(def.strategy?.validate?.(obj, ctx) ?? []),
      ...(def.strategy?.validateCreate?.(obj, ctx) ?? []),
    ]);
    for (const check of this.admission) check("CREATE", def, obj, undefined);
    let key = objectKey(def, namespace, meta.name!);
    // A generated name that is taken is drawn again, as the apiserver does since 1.31 (RetryGenerateName).
    for (let retry = 0; retry < 8 && input.metadata?.generateName && !input.metadata.name && this.store.get(key); retry++) {
      meta.name = `${meta.generateName}${this.env.nameSuffix()}`;
      key = objectKey(def, namespace, meta.name);
    }
    if (this.store.get(key)) throw alreadyExists(def.resource, def.group, meta.name!);
    if (!def.uncounted && this.countedObjects() >= this.maxObjects) {
      throw forbidden(`${def.resource} "${meta.name}" is forbidden: this sandbox holds at most ${this.maxObjects} objects; delete some first`);
    }
    if (opts.dryRun) return { ...obj, metadata: { ...meta } } as T;
    return this.store.commit([{ key, object: obj }])[0].object as T;
  }

  /**
   * Replace an object (PUT, or the result of a patch). `input.metadata.resourceVersion`, when set, must match the
   * stored one. Nothing is written when the result equals what is stored.
   */
  update<T extends KubeObject>(
    kind: ResourceDef<T>,
    namespace: string | undefined,
    name: string,
    input: NoInfer<T>,
    opts: WriteOptions = {},
  ): T {
    const conversion = kind.conversion;
    if (conversion) return conversion.fromStorage(this.update(conversion.storage, namespace, name, conversion.toStorage(input), opts));
    const def: ResourceDef = kind;
    const ctx = this.context(def, opts.subresource);
    const key = objectKey(def, namespace, name);
    const old = this.store.get(key);
    if (!old) throw notFound(def.resource, def.group, name);
    // A status write keeps everything but the status from the stored object: only the status needs a private copy.
    const obj =
      opts.subresource === "status"
        ? ({ ...input, metadata: { ...input.metadata }, status: cloneJson(input.status) } as KubeObject)
        : cloneJson(input);
    if (opts.subresource !== "status") zeroNullMapValues(obj, def.schema);
    const meta = (obj.metadata ??= {});
    this.checkNamespace(def, namespace, meta.namespace);
    if (meta.name !== undefined && meta.name !== name) {
      throw badRequest(`the name of the object (${meta.name}) does not match the name on the URL (${name})`);
    }
    if (meta.resourceVersion && meta.resourceVersion !== old.metadata.resourceVersion) {
      throw staleResourceVersion(def.resource, def.group, name);
    }
    obj.apiVersion = old.apiVersion;
    obj.kind = old.kind;
    meta.name = name;
    if (def.namespaced) meta.namespace = namespace;
    meta.uid = old.metadata.uid;
    meta.creationTimestamp = old.metadata.creationTimestamp;
    meta.resourceVersion = old.metadata.resourceVersion;
    if (old.metadata.deletionTimestamp) {
      meta.deletionTimestamp = old.metadata.deletionTimestamp;
      meta.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
    } else {
      delete meta.deletionTimestamp;
      delete meta.deletionGracePeriodSeconds;
    }
    if (opts.subresource !== "status") def.strategy?.defaults?.(obj);
    if (opts.subresource === "status") {
      keepAllButStatus(obj, old);
      def.strategy?.prepareForStatusUpdate?.(obj, old, ctx);
    } else {
      if (def.hasGeneration || "status" in old) obj.status = old.status;
      if (obj.status === undefined) delete obj.status;
      def.strategy?.prepareForUpdate?.(obj, old, ctx);
    }
    if (def.hasGeneration) {
      const generation = old.metadata.generation ?? 1;
      meta.generation = deepEqual(specOf(obj), specOf(old)) ? generation : generation + 1;
    }
    // A status write keeps the stored metadata (keepAllButStatus): only the status needs checking.
    const errors =
      opts.subresource === "status"
        ? def.strategy?.validateStatusUpdate?.(obj, old, ctx) ?? []
        : [
            ...validateObjectMeta(meta, { namespaced: def.namespaced, nameValidator: def.nameValidator }),
            ...validateObjectMetaUpdate(meta, old.metadata),
            ...(def.strategy?.validate?.(obj, ctx) ?? []),
            ...(def.strategy?.validateUpdate?.(obj, old, ctx) ?? []),
          ];
    this.validate(def, obj, errors);
    for (const check of this.admission) check("UPDATE", def, obj, old, opts.subresource);
    if (deepEqual(withoutVolatileMeta(obj), withoutVolatileMeta(old))) return old as T;
    if (opts.dryRun) return obj as T;
    // The last finalizer of an object being deleted is gone: the update completes the deletion — unless a graceful
    // deletion is still under way (a pod whose kubelet has not stopped it yet), as Kubernetes' ShouldDeleteDuringUpdate.
    const graceful = (old.metadata.deletionGracePeriodSeconds ?? 0) > 0;
    if (meta.deletionTimestamp && !graceful && !meta.finalizers?.length && !def.strategy?.holdsDeletion?.(obj)) {
      return this.store.commit([{ key, object: undefined }])[0].object as T;
    }
    return this.store.commit([{ key, object: obj }])[0].object as T;
  }

  /**
   * Delete per Kubernetes: preconditions, then either mark (finalizers, graceful deletion, foreground/orphan
   * propagation) or remove at once.
   */
  delete<T extends KubeObject>(kind: ResourceDef<T>, namespace: string | undefined, name: string, options: DeleteOptions = {}): DeleteResult<T> {
    const conversion = kind.conversion;
    if (conversion) {
      const result = this.delete(conversion.storage, namespace, name, options);
      return { ...result, object: conversion.fromStorage(result.object) };
    }
    const def: ResourceDef = kind;
    const ctx = this.context(def);
    const key = objectKey(def, namespace, name);
    const old = this.store.get(key);
    if (!old) throw notFound(def.resource, def.group, name);
    const pre = options.preconditions;
    if (pre?.uid && pre.uid !== old.metadata.uid) {
      throw conflict(def.resource, def.group, name,
        `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${old.metadata.uid}`);
    }
    if (pre?.resourceVersion && pre.resourceVersion !== old.metadata.resourceVersion) {
      throw conflict(def.resource, def.group, name,
        `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${old.metadata.resourceVersion}`);
    }
    for (const check of this.admission) check("DELETE", def, old, old);

    const finalizers = [...(old.metadata.finalizers ?? [])];
    const policy = options.propagationPolicy ?? (options.orphanDependents ? "Orphan" : undefined);
    if (policy === "Orphan" && !finalizers.includes("orphan")) finalizers.push("orphan");
    if (policy === "Foreground" && !finalizers.includes("foregroundDeletion")) finalizers.push("foregroundDeletion");
    const held = def.strategy?.holdsDeletion?.(old) ?? false;
    const terminating = !!old.metadata.deletionTimestamp;
    // A graceful deletion in progress only ends early when asked for with a grace period of 0 (--force).
    const grace = terminating
      ? options.gracePeriodSeconds === 0 ? 0 : old.metadata.deletionGracePeriodSeconds
      : def.strategy?.gracePeriod?.(old, options.gracePeriodSeconds);

    if (finalizers.length === 0 && !grace && !held) {
      if (options.dryRun) return { object: old, deleted: true } as DeleteResult<T>;
      return { object: this.store.commit([{ key, object: undefined }])[0].object, deleted: true } as DeleteResult<T>;
    }
    if (terminating && sameList(finalizers, old.metadata.finalizers)) {
      return { object: old, deleted: false } as DeleteResult<T>;
    }
    const marked = cloneJson(old);
    def.strategy?.beforeDelete?.(marked, ctx);
    marked.metadata.finalizers = finalizers.length ? finalizers : undefined;
    if (!marked.metadata.finalizers) delete marked.metadata.finalizers;
    if (!marked.metadata.deletionTimestamp) {
      marked.metadata.deletionTimestamp = this.env.rfc3339(this.env.now() + (grace ?? 0) * 1000);
      marked.metadata.deletionGracePeriodSeconds = grace ?? 0;
    }
    if (def.hasGeneration) marked.metadata.generation = (old.metadata.generation ?? 1) + 1;
    if (options.dryRun) return { object: marked, deleted: false } as DeleteResult<T>;
    return { object: this.store.commit([{ key, object: marked }])[0].object, deleted: false } as DeleteResult<T>;
  }

  /** Kinds marked `uncounted` (events) register their buckets here, so the object limit leaves them out. */
  private readonly uncountedBuckets = new Set<string>();

  declareUncounted(def: ResourceDef): void {
    this.uncountedBuckets.add(bucketOfKind(def));
  }

  private countedObjects(): number {
    let uncounted = 0;
    for (const bucket of this.uncountedBuckets) uncounted += this.store.bucketSize(bucket);
    return this.store.size - uncounted;
  }

  private context(def: ResourceDef, subresource?: string): StrategyContext {
    return { now: this.env.rfc3339(this.env.now()), subresource, stored: () => this.store.list(resourcePrefix(def)) };
  }

  private checkNamespace(def: ResourceDef, pathNamespace: string | undefined, bodyNamespace: string | undefined): void {
    if (def.namespaced && bodyNamespace && pathNamespace && bodyNamespace !== pathNamespace) {
      throw badRequest("the namespace of the provided object does not match the namespace sent on the request");
    }
  }

  private validate(def: ResourceDef, obj: KubeObject, errors: FieldError[]): void {
    if (errors.length) throw invalid(def.kind, def.group, obj.metadata?.name ?? obj.metadata?.generateName ?? "", errors);
  }
}

/** A status write may change only `status` (and, as in Kubernetes, nothing of metadata but what the server sets). */
function keepAllButStatus(obj: KubeObject, old: KubeObject): void {
  const status = obj.status;
  for (const key of Object.keys(obj)) delete obj[key];
  // Stored objects are never mutated, so the unchanged parts are shared rather than copied (status writes are the
  // hottest path of the control loop); metadata gets its own top level. Fields keep the stored order (apiVersion,
  // kind, metadata, spec, status), as `-o json` shows them.
  for (const [key, value] of Object.entries(old)) obj[key] = key === "metadata" ? { ...old.metadata } : key === "status" ? status : value;
  if (status === undefined) delete obj.status;
  else obj.status = status;
}

function sameList(a: string[] | undefined, b: string[] | undefined): boolean {
  return (a ?? []).join("\n") === (b ?? []).join("\n");
}
