// The contract of a controller: level-triggered reconcile by key, in the controller-runtime style. A controller
// reads current state (the registry is the informer cache: in-memory, always current), converges it through the
// registry (so its writes are validated like kubectl's), and says when it wants to look again.
import type { KubeObject } from "../../api/object";
import type { ClusterSpec } from "../../api/platform";
import type { RegistryStore } from "../registry/generic-store";
import type { ResourceTable } from "../registry/resource-table";
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

export interface Controller {
  name: string;
  /** Keys (usually `namespace/name` or a storage key) an event should wake. Must be cheap: it runs on every write. */
  keysFor(event: StoreEvent): string[];
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
