// Looks up served kinds by resource, kind or group-version, and every kind a request body may carry (served kinds
// and body-only kinds) with its schema and protobuf message. Built once from the lists in resources.ts and
// body-kinds.ts.
import type { z } from "zod";
import type { MessageTypes } from "../../api/protobuf";
import { bodyKinds } from "./body-kinds";
import type { BodyKind, ResourceDef } from "./types";

type BodyDecoding = Pick<BodyKind, "schema" | "protobuf">;

export class ResourceTable {
  private readonly byResourceKey = new Map<string, ResourceDef>();
  private readonly byKindKey = new Map<string, ResourceDef>();
  /** Every kind a body may carry, by `apiVersion/Kind`. */
  private readonly bodyByKey = new Map<string, BodyDecoding>();
  /** The kinds as stored: every served definition but the versions converted to another (`conversion`). */
  readonly stored: ResourceDef[];

  constructor(
    readonly defs: ResourceDef[],
    readonly bodies: readonly BodyKind[] = bodyKinds,
  ) {
    this.stored = defs.filter((d) => !d.conversion);
    for (const def of defs) {
      this.byResourceKey.set(`${def.group}/${def.version}/${def.resource}`, def);
      this.byKindKey.set(`${def.group}/${def.version}/${def.kind}`, def);
      this.bodyByKey.set(`${apiVersionOf(def)}/${def.kind}`, def);
    }
    const servedVersions = new Set(defs.map(apiVersionOf));
    for (const body of bodies) {
      const versions = new Set([apiVersionOf(body), ...(body.inEveryGroupVersion ? servedVersions : [])]);
      for (const apiVersion of versions) {
        const key = `${apiVersion}/${body.kind}`;
        if (!this.bodyByKey.has(key)) this.bodyByKey.set(key, body);
      }
    }
  }

  /** The schema of a body of this `apiVersion` and kind: a served kind or a body-only one. */
  schemaOf(apiVersion: string, kind: string): z.ZodType | undefined {
    return this.bodyByKey.get(`${apiVersion}/${kind}`)?.schema;
  }

  /** The protobuf message of a body of this `apiVersion` and kind, for the protobuf decoder. */
  readonly messageTypes: MessageTypes = (apiVersion, kind) => this.bodyByKey.get(`${apiVersion}/${kind}`)?.protobuf;

  /** Every `apiVersion/Kind` a body may carry, with its schema (for tests over all of them). */
  bodySchemas(): Array<[string, z.ZodType]> {
    return [...this.bodyByKey].map(([key, body]) => [key, body.schema]);
  }

  byResource(group: string, version: string, resource: string): ResourceDef | undefined {
    return this.byResourceKey.get(`${group}/${version}/${resource}`);
  }

  /** The served def of a storage bucket `/<group or core>/<resource>`. */
  byBucket(bucket: string): ResourceDef | undefined {
    const [, group, resource] = bucket.split("/");
    const g = group === "core" ? "" : group;
    return this.stored.find((d) => d.group === g && d.resource === resource);
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
