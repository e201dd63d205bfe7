// Events as a timeline, newest first, warnings highlighted (with the word "Warning", not only a colour).
import type { KubeObject } from "../../api/object";
import { detailHref, listPath } from "../catalog";
import { Empty, StateBadge } from "../layout";
import { href, type PageContext } from "../page-context";
import { age } from "../pod-state";

export interface CoreEvent extends KubeObject {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  lastTimestamp?: string;
  firstTimestamp?: string;
  eventTime?: string;
  involvedObject?: { kind?: string; apiVersion?: string; name?: string; namespace?: string; uid?: string };
  source?: { component?: string; host?: string };
  reportingComponent?: string;
}

export function eventTime(event: CoreEvent): string {
  return event.lastTimestamp ?? event.eventTime ?? event.firstTimestamp ?? event.metadata.creationTimestamp ?? "";
}

/** Newest first; ties by name so the order is stable. */
export function newestFirst(events: CoreEvent[]): CoreEvent[] {
  return [...events].sort((a, b) => Date.parse(eventTime(b) || "0") - Date.parse(eventTime(a) || "0") || (a.metadata.name ?? "").localeCompare(b.metadata.name ?? ""));
}

export async function loadEvents(ctx: PageContext): Promise<CoreEvent[]> {
  return newestFirst((await ctx.client.listOrEmpty(listPath(ctx.catalog.core("events")!, ctx.ns))) as CoreEvent[]);
}

export function EventList(props: { ctx: PageContext; events: CoreEvent[]; showObject?: boolean }) {
  const { ctx } = props;
  if (!props.events.length) return <Empty>No events{ctx.ns ? ` in namespace ${ctx.ns}` : ""}.</Empty>;
  return (
    <ol class="timeline">
      {props.events.map((e) => {
        const warning = e.type === "Warning";
        const inv = e.involvedObject ?? {};
        const def = ctx.catalog.ofKind(inv.apiVersion, inv.kind);
        const target = `${inv.kind ?? "?"}/${inv.name ?? "?"}`;
        const when = eventTime(e);
        return (
          <li class={warning ? "warning" : undefined}>
            <p class="when">
              <time datetime={when}>{age(when, ctx.now)} ago</time>
              {e.count && e.count > 1 ? ` (×${e.count})` : ""}
            </p>
            <p>
              <StateBadge label={e.type ?? "Normal"} tone={warning ? "failed" : "running"} /> <strong>{e.reason}</strong>{" "}
              {props.showObject === false ? null : def && inv.name ? (
                <a href={href(ctx, detailHref(def, inv.namespace, inv.name), false)}>{target}</a>
              ) : (
                target
              )}
            </p>
            <p class="message">{e.message}</p>
          </li>
        );
      })}
    </ol>
  );
}

export function EventsPage(props: { ctx: PageContext; events: CoreEvent[] }) {
  return (
    <>
      <h1>Events</h1>
      <EventList ctx={props.ctx} events={props.events} />
    </>
  );
}
