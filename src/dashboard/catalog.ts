// Which kinds the dashboard shows, read from the cluster's resource table (so a kind served later appears without
// a change here), and the API paths and dashboard links of their objects.
import type { KubeObject } from "../api/object";
import { resources } from "../cluster/registry/resources";
import type { ResourceDef } from "../cluster/registry/types";

export type Def = ResourceDef;

const listable = (def: Def) => def.verbs.includes("list");

export function findDef(group: string, version: string, resource: string): Def | undefined {
  return resources.find((d) => d.group === group && d.version === version && d.resource === resource && listable(d));
}

export function defOfKind(apiVersion: string | undefined, kind: string | undefined): Def | undefined {
  if (!apiVersion || !kind) return undefined;
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  return resources.find((d) => d.group === group && d.version === version && d.kind === kind && listable(d));
}

/** The core kind serving `resource` (pods, nodes, services, ...). */
export function coreDef(resource: string): Def | undefined {
  return findDef("", "v1", resource);
}

/** Controllers of pods: kinds in kubectl's `all` category other than pods and services themselves. */
export function workloadDefs(): Def[] {
  return resources.filter((d) => listable(d) && d.categories?.includes("all") && !["pods", "services"].includes(d.resource) && !(d.group === "" && d.resource === "replicationcontrollers"));
}

/** `/api/v1` or `/apis/<group>/<version>`. */
export function groupPath(def: Def): string {
  return def.group ? `/apis/${def.group}/${def.version}` : `/api/${def.version}`;
}

/** The list path, across all namespaces or within one. */
export function listPath(def: Def, namespace?: string): string {
  return def.namespaced && namespace ? `${groupPath(def)}/namespaces/${encodeURIComponent(namespace)}/${def.resource}` : `${groupPath(def)}/${def.resource}`;
}

export function objectPath(def: Def, namespace: string | undefined, name: string | undefined): string {
  const ns = def.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : "";
  return `${groupPath(def)}${ns}/${def.resource}/${encodeURIComponent(name ?? "")}`;
}

/** The `<group~version>` segment of detail links: `core~v1` for the core group. */
export function groupVersionSegment(def: Def): string {
  return `${def.group || "core"}~${def.version}`;
}

export function parseGroupVersionSegment(segment: string): { group: string; version: string } | undefined {
  const match = /^([a-z0-9.-]*)~([a-z0-9]+)$/.exec(segment);
  if (!match) return undefined;
  return { group: match[1] === "core" ? "" : match[1], version: match[2] };
}

/** The dashboard path (relative to the share link's root) of an object's detail page. */
export function detailHref(def: Def, namespace: string | undefined, name: string | undefined): string {
  return `objects/${groupVersionSegment(def)}/${def.resource}/${encodeURIComponent(namespace || "_")}/${encodeURIComponent(name ?? "")}`;
}

export function hrefOf(obj: KubeObject, def: Def | undefined = defOfKind(obj.apiVersion, obj.kind)): string | undefined {
  return def ? detailHref(def, obj.metadata.namespace, obj.metadata.name) : undefined;
}

export const secretPlaceholder = "(value hidden)";

/**
 * What the dashboard may show of an object: the kind's read-only view (Secret values dropped), then every value of
 * `data`/`stringData` of such a kind replaced by a placeholder. Applied whatever token opened the dashboard.
 */
export function displayable(def: Def | undefined, obj: KubeObject): KubeObject {
  if (!def?.redactForViewer) return obj;
  const viewed = def.redactForViewer(obj) as KubeObject & Record<string, unknown>;
  const out: Record<string, unknown> = { ...viewed };
  for (const field of ["data", "stringData"]) {
    const map = out[field];
    if (map && typeof map === "object") out[field] = Object.fromEntries(Object.keys(map).map((k) => [k, secretPlaceholder]));
  }
  return out as KubeObject;
}
