// The contract of a controller: level-triggered reconcile by key, in the controller-runtime style. A controller
// reads current state (the registry is the informer cache: in-memory, always current), converges it through the
// registry (so its writes are validated like kubectl's), and says when it wants to look again.
import type { KubeObject } from "../../api/object";
import type { ClusterSpec } from "../../api/platform";
import type { RegistryStore } from "../registry/generic-store";
import type { ResourceTable } from "../registry/resource-table";
import type { ResourceDef } from "../registry/types";
import type { StoreEvent } from "../storage/store";
import type { TimingProfile } from "../timing";
import type { EventRecorder } from "./event-recorder";
import type { Indexes } from "./indexes";

export interface ControllerContext {
  registry: RegistryStore;
  table: ResourceTable;
  /** Wall-clock ms of this pass. Never read the clock elsewhere. */
  now: number;
  /** Simulated durations of this cluster's pace. */
  timing: TimingProfile;
  /** Writes core/v1 Events (what `kubectl describe` shows), aggregated like the real recorder. */
  events: EventRecorder;
  /** Secondary indexes kept current from store events (pods by node, dependents by owner uid). */
  indexes: Indexes;
  /** The cluster's settled options (node resources, pace). */
  cluster: ClusterSpec;
}

/** "done", or run this key again at (ms). Throwing retries with back-off. */
export type ReconcileResult = { requeueAt?: number } | void;

/** Every kind: a watch of `anyKind` sees every store event (the garbage collector, namespace deletion). */
export const anyKind = "*";

/** A store event of one kind: its objects typed as that kind. */
export type KindEvent<T extends KubeObject> = Omit<StoreEvent, "object" | "prev"> & { object: T; prev?: T };

/** A custom watch: the keys an event of `kind` wakes. Must be cheap: it runs on every write of that kind. */
export interface Watch {
  kind: ResourceDef | typeof anyKind;
  keys(event: StoreEvent): string[];
}

/** A watch of one kind whose `keys` sees that kind's type (`watch(pods, (event) => ...)`: `event.object` is a Pod). */
export function watch<T extends KubeObject>(kind: ResourceDef<T>, keys: (event: KindEvent<T>) => string[]): Watch {
  return { kind, keys: keys as (event: StoreEvent) => string[] };
}

/**
 * A controller, in the controller-runtime style: what it watches is declared on kind definitions, and the manager
 * routes a store event only to the controllers watching that event's kind. For one event, a controller's keys come
 * in this order: its `for` key, its `owns` keys, then its `watches` in the order listed.
 */
export interface Controller {
  name: string;
  /** The kind it reconciles: an event of it wakes the object's own key (`keyOf`: `namespace/name`, or `name`). */
  for?: ResourceDef;
  /** Skip the `for` kind's deletions (a gone object has nothing to reconcile); by default they wake its key too. */
  ignoreDeleted?: boolean;
  /**
   * Kinds it controls: an event of one wakes the key of its controller owner (the ownerReference with
   * `controller: true`) when that owner is of the `for` kind, for the object and for its previous state (so the
   * owner that lost it hears of it too).
   */
  owns?: ResourceDef[];
  /** Any other wake-ups. */
  watches?: Watch[];
  /** Keys for a full resync (after a restart). */
  resync(ctx: ControllerContext): string[];
  reconcile(key: string, ctx: ControllerContext): ReconcileResult;
}

export function keyOf(obj: KubeObject): string {
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : obj.metadata.name!;
}

/** Split a `namespace/name` key. */
export function splitKey(key: string): { namespace: string | undefined; name: string } {
  const slash = key.indexOf("/");
  return slash < 0 ? { namespace: undefined, name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}
