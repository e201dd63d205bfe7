// Looks up served kinds by resource, kind or group-version. Built once from the list in resources.ts.
import type { ResourceDef } from "./types";

export class ResourceTable {
  private readonly byResourceKey = new Map<string, ResourceDef>();
  private readonly byKindKey = new Map<string, ResourceDef>();

  constructor(readonly defs: ResourceDef[]) {
    for (const def of defs) {
      this.byResourceKey.set(`${def.group}/${def.version}/${def.resource}`, def);
      this.byKindKey.set(`${def.group}/${def.version}/${def.kind}`, def);
    }
  }

  byResource(group: string, version: string, resource: string): ResourceDef | undefined {
    return this.byResourceKey.get(`${group}/${version}/${resource}`);
  }

  /** The served def of a storage bucket `/<group or core>/<resource>`. */
  byBucket(bucket: string): ResourceDef | undefined {
    const [, group, resource] = bucket.split("/");
    const g = group === "core" ? "" : group;
    return this.defs.find((d) => d.group === g && d.resource === resource);
  }

  /** `apiVersion` as written in objects: `v1`, `apps/v1`. */
  byApiVersionKind(apiVersion: string, kind: string): ResourceDef | undefined {
    const slash = apiVersion.indexOf("/");
    const group = slash < 0 ? "" : apiVersion.slice(0, slash);
    const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
    return this.byKindKey.get(`${group}/${version}/${kind}`);
  }

  /** Group names in discovery order: core ("") first, then groups in the order they first appear. */
  groups(): string[] {
    return [...new Set(this.defs.map((d) => d.group))];
  }

  versionsOf(group: string): string[] {
    return [...new Set(this.defs.filter((d) => d.group === group).map((d) => d.version))];
  }

  inGroupVersion(group: string, version: string): ResourceDef[] {
    return this.defs.filter((d) => d.group === group && d.version === version);
  }
}

export function apiVersionOf(def: Pick<ResourceDef, "group" | "version">): string {
  return def.group ? `${def.group}/${def.version}` : def.version;
}
