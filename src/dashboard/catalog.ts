// Which kinds the dashboard shows, read from the cluster's discovery as kubectl reads it (so a kind served later
// appears without a change here), and the API paths and dashboard links of their objects.
import type { APIGroupDiscoveryList } from "../api/discovery";
import type { KubeObject, ObjectMeta } from "../api/object";

/** A kind the cluster serves, as its discovery describes it. */
export interface Def {
  group: string;
  version: string;
  resource: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
  categories: string[];
}

const listable = (def: Def) => def.verbs.includes("list");

/** The kinds of one cluster. Lookups answer the same `Def` objects, so they compare with `===`. */
export class Catalog {
  constructor(readonly defs: Def[]) {}

  /** From the aggregated discovery of `/api` and `/apis`. */
  static fromDiscovery(lists: APIGroupDiscoveryList[]): Catalog {
    const defs: Def[] = [];
    for (const list of lists) {
      for (const group of list.items ?? []) {
        for (const version of group.versions ?? []) {
          for (const r of version.resources ?? []) {
            defs.push({
              group: group.metadata.name,
              version: version.version,
              resource: r.resource,
              kind: r.responseKind.kind,
              namespaced: r.scope === "Namespaced",
              verbs: r.verbs ?? [],
              categories: r.categories ?? [],
            });
          }
        }
      }
    }
    return new Catalog(defs);
  }

  find(group: string, version: string, resource: string): Def | undefined {
    return this.defs.find((d) => d.group === group && d.version === version && d.resource === resource && listable(d));
  }

  ofKind(apiVersion: string | undefined, kind: string | undefined): Def | undefined {
    if (!apiVersion || !kind) return undefined;
    const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
    return this.defs.find((d) => d.group === group && d.version === version && d.kind === kind && listable(d));
  }

  /** The core kind serving `resource` (pods, nodes, services, ...). */
  core(resource: string): Def | undefined {
    return this.find("", "v1", resource);
  }

  /** Controllers of pods: kinds in kubectl's `all` category other than pods and services themselves. */
  workloads(): Def[] {
    const seen = new Set<string>();
    return this.defs.filter((d) => {
      if (!listable(d) || !d.categories.includes("all") || ["pods", "services"].includes(d.resource) || (d.group === "" && d.resource === "replicationcontrollers")) return false;
      // A kind served in several versions once, in its preferred (first discovered) version, as `kubectl get all`.
      const key = `${d.group}/${d.resource}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /** The dashboard path of an object's page, when its kind is served. */
  hrefOf(obj: KubeObject, def: Def | undefined = this.ofKind(obj.apiVersion, obj.kind)): string | undefined {
    return def ? detailHref(def, obj.metadata.namespace, obj.metadata.name) : undefined;
  }
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

export const secretPlaceholder = "(value hidden)";

/** Kinds whose values the dashboard never shows, whoever opened it: Secrets (core group). */
function holdsSecretValues(def: Def | undefined): boolean {
  return def?.group === "" && def.kind === "Secret";
}

const lastApplied = "kubectl.kubernetes.io/last-applied-configuration";

/**
 * What the dashboard may show of an object: for a Secret, every value of `data`/`stringData` replaced by a
 * placeholder (the keys stay) and no last-applied configuration (it holds the values too). Applied whatever token
 * opened the dashboard; the cluster masks the read-only token's answers as well.
 */
export function displayable(def: Def | undefined, obj: KubeObject): KubeObject {
  if (!holdsSecretValues(def)) return obj;
  const out: Record<string, unknown> = { ...obj };
  for (const field of ["data", "stringData"]) {
    const map = out[field];
    if (map && typeof map === "object") out[field] = Object.fromEntries(Object.keys(map).map((k) => [k, secretPlaceholder]));
  }
  const { [lastApplied]: _dropped, ...annotations } = obj.metadata.annotations ?? {};
  const metadata: ObjectMeta = { ...obj.metadata, annotations };
  if (!Object.keys(annotations).length) delete metadata.annotations;
  return { ...(out as KubeObject), metadata };
}
