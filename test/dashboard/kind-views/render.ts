// Rendering per-kind sections from plain objects: a page context over the catalog a cluster's discovery gives (plus
// the kinds other work serves later: claims, volumes, StatefulSets, RBAC), a client that answers fixed lists, and
// the text a reader sees.
import { jsx, type Child } from "hono/jsx";
import type { APIGroupDiscoveryList } from "../../../src/api/discovery";
import type { KubeObject } from "../../../src/api/object";
import { aggregatedDiscovery } from "../../../src/cluster/apiserver/discovery";
import { ResourceTable } from "../../../src/cluster/registry/resource-table";
import { resources } from "../../../src/cluster/registry/resources";
import { Catalog, type Def } from "../../../src/dashboard/catalog";
import type { ClusterClient, Printed } from "../../../src/dashboard/cluster-client";
import type { PageContext } from "../../../src/dashboard/page-context";
import { fakeClockStart } from "../../helpers/fake-clock";

const served = Catalog.fromDiscovery(
  [true, false].map((core) => JSON.parse(JSON.stringify(aggregatedDiscovery(new ResourceTable(resources), "v2", core))) as APIGroupDiscoveryList),
);

const verbs = ["get", "list", "watch"];
/** A kind as discovery describes it, for kinds this branch may not serve yet. */
function def(group: string, resource: string, kind: string, namespaced: boolean): Def {
  return { group, version: "v1", resource, kind, namespaced, verbs, categories: [] };
}
const later = [
  def("", "persistentvolumeclaims", "PersistentVolumeClaim", true),
  def("", "persistentvolumes", "PersistentVolume", false),
  def("apps", "statefulsets", "StatefulSet", true),
  def("rbac.authorization.k8s.io", "roles", "Role", true),
  def("rbac.authorization.k8s.io", "clusterroles", "ClusterRole", false),
  def("rbac.authorization.k8s.io", "rolebindings", "RoleBinding", true),
  def("rbac.authorization.k8s.io", "clusterrolebindings", "ClusterRoleBinding", false),
];

/** The served kinds plus those others add: a kind already served keeps its own entry. */
export const catalog = new Catalog([...served.defs, ...later.filter((l) => !served.find(l.group, l.version, l.resource))]);

/** A client answering each list path from `lists` (an empty list otherwise) and recording the paths it was asked. */
export function fakeClient(lists: Record<string, KubeObject[]> = {}, printed: Record<string, Printed> = {}) {
  const asked: string[] = [];
  const client = {
    async listOrEmpty(path: string) {
      asked.push(path);
      return lists[path] ?? [];
    },
    async printedOrEmpty(path: string) {
      asked.push(path);
      return printed[path] ?? { columns: [], rows: (lists[path] ?? []).map((object) => ({ object, cells: [], columns: [] })) };
    },
  };
  return { client: client as unknown as ClusterClient, asked };
}

export function pageContext(client: ClusterClient = fakeClient().client): PageContext {
  return { client, catalog, clusterName: "demo", role: "view", section: "objects", root: "/s/t/", base: "../../../../", now: fakeClockStart() };
}

export const kindDef = (group: string, resource: string) => catalog.find(group, "v1", resource)!;

/** The HTML of a component or of sections a view rendered. */
export async function html<P extends object>(component: ((props: P) => Child) | Child, props?: P): Promise<string> {
  const node = typeof component === "function" && props ? jsx(component as (p: P) => Child, props) : (component as Child);
  return String(await Promise.resolve((node as { toString(): string | Promise<string> }).toString()));
}

/** What a reader sees: the text, inline tags dropped, others a space, entities decoded, spaces collapsed. */
export function text(markup: string): string {
  return markup
    .replace(/<\/?(?:code|a|span|time)\b[^>]*>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/** The rows of the table that follows the heading whose text is `title`, as lists of cell texts. */
export function tableAfter(markup: string, title: string): string[][] {
  const heading = [...markup.matchAll(/<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/g)].find((h) => text(h[1]) === title);
  if (!heading) throw new Error(`no heading ${title} in ${markup}`);
  const start = heading.index;
  const table = markup.slice(start).match(/<tbody>([\s\S]*?)<\/tbody>/)?.[1] ?? "";
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => text(cell[1])));
}
