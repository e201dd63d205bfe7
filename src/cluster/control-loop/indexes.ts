// Secondary indexes over the store, kept current from its events: what controllers would otherwise find by scanning
// every object on every reconcile.
import type { KubeObject } from "../../api/object";
import type { Pod } from "../../api/schemas/core/pod";
import { resourcePrefix } from "../registry/keys";
import { pods } from "../registry/pods";
import type { ResourceDef } from "../registry/types";
import type { Store, StoreEvent } from "../storage/store";

const podPrefix = resourcePrefix(pods);

export class Indexes {
  /** owner uid → storage keys of objects that list it in ownerReferences. */
  private readonly byOwner = new Map<string, Set<string>>();
  /** node name → storage keys of pods bound to it. */
  private readonly byNode = new Map<string, Set<string>>();

  constructor(private readonly store: Store) {
    for (const bucket of Object.keys(store.bucketSizes())) {
      for (const obj of store.list(`${bucket}/`)) this.add(keyFor(bucket, obj), obj);
    }
    store.subscribe((events) => events.forEach((e) => this.apply(e)));
  }

  /** Objects (any kind) whose ownerReferences name `uid`. */
  dependentsOf(uid: string): KubeObject[];
  /** Objects of `kind` whose ownerReferences name `uid`. */
  dependentsOf<T extends KubeObject>(uid: string, kind: ResourceDef<T>): T[];
  dependentsOf(uid: string, kind?: ResourceDef): KubeObject[] {
    const keys = this.byOwner.get(uid);
    if (!kind) return this.resolve(keys);
    const prefix = resourcePrefix(kind);
    return this.resolve(keys, (key) => key.startsWith(prefix));
  }

  dependentKeysOf(uid: string): string[] {
    return [...(this.byOwner.get(uid) ?? [])];
  }

  /** Pods bound to `node` (spec.nodeName). */
  podsOnNode(node: string): Pod[] {
    // Only pods' keys are indexed by node.
    return this.resolve(this.byNode.get(node)) as Pod[];
  }

  private resolve(keys: Set<string> | undefined, wanted?: (key: string) => boolean): KubeObject[] {
    const out: KubeObject[] = [];
    for (const key of keys ?? []) {
      if (wanted && !wanted(key)) continue;
      const obj = this.store.get(key);
      if (obj) out.push(obj);
    }
    return out;
  }

  private apply(event: StoreEvent): void {
    if (event.prev) this.remove(event.key, event.prev);
    if (event.type === "DELETED") this.remove(event.key, event.object);
    else this.add(event.key, event.object);
  }

  private add(key: string, obj: KubeObject): void {
    for (const ref of obj.metadata.ownerReferences ?? []) addTo(this.byOwner, ref.uid, key);
    const node = key.startsWith(podPrefix) ? (obj.spec as { nodeName?: string } | undefined)?.nodeName : undefined;
    if (node) addTo(this.byNode, node, key);
  }

  private remove(key: string, obj: KubeObject): void {
    for (const ref of obj.metadata.ownerReferences ?? []) removeFrom(this.byOwner, ref.uid, key);
    const node = key.startsWith(podPrefix) ? (obj.spec as { nodeName?: string } | undefined)?.nodeName : undefined;
    if (node) removeFrom(this.byNode, node, key);
  }
}

function keyFor(bucket: string, obj: KubeObject): string {
  return obj.metadata.namespace ? `${bucket}/${obj.metadata.namespace}/${obj.metadata.name}` : `${bucket}/${obj.metadata.name}`;
}

function addTo(map: Map<string, Set<string>>, k: string, v: string): void {
  let set = map.get(k);
  if (!set) map.set(k, (set = new Set()));
  set.add(v);
}

function removeFrom(map: Map<string, Set<string>>, k: string, v: string): void {
  const set = map.get(k);
  if (!set) return;
  set.delete(v);
  if (!set.size) map.delete(k);
}
