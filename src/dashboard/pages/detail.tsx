// One object's page: status, conditions, its kind's own sections (./kind-views), labels, related objects, events,
// YAML (Secret values replaced by a placeholder) and, for a pod, the tail of each container's log.
import type { Child } from "hono/jsx";
import { stringify } from "yaml";
import type { KubeObject } from "../../api/object";
import { mapSelectorOrNothing } from "../../api/selectors/selector-or-nothing";
import { detailHref, displayable, listPath, objectPath, type Def } from "../catalog";
import { Empty, StateBadge } from "../layout";
import { href, type PageContext } from "../page-context";
import { conditionsOf, fieldAt, recordsAt, stringAt, stringMapAt } from "../json-read";
import { age, podState, type PodState } from "../pod-state";
import { kindViewOf } from "../kind-views/registry";
import { EventList, newestFirst, type CoreEvent } from "./events";

/** Log lines shown per container. */
export const logTailLines = 50;

/** An object shown in a list of the page, with its STATUS word when it is a pod. */
export interface RelatedObject {
  object: KubeObject;
  state?: PodState;
}

export interface DetailData {
  def: Def;
  object: KubeObject;
  /** A pod's STATUS word, as its Table row prints it. */
  state?: PodState;
  /** The sections the object's kind adds (./kind-views): a pod's volumes, a quota's Used / Hard table, ... */
  kindSections?: Child;
  related: Array<{ label: string; objects: RelatedObject[] }>;
  events: CoreEvent[];
  logs: Array<{ container: string; ok: boolean; text: string }>;
}

/** Every pod (of a namespace, or of all), each with its STATUS word. */
async function printedPods(ctx: PageContext, namespace?: string): Promise<RelatedObject[]> {
  const printed = await ctx.client.printedOrEmpty(listPath(ctx.catalog.core("pods")!, namespace));
  return printed.rows.map((row) => ({ object: row.object, state: podState(row) }));
}

async function relatedObjects(ctx: PageContext, def: Def, obj: KubeObject): Promise<DetailData["related"]> {
  const { client, catalog } = ctx;
  const ns = obj.metadata.namespace;
  const related: DetailData["related"] = [];
  const pods = catalog.core("pods")!;
  if (def.resource === "nodes" && !def.group) {
    const all = await printedPods(ctx);
    related.push({ label: "Pods on this node", objects: all.filter((p) => fieldAt(p.object, "spec", "nodeName") === obj.metadata.name) });
  }
  const nodeName = stringAt(obj, "spec", "nodeName");
  if (def === pods && nodeName) {
    const node = await client.getJson(objectPath(catalog.core("nodes")!, undefined, nodeName)).catch(() => undefined);
    if (node) related.push({ label: "Node", objects: [{ object: node }] });
  }
  if (def.resource === "services" && !def.group && ns) {
    const [endpoints, all] = await Promise.all([
      client.getJson(objectPath(catalog.core("endpoints")!, ns, obj.metadata.name)).catch(() => undefined),
      printedPods(ctx, ns),
    ]);
    if (endpoints) related.push({ label: "Endpoints", objects: [{ object: endpoints }] });
    const selector = mapSelectorOrNothing(stringMapAt(obj, "spec", "selector"));
    related.push({ label: "Pods selected", objects: all.filter((p) => selector.matches(p.object.metadata.labels ?? {})) });
  }
  const workloads = catalog.workloads();
  if (workloads.includes(def) && ns) {
    const lists = await Promise.all([
      printedPods(ctx, ns),
      ...workloads.map(async (k) => (await client.listOrEmpty(listPath(k, ns))).map((object): RelatedObject => ({ object }))),
    ]);
    const owned = lists.flat().filter((c) => (c.object.metadata.ownerReferences ?? []).some((r) => r.uid === obj.metadata.uid));
    related.push({ label: "Owned objects", objects: owned });
  }
  return related;
}

async function podLogs(ctx: PageContext, obj: KubeObject): Promise<DetailData["logs"]> {
  const containers = recordsAt(obj, "spec", "containers").flatMap((c) => (typeof c.name === "string" ? [{ name: c.name }] : []));
  const base = `${objectPath(ctx.catalog.core("pods")!, obj.metadata.namespace, obj.metadata.name)}/log`;
  return Promise.all(
    containers.map(async (c) => ({ container: c.name, ...(await ctx.client.text(`${base}?container=${encodeURIComponent(c.name)}&tailLines=${logTailLines}`)) })),
  );
}

/** Loads an object's page; undefined when the object (or its kind) does not exist. */
export async function loadDetail(ctx: PageContext, def: Def, namespace: string | undefined, name: string): Promise<DetailData | undefined> {
  let row;
  try {
    row = (await ctx.client.printed(objectPath(def, namespace, name))).rows[0];
  } catch {
    return undefined;
  }
  if (!row) return undefined;
  const object = row.object;
  const isPod = def === ctx.catalog.core("pods");
  const eventsDef = ctx.catalog.core("events")!;
  const [kindSections, related, events, logs] = await Promise.all([
    kindViewOf(def)?.sections(ctx, object),
    relatedObjects(ctx, def, object),
    ctx.client.listOrEmpty(listPath(eventsDef, namespace)),
    isPod ? podLogs(ctx, object) : Promise.resolve([]),
  ]);
  const mine = (events as CoreEvent[]).filter((e) =>
    e.involvedObject?.uid ? e.involvedObject.uid === object.metadata.uid : e.involvedObject?.kind === def.kind && e.involvedObject?.name === name,
  );
  return { def, object, state: isPod ? podState(row) : undefined, kindSections, related, events: newestFirst(mine), logs };
}

/** The object as `kubectl get -o yaml` shows it (no managedFields), Secret values replaced. */
export function objectYaml(def: Def, obj: KubeObject): string {
  const shown = displayable(def, obj);
  const { managedFields: _omit, ...metadata } = shown.metadata;
  return stringify({ apiVersion: shown.apiVersion, kind: shown.kind, ...shown, metadata });
}

function scalarStatus(obj: KubeObject): Array<[string, string]> {
  const status = fieldAt(obj, "status");
  if (!status || typeof status !== "object") return [];
  return Object.entries(status).flatMap(([k, v]) => (v === null || typeof v === "object" ? [] : [[k, String(v)] as [string, string]]));
}

function Pairs(props: { map: Record<string, string> | undefined; label: string }) {
  const entries = Object.entries(props.map ?? {});
  return (
    <section aria-label={props.label}>
      <h2>{props.label}</h2>
      {entries.length ? (
        <ul class="pairs">{entries.map(([k, v]) => <li><code>{k}</code>=<code>{v}</code></li>)}</ul>
      ) : (
        <Empty>None.</Empty>
      )}
    </section>
  );
}

export function DetailPage(props: { ctx: PageContext; data: DetailData }) {
  const { ctx, data } = props;
  const { def, object } = data;
  const meta = object.metadata;
  const conditions = conditionsOf(object);
  const state = data.state;
  return (
    <>
      <p class="crumbs">
        <a href={href(ctx, "")}>Overview</a> › {def.kind}
        {meta.namespace ? ` in ${meta.namespace}` : ""}
      </p>
      <h1>
        {def.kind} <span class="name">{meta.name}</span> {state ? <StateBadge label={state.label} tone={state.tone} /> : null}
      </h1>
      <dl class="meta">
        {meta.namespace ? <><dt>Namespace</dt><dd>{meta.namespace}</dd></> : null}
        <dt>Created</dt>
        <dd><time datetime={meta.creationTimestamp ?? undefined}>{age(meta.creationTimestamp ?? undefined, ctx.now)} ago</time></dd>
        {meta.deletionTimestamp ? <><dt>Deleting since</dt><dd>{meta.deletionTimestamp}</dd></> : null}
        {(meta.ownerReferences ?? []).map((r) => {
          const ownerDef = ctx.catalog.ofKind(r.apiVersion, r.kind);
          return (
            <>
              <dt>Owner</dt>
              <dd>{ownerDef ? <a href={href(ctx, detailHref(ownerDef, meta.namespace, r.name), false)}>{`${r.kind}/${r.name}`}</a> : `${r.kind}/${r.name}`}</dd>
            </>
          );
        })}
        {scalarStatus(object).map(([k, v]) => <><dt>{k}</dt><dd>{v}</dd></>)}
      </dl>
      {conditions.length ? (
        <section aria-labelledby="conditions">
          <h2 id="conditions">Conditions</h2>
          <div class="scroll">
            <table>
              <thead><tr><th scope="col">Type</th><th scope="col">Status</th><th scope="col">Reason</th><th scope="col">Message</th></tr></thead>
              <tbody>
                {conditions.map((c) => (
                  <tr>
                    <th scope="row">{c.type}</th>
                    <td><StateBadge label={String(c.status)} tone={c.status === "True" ? "running" : c.status === "False" ? "failed" : "pending"} /></td>
                    <td>{c.reason}</td>
                    <td>{c.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {data.kindSections ?? null}
      {data.related.map((group) => (
        <section aria-label={group.label}>
          <h2>{group.label} ({group.objects.length})</h2>
          {group.objects.length ? (
            <ul class="plain">
              {group.objects.map(({ object: o, state: podTone }) => {
                const link = ctx.catalog.hrefOf(o);
                const label = `${o.kind ?? ""}/${o.metadata.name}`;
                return (
                  <li>
                    {link ? <a href={href(ctx, link, false)}>{label}</a> : label} {podTone ? <StateBadge label={podTone.label} tone={podTone.tone} /> : null}
                  </li>
                );
              })}
            </ul>
          ) : (
            <Empty>None.</Empty>
          )}
        </section>
      ))}
      {data.logs.length ? (
        <section aria-labelledby="logs">
          <h2 id="logs">Logs (last {logTailLines} lines)</h2>
          {data.logs.map((log) => (
            <>
              <h3>Container {log.container}</h3>
              {log.ok ? <pre class="log">{log.text || "(no output yet)"}</pre> : <p class="note">Logs unavailable: {log.text}</p>}
            </>
          ))}
        </section>
      ) : null}
      <section aria-labelledby="events">
        <h2 id="events">Events</h2>
        <EventList ctx={ctx} events={data.events} showObject={false} />
      </section>
      <Pairs label="Labels" map={meta.labels} />
      <Pairs label="Annotations" map={displayable(def, object).metadata.annotations} />
      <section aria-labelledby="yaml">
        <h2 id="yaml">YAML</h2>
        <pre class="yaml">{objectYaml(def, object)}</pre>
      </section>
    </>
  );
}
