// Which pods' mounted volumes show which ConfigMaps, Secrets and pod fields (volume-sync.ts volumeRefs), indexed by
// what they show: a ConfigMap write finds the pods to sync without looking at every pod (nearly every pod mounts
// `configmap/kube-root-ca.crt` through its kube-api-access volume).
import { splitKey } from "../control-loop/types";

export class MountedRefs {
  /** `<namespace>/<ref>` → pod keys. */
  private readonly pods = new Map<string, Set<string>>();
  /** Pod key → its refs, joined by "\n" (one string: every pod keeps one). */
  private readonly refsOf = new Map<string, string>();

  /** What the pod `key`'s volumes show now (none: forgotten). */
  set(key: string, refs: ReadonlySet<string>): void {
    const joined = [...refs].sort().join("\n");
    if ((this.refsOf.get(key) ?? "") === joined) return;
    this.delete(key);
    if (!joined) return;
    this.refsOf.set(key, joined);
    const namespace = splitKey(key).namespace ?? "";
    for (const ref of refs) {
      const at = `${namespace}/${ref}`;
      let keys = this.pods.get(at);
      if (!keys) this.pods.set(at, (keys = new Set()));
      keys.add(key);
    }
  }

  delete(key: string): void {
    const joined = this.refsOf.get(key);
    if (joined === undefined) return;
    this.refsOf.delete(key);
    const namespace = splitKey(key).namespace ?? "";
    for (const ref of joined.split("\n")) {
      const at = `${namespace}/${ref}`;
      const keys = this.pods.get(at);
      keys?.delete(key);
      if (keys?.size === 0) this.pods.delete(at);
    }
  }

  /** The pods of `namespace` whose volumes show `ref` (`configmap/<name>`, `secret/<name>`). */
  showing(namespace: string, ref: string): string[] {
    return [...(this.pods.get(`${namespace}/${ref}`) ?? [])];
  }

  /** Whether the pod's volumes show its own fields (downward API). */
  showsOwnFields(key: string): boolean {
    return this.refsOf.get(key)?.split("\n").includes("pod") ?? false;
  }
}
