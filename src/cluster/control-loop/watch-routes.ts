// Routes store events to the controllers that watch their kind: a controller's `for`, `owns` and `watches`
// (control-loop/types.ts) become routes per store bucket (`/core/pods`), so a write runs only the key functions of
// the controllers watching its kind, in the order of the controller list.
import type { KubeObject } from "../../api/object";
import { bucketOfKind } from "../registry/keys";
import type { ResourceDef } from "../registry/types";
import { bucketOf } from "../storage/bucket";
import type { StoreEvent } from "../storage/store";
import { anyKind, keyOf, type Controller } from "./types";

export interface Route {
  controller: Controller;
  keys(event: StoreEvent): string[];
}

/** A controller's watches as (bucket or `anyKind`, keys) pairs, in the order its keys come for one event. */
function watchesOf(controller: Controller): Array<{ bucket: string; keys(event: StoreEvent): string[] }> {
  const out: Array<{ bucket: string; keys(event: StoreEvent): string[] }> = [];
  const primary = controller.for;
  if (primary) {
    const skipDeleted = controller.ignoreDeleted === true;
    out.push({ bucket: bucketOfKind(primary), keys: (event) => (skipDeleted && event.type === "DELETED" ? [] : [keyOf(event.object)]) });
    const owner = ownerKeyOf(primary);
    for (const owned of controller.owns ?? []) {
      out.push({
        bucket: bucketOfKind(owned),
        keys: (event) => {
          const keys: string[] = [];
          for (const obj of event.prev ? [event.object, event.prev] : [event.object]) {
            const key = owner(obj);
            if (key !== undefined) keys.push(key);
          }
          return keys;
        },
      });
    }
  } else if (controller.owns?.length) {
    throw new Error(`controller ${controller.name} owns kinds but has no \`for\` kind to own them`);
  }
  for (const watch of controller.watches ?? []) {
    out.push({ bucket: watch.kind === anyKind ? anyKind : bucketOfKind(watch.kind), keys: (event) => watch.keys(event) });
  }
  return out;
}

/** The key of the controller owner of an object, when that owner is of kind `def` (same kind and apiVersion). */
function ownerKeyOf(def: ResourceDef): (obj: KubeObject) => string | undefined {
  const apiVersion = def.group ? `${def.group}/${def.version}` : def.version;
  return (obj) => {
    const ref = (obj.metadata.ownerReferences ?? []).find((r) => r.controller);
    if (!ref || ref.kind !== def.kind || ref.apiVersion !== apiVersion) return undefined;
    return obj.metadata.namespace ? `${obj.metadata.namespace}/${ref.name}` : ref.name;
  };
}

export class WatchRoutes {
  private readonly all: Array<{ controller: Controller; bucket: string; keys(event: StoreEvent): string[] }>;
  private readonly byBucket = new Map<string, Route[]>();

  /** @param controllers in pass order: an event's keys are queued in this order. */
  constructor(controllers: Controller[]) {
    this.all = controllers.flatMap((controller) => watchesOf(controller).map((w) => ({ controller, ...w })));
  }

  /** The routes of the bucket of a storage key (computed once per bucket). */
  routes(key: string): Route[] {
    const bucket = bucketOf(key);
    let routes = this.byBucket.get(bucket);
    if (!routes) {
      routes = this.all.filter((w) => w.bucket === bucket || w.bucket === anyKind).map(({ controller, keys }) => ({ controller, keys }));
      this.byBucket.set(bucket, routes);
    }
    return routes;
  }
}

/** The keys an event wakes in one controller (for tests, and for code that drives a controller by hand). */
export function keysFor(controller: Controller, event: StoreEvent): string[] {
  return new WatchRoutes([controller]).routes(event.key).flatMap((route) => route.keys(event));
}
