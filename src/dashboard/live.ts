// `GET /s/<token>/live`: a Server-Sent Events stream that says `change` (debounced) whenever an object a page
// shows changes, and `gone` when the link stops working (rotated, cluster deleted). It is the cluster's shared live
// feed (cluster/apiserver/live-feed.ts), which holds no Kubernetes watch: viewers never take the learner's watches.
import { liveFeedHeaders } from "../api/live-feed";
import type { Status } from "../api/status";
import type { Catalog, Def } from "./catalog";
import { kindViewOf } from "./kind-views/registry";
import type { ClusterClient } from "./cluster-client";
import type { Section } from "./page-context";

export const sseHeaders = liveFeedHeaders;

/** The kinds whose changes a section's page shows. */
export function liveKinds(catalog: Catalog, section: Section, detailDef?: Def): Def[] {
  const core = (...names: string[]) => names.map((n) => catalog.core(n)).filter((d): d is Def => !!d);
  switch (section) {
    case "overview":
      return core("nodes", "pods");
    case "workloads":
      return [...catalog.workloads(), ...core("pods")];
    case "services":
      return core("services", "endpoints");
    case "config":
      return core("configmaps", "secrets");
    case "namespaces":
      return core("namespaces", "resourcequotas");
    case "events":
      return core("events");
    case "objects":
      return [...new Set([...(detailDef ? [detailDef, ...(kindViewOf(detailDef)?.watches?.(catalog) ?? [])] : []), ...core("pods", "events")])];
  }
}

/** The stream of a live page: the cluster's shared feed (no watch slot), or its refusal as a plain-text answer. */
export async function liveStream(client: ClusterClient, kinds: Def[]): Promise<Response> {
  const response = await client.live(kinds);
  if (response.ok && response.body) return new Response(response.body, { headers: sseHeaders });
  const text = await response.text();
  let message = `the cluster answered ${response.status}`;
  try {
    message = (JSON.parse(text) as Status).message ?? message;
  } catch {
    // Not a Status: keep the generic message.
  }
  const headers: Record<string, string> = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };
  const retry = response.headers.get("retry-after");
  if (retry) headers["Retry-After"] = retry;
  return new Response(`${message}\n`, { status: response.status, headers });
}
