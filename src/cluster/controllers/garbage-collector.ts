// The garbage collector: dependents follow their owners (ownerReferences). When an owner is gone, a dependent with no
// other living owner is deleted (background propagation). An owner being deleted with the `orphan` finalizer first
// has its dependents released; with `foregroundDeletion` it waits until its dependents are gone.
import type { KubeObject } from "../../api/object";
import { bucketOf, type StoreEvent } from "../storage/store";
import type { RegistryStore } from "../registry/generic-store";
import { objectKey } from "../registry/keys";
import type { ResourceDef } from "../registry/types";
import type { Controller, ControllerContext } from "./types";

export class GarbageCollector implements Controller {
  readonly name = "garbage-collector";
  /** owner uid → storage keys of its dependents. */
  private readonly dependents = new Map<string, Set<string>>();
  /** uid → storage key, for every object with a uid. */
  private readonly keyOfUid = new Map<string, string>();
  private indexed = false;

  keysFor(event: StoreEvent): string[] {
    const { key, object, prev } = event;
    const uid = object.metadata.uid;
    for (const ref of prev?.metadata.ownerReferences ?? []) this.dependents.get(ref.uid)?.delete(key);
    if (event.type === "DELETED") {
      if (uid) this.keyOfUid.delete(uid);
      const out: string[] = [];
      for (const ref of object.metadata.ownerReferences ?? []) {
        this.dependents.get(ref.uid)?.delete(key);
        // An owner waiting in foreground deletion may now be free to go.
        const ownerKey = this.keyOfUid.get(ref.uid);
        if (ownerKey) out.push(`final:${ownerKey}`);
      }
      if (uid && this.dependents.get(uid)?.size) out.push(`owner:${uid}`);
      return out;
    }
    if (uid) this.keyOfUid.set(uid, key);
    this.indexDependent(key, object);
    const finalizers = object.metadata.finalizers ?? [];
    const out: string[] = [];
    if (object.metadata.deletionTimestamp && (finalizers.includes("orphan") || finalizers.includes("foregroundDeletion"))) {
      out.push(`final:${key}`);
    }
    // A dependent whose owner is already gone (created late, or an index rebuilt after restart).
    for (const ref of object.metadata.ownerReferences ?? []) if (!this.keyOfUid.has(ref.uid) && this.indexed) out.push(`owner:${ref.uid}`);
    return out;
  }

  resync(ctx: ControllerContext): string[] {
    const out: string[] = [];
    this.dependents.clear();
    this.keyOfUid.clear();
    const all: Array<[string, KubeObject]> = [];
    for (const def of ctx.table.defs) {
      for (const obj of ctx.registry.list(def)) {
        all.push([objectKey(def, obj.metadata.namespace, obj.metadata.name!), obj]);
      }
    }
    for (const [key, obj] of all) if (obj.metadata.uid) this.keyOfUid.set(obj.metadata.uid, key);
    for (const [key, obj] of all) {
      this.indexDependent(key, obj);
      for (const ref of obj.metadata.ownerReferences ?? []) if (!this.keyOfUid.has(ref.uid)) out.push(`owner:${ref.uid}`);
      const f = obj.metadata.finalizers ?? [];
      if (obj.metadata.deletionTimestamp && (f.includes("orphan") || f.includes("foregroundDeletion"))) out.push(`final:${key}`);
    }
    this.indexed = true;
    return [...new Set(out)];
  }

  reconcile(key: string, ctx: ControllerContext): void {
    if (key.startsWith("owner:")) this.ownerGone(key.slice(6), ctx);
    else if (key.startsWith("final:")) this.finalize(key.slice(6), ctx);
  }

  private indexDependent(key: string, obj: KubeObject): void {
    for (const ref of obj.metadata.ownerReferences ?? []) {
      let set = this.dependents.get(ref.uid);
      if (!set) this.dependents.set(ref.uid, (set = new Set()));
      set.add(key);
    }
  }

  private ownerGone(uid: string, ctx: ControllerContext): void {
    if (this.keyOfUid.has(uid)) return;
    for (const depKey of [...(this.dependents.get(uid) ?? [])]) {
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
    if (!this.dependents.get(uid)?.size) this.dependents.delete(uid);
  }

  private finalize(key: string, ctx: ControllerContext): void {
    const owner = ctx.registry.store.get(key);
    const def = defOf(key, ctx);
    if (!owner || !def || !owner.metadata.deletionTimestamp) return;
    const uid = owner.metadata.uid!;
    const finalizers = owner.metadata.finalizers ?? [];
    const deps = [...(this.dependents.get(uid) ?? [])];
    let remove: string | undefined;
    if (finalizers.includes("orphan")) {
      for (const depKey of deps) {
        const dep = ctx.registry.store.get(depKey);
        const depDef = defOf(depKey, ctx);
        if (dep && depDef) releaseFrom(ctx.registry, depDef, dep, uid);
      }
      remove = "orphan";
    } else if (finalizers.includes("foregroundDeletion")) {
      let waiting = 0;
      for (const depKey of deps) {
        const dep = ctx.registry.store.get(depKey);
        const depDef = defOf(depKey, ctx);
        if (!dep || !depDef) continue;
        waiting += 1;
        if (!dep.metadata.deletionTimestamp) {
          ctx.registry.delete(depDef, dep.metadata.namespace, dep.metadata.name!, { propagationPolicy: "Foreground" });
        }
      }
      if (waiting === 0 || deps.every((k) => !ctx.registry.store.get(k))) remove = "foregroundDeletion";
    }
    if (!remove) return;
    const updated = structuredClone(owner);
    updated.metadata.finalizers = finalizers.filter((f) => f !== remove);
    ctx.registry.update(def, owner.metadata.namespace, owner.metadata.name!, updated);
  }
}

function defOf(key: string, ctx: ControllerContext): ResourceDef | undefined {
  return ctx.table.byBucket(bucketOf(key));
}

function releaseFrom(registry: RegistryStore, def: ResourceDef, dep: KubeObject, ownerUid: string): void {
  const updated = structuredClone(dep);
  updated.metadata.ownerReferences = (dep.metadata.ownerReferences ?? []).filter((r) => r.uid !== ownerUid);
  if (!updated.metadata.ownerReferences.length) delete updated.metadata.ownerReferences;
  registry.update(def, dep.metadata.namespace, dep.metadata.name!, updated);
}
