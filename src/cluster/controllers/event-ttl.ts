// Events expire an hour after they last happened (the apiserver's --event-ttl), so a busy sandbox does not fill up
// with them. One sweep key: it deletes what is due and asks to run again when the next event falls due.
import type { KubeObject } from "../../api/object";
import type { Controller, ControllerContext } from "./types";

export const eventTtlMs = 60 * 60 * 1000;

function lastSeen(event: KubeObject): number {
  const e = event as KubeObject & { lastTimestamp?: string; eventTime?: string; series?: { lastObservedTime?: string } };
  return Date.parse(e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp ?? "") || 0;
}

export const eventTtl: Controller = {
  name: "event-ttl",
  keysFor(event) {
    return event.type === "ADDED" && event.key.startsWith("/core/events/") ? ["sweep"] : [];
  },
  resync() {
    return ["sweep"];
  },
  reconcile(_key, ctx: ControllerContext) {
    const def = ctx.table.byResource("", "v1", "events")!;
    let next: number | undefined;
    for (const event of ctx.registry.list(def)) {
      const due = lastSeen(event) + eventTtlMs;
      if (due <= ctx.now) ctx.registry.delete(def, event.metadata.namespace, event.metadata.name!);
      else next = next === undefined ? due : Math.min(next, due);
    }
    return next === undefined ? undefined : { requeueAt: next };
  },
};
