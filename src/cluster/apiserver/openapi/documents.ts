// The OpenAPI v3 documents the apiserver serves: the index at `/openapi/v3` and one document per group-version at
// `/openapi/v3/api/v1` or `/openapi/v3/apis/<group>/<version>` (kubectl-wire.md §9). Everything follows from the
// resource table; the documents are large, so each is built once per resource table and memoized with its JSON
// text and content hash (the `?hash=` of the index, usable as an ETag).
import type { ResourceDef } from "../../registry/types";
import { fallbackObjectMeta, listMetaRef, metaSchemas, OBJECT_META_ID, scaleSchemas, typeMetaProperties } from "./meta-schemas";
import { resourcePaths, type ResourceSchemaIds } from "./paths";
import { exportComponentSchemas, schemaIdOf, sortKeys, type OpenAPISchema } from "./schema-export";

/** `info.version` of every document: the Kubernetes release this apiserver presents itself as. */
export const OPENAPI_INFO_VERSION = "v1.33.0";

export interface OpenAPIV3Index {
  paths: Record<string, { serverRelativeURL: string }>;
}

export interface OpenAPIV3Document {
  openapi: "3.0.0";
  info: { title: "Kubernetes"; version: string };
  paths: Record<string, OpenAPISchema>;
  components: { schemas: Record<string, OpenAPISchema> };
}

interface BuiltDocument {
  document: OpenAPIV3Document;
  json: string;
  hash: string;
}

/** `api/v1` for the core group, `apis/<group>/<version>` otherwise: the key of a GV in the index. */
export function groupVersionPath(def: Pick<ResourceDef, "group" | "version">): string {
  return def.group === "" ? `api/${def.version}` : `apis/${def.group}/${def.version}`;
}

/** The index: every served group-version with its hashed, root-relative document URL (kubectl prepends its path prefix). */
export function openapiV3Index(
  resources: readonly ResourceDef[],
  hashOf: (gvPath: string) => string | undefined = (gvPath) => openapiV3Hash(resources, gvPath),
): OpenAPIV3Index {
  const paths: OpenAPIV3Index["paths"] = {};
  for (const gvPath of servedGroupVersions(resources)) {
    const hash = hashOf(gvPath);
    paths[gvPath] = { serverRelativeURL: `/openapi/v3/${gvPath}${hash ? `?hash=${hash}` : ""}` };
  }
  return { paths };
}

/** The document of one group-version (`"api/v1"`, `"apis/apps/v1"`), or undefined when no resource is served in it. */
export function openapiV3Document(resources: readonly ResourceDef[], gvPath: string): OpenAPIV3Document | undefined {
  return built(resources, gvPath)?.document;
}

/** The document serialized as JSON, computed once per resource table. */
export function openapiV3DocumentJSON(resources: readonly ResourceDef[], gvPath: string): string | undefined {
  return built(resources, gvPath)?.json;
}

/** Stable content hash of the document (16 uppercase hex digits), or undefined for an unknown GV. */
export function openapiV3Hash(resources: readonly ResourceDef[], gvPath: string): string | undefined {
  return built(resources, gvPath)?.hash;
}

/** FNV-1a and djb2 (32 bits each) over the UTF-16 code units of `text`, as 16 uppercase hex digits. */
export function contentHash(text: string): string {
  let fnv = 0x811c9dc5;
  let djb = 5381;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    fnv = Math.imul(fnv ^ c, 0x01000193);
    djb = (Math.imul(djb, 33) + c) | 0;
  }
  const hex = (n: number) => (n >>> 0).toString(16).toUpperCase().padStart(8, "0");
  return hex(fnv) + hex(djb);
}

const memo = new WeakMap<readonly ResourceDef[], Map<string, BuiltDocument | undefined>>();

function built(resources: readonly ResourceDef[], gvPath: string): BuiltDocument | undefined {
  let perTable = memo.get(resources);
  if (!perTable) memo.set(resources, (perTable = new Map()));
  if (!perTable.has(gvPath)) {
    const defs = resources.filter((def) => groupVersionPath(def) === gvPath);
    const document = defs.length === 0 ? undefined : buildDocument(defs);
    const json = document && JSON.stringify(document);
    perTable.set(gvPath, document && json ? { document, json, hash: contentHash(json) } : undefined);
  }
  return perTable.get(gvPath);
}

function servedGroupVersions(resources: readonly ResourceDef[]): string[] {
  const gvs = [...new Set(resources.map(groupVersionPath))];
  const core = gvs.filter((gv) => gv.startsWith("api/")).sort();
  const named = gvs.filter((gv) => gv.startsWith("apis/")).sort();
  return [...core, ...named];
}

/** The component id of a kind: the schema's meta id, else Kubernetes' naming (`io.k8s.api.<group's first label>.<version>.<Kind>`). */
export function kindSchemaId(def: ResourceDef): string {
  return schemaIdOf(def.schema) ?? `io.k8s.api.${def.group === "" ? "core" : def.group.split(".")[0]}.${def.version}.${def.kind}`;
}

/** The list kind lives next to its item kind: `io.k8s.api.core.v1.Pod` → `io.k8s.api.core.v1.PodList`. */
export function listSchemaId(def: ResourceDef): string {
  const kindId = kindSchemaId(def);
  return `${kindId.slice(0, kindId.lastIndexOf(".") + 1)}${def.listKind}`;
}

function buildDocument(defs: ResourceDef[]): OpenAPIV3Document {
  const ids = new Map<ResourceDef, ResourceSchemaIds>(defs.map((def) => [def, { kind: kindSchemaId(def), list: listSchemaId(def) }]));
  const schemas = exportComponentSchemas(Object.fromEntries(defs.map((def) => [ids.get(def)!.kind, def.schema])));

  for (const def of defs) {
    const { kind, list } = ids.get(def)!;
    const gvk = { group: def.group, kind: def.kind, version: def.version };
    const kindSchema = schemas[kind];
    if (kindSchema && !kindSchema["x-kubernetes-group-version-kind"]) kindSchema["x-kubernetes-group-version-kind"] = [gvk];
    schemas[list] ??= listSchema(def, kind);
  }
  addMissing(schemas, metaSchemas());
  if (defs.some((def) => def.subresources?.includes("scale"))) addMissing(schemas, scaleSchemas());
  addMissing(schemas, { [OBJECT_META_ID]: fallbackObjectMeta() });

  const paths: Record<string, OpenAPISchema> = {};
  for (const def of defs) Object.assign(paths, resourcePaths(def, ids.get(def)!));

  return {
    openapi: "3.0.0",
    info: { title: "Kubernetes", version: OPENAPI_INFO_VERSION },
    paths: sortKeys(paths),
    components: { schemas: sortKeys(schemas) },
  };
}

function listSchema(def: ResourceDef, kindId: string): OpenAPISchema {
  return {
    description: `${def.listKind} is a list of ${def.kind} objects.`,
    type: "object",
    required: ["items"],
    properties: {
      apiVersion: typeMetaProperties().apiVersion,
      items: {
        description: `List of ${def.resource}.`,
        type: "array",
        items: { allOf: [{ $ref: `#/components/schemas/${kindId}` }], default: {} },
      },
      kind: typeMetaProperties().kind,
      metadata: listMetaRef(),
    },
    "x-kubernetes-group-version-kind": [{ group: def.group, kind: def.listKind, version: def.version }],
  };
}

function addMissing(target: Record<string, OpenAPISchema>, extra: Record<string, OpenAPISchema>): void {
  for (const [id, schema] of Object.entries(extra)) target[id] ??= schema;
}
