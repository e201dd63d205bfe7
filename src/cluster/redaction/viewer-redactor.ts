// The redactor of one cluster's read-only answers: built from the current values of its Secrets, cached, and built
// again after any Secret changes. Values a Secret held before an update or its deletion stay masked too (they may
// still be in Events, annotations or a container's output) for as long as this object lives in memory.
import { secretsPrefix, secretValues } from "../registry/secrets/values";
import type { Store } from "../storage/store";
import { Redactor } from "./redactor";

/** Most former values remembered (the oldest are forgotten first). */
const maxFormerValues = 10_000;

class Cache {
  private redactor: Redactor | undefined;
  /** Values of Secrets as they were before an update or a delete, decoded and as stored (base64). */
  private readonly former = { decoded: new Set<string>(), stored: new Set<string>() };
  /** The store's revision when the redactor was built: a lower revision means the store was reset or reloaded. */
  private builtAt = 0;

  constructor(private readonly store: Store) {
    store.subscribe((events) => {
      for (const event of events) {
        if (!event.key.startsWith(secretsPrefix)) continue;
        this.redactor = undefined;
        const old = event.type === "DELETED" ? event.object : event.prev;
        if (old) this.remember(old);
      }
    });
  }

  get(): Redactor {
    if (this.redactor && this.store.revision >= this.builtAt) return this.redactor;
    const decoded: string[] = [];
    const stored: string[] = [];
    for (const secret of this.store.list(secretsPrefix)) {
      const values = secretValues(secret);
      decoded.push(...values.decoded);
      stored.push(...values.stored);
    }
    decoded.push(...this.former.decoded);
    stored.push(...this.former.stored);
    this.builtAt = this.store.revision;
    this.redactor = new Redactor(decoded, stored);
    return this.redactor;
  }

  private remember(secret: Parameters<typeof secretValues>[0]): void {
    const values = secretValues(secret);
    for (const kind of ["decoded", "stored"] as const) {
      const set = this.former[kind];
      for (const value of values[kind]) {
        set.delete(value);
        set.add(value);
      }
      while (set.size > maxFormerValues) set.delete(set.values().next().value!);
    }
  }
}

const caches = new WeakMap<Store, Cache>();

function cacheOf(store: Store): Cache {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new Cache(store)));
  return cache;
}

/** Start following the store's Secrets (so that values replaced from now on stay masked); builds nothing yet. */
export function followSecrets(store: Store): void {
  cacheOf(store);
}

/** The redactor for read-only callers of the cluster whose store this is (one per store, kept up to date). */
export function viewerRedactor(store: Store): Redactor {
  return cacheOf(store).get();
}
