// The contract of a controller: level-triggered reconcile by key, in the controller-runtime style.
import type { KubeObject } from "../../api/object";
import type { RegistryStore } from "../registry/generic-store";
import type { ResourceTable } from "../registry/resource-table";
import type { StoreEvent } from "../storage/store";

export interface ControllerContext {
  registry: RegistryStore;
  table: ResourceTable;
  /** Wall-clock ms of this pass. */
  now: number;
}

/** "done", or run this key again at (ms). Throwing retries with back-off. */
export type ReconcileResult = { requeueAt?: number } | void;

export interface Controller {
  name: string;
  /** Keys (usually `namespace/name` or a storage key) an event should wake. */
  keysFor(event: StoreEvent): string[];
  /** Keys for a full resync (after a restart). */
  resync(ctx: ControllerContext): string[];
  reconcile(key: string, ctx: ControllerContext): ReconcileResult;
}

export function keyOf(obj: KubeObject): string {
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : obj.metadata.name!;
}
