// The garbage collector: dependents follow their owners (ownerReferences). When an owner is gone, a dependent with no
// other living owner is deleted (background propagation). An owner being deleted with the `orphan` finalizer first
// has its dependents released; with `foregroundDeletion` it waits until its dependents are gone.
import type { KubeObject } from "../../api/object";
import { bucketOf } from "../storage/bucket";
import type { StoreEvent } from "../storage/store";
import type { RegistryStore } from "../registry/generic-store";
import { objectKey } from "../registry/keys";
import type { ResourceDef } from "../registry/types";
import { anyKind, type Controller, type ControllerContext, type Watch } from "../control-loop/types";
import { cloneJson } from "../../api/clone";

export class GarbageCollector implements Controller {
  readonly name = "garbage-collector";
  /** uid → storage key, for every object with a uid (to tell living owners from gone ones). */
  private readonly keyOfUid = new Map<string, string>();

  readonly watches: Watch[] = [{ kind: anyKind, keys: (event) => this.onEvent(event) }];

  private onEvent(event: StoreEvent): string[] {
    const { key, object } = event;
    const uid = object.metadata.uid;
    if (event.type === "DELETED") {
      if (uid) this.keyOfUid.delete(uid);
      const out = uid ? [`owner:${uid}`] : [];
      // An owner waiting in foreground deletion may now be free to go.
      for (const ref of object.metadata.ownerReferences ?? []) {
        const ownerKey = this.keyOfUid.get(ref.uid);
        if (ownerKey) out.push(`final:${ownerKey}`);
      }
      return out;
    }
    if (uid) this.keyOfUid.set(uid, key);
    const out: string[] = [];
    if (isBeingFinalized(object)) out.push(`final:${key}`);
    // A dependent whose owner is already gone (created late, or named a uid that never existed).
    for (const ref of object.metadata.ownerReferences ?? []) if (!this.keyOfUid.has(ref.uid)) out.push(`owner:${ref.uid}`);
    return out;
  }

  resync(ctx: ControllerContext): string[] {
    const out: string[] = [];
    this.keyOfUid.clear();
    const all: Array<[string, KubeObject]> = [];
    for (const def of ctx.table.stored) {
      for (const obj of ctx.registry.list(def)) all.push([objectKey(def, obj.metadata.namespace, obj.metadata.name!), obj]);
    }
    for (const [key, obj] of all) if (obj.metadata.uid) this.keyOfUid.set(obj.metadata.uid, key);
    for (const [key, obj] of all) {
      for (const ref of obj.metadata.ownerReferences ?? []) if (!this.keyOfUid.has(ref.uid)) out.push(`owner:${ref.uid}`);
      if (isBeingFinalized(obj)) out.push(`final:${key}`);
    }
    return [...new Set(out)];
  }

  reconcile(key: string, ctx: ControllerContext): void {
    if (key.startsWith("owner:")) this.ownerGone(key.slice(6), ctx);
    else if (key.startsWith("final:")) this.finalize(key.slice(6), ctx);
  }

  private ownerGone(uid: string, ctx: ControllerContext): void {
    if (this.keyOfUid.has(uid)) return;
    for (const depKey of ctx.indexes.dependentKeysOf(uid)) {
      const def = defOf(depKey, ctx);
      const dep = ctx.registry.store.get(depKey);
      if (!def || !dep) continue;
      const living = (dep.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid && this.keyOfUid.has(r.uid));
      if (living.length) {
        releaseFrom(ctx.registry, def, dep, uid);
      } else if (!dep.metadata.deletionTimestamp) {
        ctx.registry.delete(def, dep.metadata.namespace, dep.metadata.name!, { propagationPolicy: "Background" });
      }
    }
  }

  private finalize(key: string, ctx: ControllerContext): void {
    const owner = ctx.registry.store.get(key);
    const def = defOf(key, ctx);
    if (!owner || !def || !owner.metadata.deletionTimestamp) return;
    const uid = owner.metadata.uid!;
    const finalizers = owner.metadata.finalizers ?? [];
    const deps = ctx.indexes.dependentKeysOf(uid);
    let remove: string | undefined;
    if (finalizers.includes("orphan")) {
      for (const depKey of deps) {
        const dep = ctx.registry.store.get(depKey);
        const depDef = defOf(depKey, ctx);
        if (dep && depDef) releaseFrom(ctx.registry, depDef, dep, uid);
      }
      remove = "orphan";
    } else if (finalizers.includes("foregroundDeletion")) {
      for (const depKey of deps) {
        const dep = ctx.registry.store.get(depKey);
        const depDef = defOf(depKey, ctx);
        if (dep && depDef && !dep.metadata.deletionTimestamp) {
          ctx.registry.delete(depDef, dep.metadata.namespace, dep.metadata.name!, { propagationPolicy: "Foreground" });
        }
      }
      if (ctx.indexes.dependentKeysOf(uid).length === 0) remove = "foregroundDeletion";
    }
    if (!remove) return;
    const updated = cloneJson(owner);
    updated.metadata.finalizers = finalizers.filter((f) => f !== remove);
    ctx.registry.update(def, owner.metadata.namespace, owner.metadata.name!, updated);
  }
}

function isBeingFinalized(obj: KubeObject): boolean {
  const f = obj.metadata.finalizers ?? [];
  return !!obj.metadata.deletionTimestamp && (f.includes("orphan") || f.includes("foregroundDeletion"));
}

function defOf(key: string, ctx: ControllerContext): ResourceDef | undefined {
  return ctx.table.byBucket(bucketOf(key));
}

function releaseFrom(registry: RegistryStore, def: ResourceDef, dep: KubeObject, ownerUid: string): void {
  const updated = cloneJson(dep);
  updated.metadata.ownerReferences = (dep.metadata.ownerReferences ?? []).filter((r) => r.uid !== ownerUid);
  if (!updated.metadata.ownerReferences.length) delete updated.metadata.ownerReferences;
  registry.update(def, dep.metadata.namespace, dep.metadata.name!, updated);
}
