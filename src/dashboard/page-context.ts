// What every dashboard page knows about its request: the cluster and its kinds, the link's role, the namespace
// filter, and how to link within the share link (relative links, so the token is not repeated in every href).
import type { KubeObject } from "../api/object";
import type { Catalog } from "./catalog";
import type { ClusterClient, Row } from "./cluster-client";

export type Section = "overview" | "workloads" | "services" | "config" | "namespaces" | "events" | "objects";

export interface PageContext {
  client: ClusterClient;
  /** The kinds the cluster serves (its discovery). */
  catalog: Catalog;
  clusterName: string;
  /** `view` for the read-only share token: the page shows the "shared view" label. */
  role: "admin" | "view";
  /** The namespace filter (`?ns=`), if any. */
  ns?: string;
  section: Section;
  /** The share link's root path, `/s/<token>/`. */
  root: string;
  /** From this page to the share link's root: `./` or `../../../../`. */
  base: string;
  now: number;
}

/** A link to a dashboard path (relative to the share link's root), keeping the namespace filter. */
export function href(ctx: PageContext, path: string, keepNs = true): string {
  const query = keepNs && ctx.ns ? `?ns=${encodeURIComponent(ctx.ns)}` : "";
  return `${ctx.base}${path}${query}`;
}

export function byName<T extends KubeObject>(a: T, b: T): number {
  return (a.metadata.namespace ?? "").localeCompare(b.metadata.namespace ?? "") || (a.metadata.name ?? "").localeCompare(b.metadata.name ?? "");
}

export function byRowName(a: Row, b: Row): number {
  return byName(a.object, b.object);
}
