// Events expire an hour after they last happened (the apiserver's --event-ttl), so a busy sandbox does not fill up
// with them. One sweep key, run whenever events are written and after a restart. It sets no timer of its own: an idle
// cluster must have nothing due, so the events of a cluster left alone expire at its next activity.
import type { KubeObject } from "../../api/object";
import { events } from "../registry/events";
import type { Controller, ControllerContext, Watch } from "../control-loop/types";

export const eventTtlMs = 60 * 60 * 1000;

function lastSeen(event: KubeObject): number {
  const e = event as KubeObject & { lastTimestamp?: string; eventTime?: string; series?: { lastObservedTime?: string } };
  return Date.parse(e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp ?? "") || 0;
}

/** The sweep scans every event: at most once a minute of cluster time. */
const sweepEveryMs = 60_000;

export class EventTtl implements Controller {
  readonly name = "event-ttl";
  private lastSweep = Number.NEGATIVE_INFINITY;

  readonly watches: Watch[] = [{ kind: events, keys: (event) => (event.type === "ADDED" ? ["sweep"] : []) }];

  resync(): string[] {
    return ["sweep"];
  }

  reconcile(_key: string, ctx: ControllerContext): void {
    if (ctx.now - this.lastSweep < sweepEveryMs) return;
    this.lastSweep = ctx.now;
    for (const event of ctx.registry.list(events)) {
      if (lastSeen(event) + eventTtlMs <= ctx.now) ctx.registry.delete(events, event.metadata.namespace, event.metadata.name!);
    }
  }
}
