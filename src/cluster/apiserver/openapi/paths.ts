// The `paths` of a group-version document for one resource, shaped like the apiserver's: one path item per URL, each
// operation tagged with `x-kubernetes-action` and `x-kubernetes-group-version-kind`. Every write operation declares
// the `fieldValidation` query parameter: kubectl looks for it on the kind's PATCH operations and, when found, lets the
// server validate (`fieldValidation=Strict`) instead of validating client-side against /openapi/v2.
import type { ResourceDef, Verb } from "../../registry/types";
import { DELETE_OPTIONS_ID, PATCH_ID, SCALE_GVK, SCALE_ID, STATUS_ID } from "./meta-schemas";
import type { OpenAPISchema } from "./schema-export";

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** Ids of the component schemas a resource's operations answer with. */
export interface ResourceSchemaIds {
  kind: string;
  list: string;
}

type Action = "list" | "create" | "deletecollection" | "get" | "put" | "patch" | "delete";

const RESPONSE_TYPES = ["application/json", "application/yaml", "application/vnd.kubernetes.protobuf"];
const WATCH_TYPES = ["application/json;stream=watch", "application/vnd.kubernetes.protobuf;stream=watch"];
/** The four patch flavours kubectl sends (json-patch for `rollout undo`, merge for label/scale, SMP for apply/edit, SSA). */
export const PATCH_CONTENT_TYPES = [
  "application/apply-patch+yaml",
  "application/json-patch+json",
  "application/merge-patch+json",
  "application/strategic-merge-patch+json",
];

const query = (name: string, type: "string" | "integer" | "boolean", description: string): OpenAPISchema => ({
  description,
  in: "query",
  name,
  schema: { type, uniqueItems: true },
});
const pathParam = (name: string, description: string): OpenAPISchema => ({
  description,
  in: "path",
  name,
  required: true,
  schema: { type: "string", uniqueItems: true },
});

const PRETTY = query("pretty", "string", "If 'true', then the output is pretty printed.");
const NAMESPACE = pathParam("namespace", "object name and auth scope, such as for teams and projects");
const DRY_RUN = query("dryRun", "string", "When present, indicates that modifications should not be persisted. Valid values are: - All: all dry run stages will be processed");
const FIELD_MANAGER = query("fieldManager", "string", "fieldManager is a name associated with the actor or entity that is making these changes.");
const FIELD_VALIDATION = query(
  "fieldValidation",
  "string",
  "fieldValidation instructs the server on how to handle objects in the request containing unknown or duplicate fields. Valid values are: - Ignore - Warn - Strict",
);
const FORCE = query("force", "boolean", "Force is going to \"force\" Apply requests: it re-acquires conflicting fields owned by other people. Must be unset for non-apply patch requests.");
const LIST_PARAMS = [
  query("allowWatchBookmarks", "boolean", "allowWatchBookmarks requests watch events with type \"BOOKMARK\"."),
  query("continue", "string", "The continue option should be set when retrieving more results from the server."),
  query("fieldSelector", "string", "A selector to restrict the list of returned objects by their fields. Defaults to everything."),
  query("labelSelector", "string", "A selector to restrict the list of returned objects by their labels. Defaults to everything."),
  query("limit", "integer", "limit is a maximum number of responses to return for a list call."),
  query("resourceVersion", "string", "resourceVersion sets a constraint on what resource versions a request may be served from."),
  query("resourceVersionMatch", "string", "resourceVersionMatch determines how resourceVersion is applied to list calls."),
  query("sendInitialEvents", "boolean", "`sendInitialEvents=true` may be set together with `watch=true`."),
  query("timeoutSeconds", "integer", "Timeout for the list/watch call."),
  query("watch", "boolean", "Watch for changes to the described resources and return them as a stream of add, update, and remove notifications."),
];
const DELETE_PARAMS = [
  DRY_RUN,
  query("gracePeriodSeconds", "integer", "The duration in seconds before the object should be deleted. The value zero indicates delete immediately."),
  query("orphanDependents", "boolean", "Deprecated: please use the PropagationPolicy."),
  query("propagationPolicy", "string", "Whether and how garbage collection will be performed. Acceptable values are: 'Orphan', 'Background', 'Foreground'."),
];

/** `CoreV1`, `AppsV1`, `RbacAuthorizationV1`: the group-version part of Kubernetes operation ids. */
function groupVersionWord(group: string, version: string): string {
  const groupWords = group === "" ? ["core"] : group.replace(/\.k8s\.io$/, "").split(".");
  return groupWords.map(capitalize).join("") + capitalize(version);
}

/** `core_v1`, `apps_v1`, `rbacAuthorization_v1`: the tag Kubernetes puts on a group-version's operations. */
function groupVersionTag(group: string, version: string): string {
  const word = groupVersionWord(group, version).slice(0, -version.length);
  return `${word[0].toLowerCase()}${word.slice(1)}_${version}`;
}

const capitalize = (s: string) => (s === "" ? s : s[0].toUpperCase() + s.slice(1));
const schemaRef = (id: string): OpenAPISchema => ({ $ref: `#/components/schemas/${id}` });
const content = (id: string, types: string[]) => Object.fromEntries(types.map((t) => [t, { schema: schemaRef(id) }]));
const ok = (id: string, types = RESPONSE_TYPES) => ({ description: "OK", content: content(id, types) });

interface OperationSpec {
  action: Action;
  description: string;
  operationId: string;
  parameters: OpenAPISchema[];
  requestBody?: OpenAPISchema;
  responses: Record<string, OpenAPISchema>;
}

function operation(spec: OperationSpec, gvk: GroupVersionKind, tag: string): OpenAPISchema {
  return {
    description: spec.description,
    operationId: spec.operationId,
    parameters: spec.parameters,
    ...(spec.requestBody ? { requestBody: spec.requestBody } : {}),
    responses: spec.responses,
    tags: [tag],
    "x-kubernetes-action": spec.action,
    "x-kubernetes-group-version-kind": { group: gvk.group, version: gvk.version, kind: gvk.kind },
  };
}

/** Path items (keyed by absolute path) for one resource, its cluster-wide list, and its status/scale subresources. */
export function resourcePaths(def: ResourceDef, ids: ResourceSchemaIds): Record<string, OpenAPISchema> {
  const has = (verb: Verb) => def.verbs.includes(verb);
  const prefix = def.group === "" ? `/api/${def.version}` : `/apis/${def.group}/${def.version}`;
  const collection = def.namespaced ? `${prefix}/namespaces/{namespace}/${def.resource}` : `${prefix}/${def.resource}`;
  const scopeWord = def.namespaced ? "Namespaced" : "";
  const gv = groupVersionWord(def.group, def.version);
  const tag = groupVersionTag(def.group, def.version);
  const gvk: GroupVersionKind = { group: def.group, version: def.version, kind: def.kind };
  const name = pathParam("name", `name of the ${def.kind}`);
  const scopeParams = def.namespaced ? [NAMESPACE, PRETTY] : [PRETTY];
  const body = (id: string) => ({ required: true, content: { "*/*": { schema: schemaRef(id) } } });
  const patchBody = { required: true, content: Object.fromEntries(PATCH_CONTENT_TYPES.map((t) => [t, { schema: schemaRef(PATCH_ID) }])) };
  const paths: Record<string, OpenAPISchema> = {};

  const collectionOps: Record<string, OpenAPISchema> = {};
  if (has("list")) {
    collectionOps.get = operation(
      { action: "list", description: `list or watch objects of kind ${def.kind}`, operationId: `list${gv}${scopeWord}${def.kind}`, parameters: LIST_PARAMS, responses: { "200": ok(ids.list, [...RESPONSE_TYPES, ...WATCH_TYPES]) } },
      gvk,
      tag,
    );
  }
  if (has("create")) {
    collectionOps.post = operation(
      {
        action: "create",
        description: `create a ${def.kind}`,
        operationId: `create${gv}${scopeWord}${def.kind}`,
        parameters: [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION],
        requestBody: body(ids.kind),
        responses: { "200": ok(ids.kind), "201": { ...ok(ids.kind), description: "Created" }, "202": { ...ok(ids.kind), description: "Accepted" } },
      },
      gvk,
      tag,
    );
  }
  if (has("deletecollection")) {
    collectionOps.delete = operation(
      {
        action: "deletecollection",
        description: `delete collection of ${def.kind}`,
        operationId: `delete${gv}Collection${scopeWord}${def.kind}`,
        parameters: [...DELETE_PARAMS, ...LIST_PARAMS.filter((p) => p.name !== "watch" && p.name !== "allowWatchBookmarks")],
        requestBody: { content: { "*/*": { schema: schemaRef(DELETE_OPTIONS_ID) } } },
        responses: { "200": ok(STATUS_ID) },
      },
      gvk,
      tag,
    );
  }
  if (Object.keys(collectionOps).length > 0) paths[collection] = { ...collectionOps, parameters: scopeParams };

  const itemOps: Record<string, OpenAPISchema> = {};
  if (has("get")) {
    itemOps.get = operation(
      { action: "get", description: `read the specified ${def.kind}`, operationId: `read${gv}${scopeWord}${def.kind}`, parameters: [], responses: { "200": ok(ids.kind) } },
      gvk,
      tag,
    );
  }
  if (has("update")) itemOps.put = replaceOperation(`replace the specified ${def.kind}`, `replace${gv}${scopeWord}${def.kind}`, ids.kind, gvk, tag, body);
  if (has("patch")) itemOps.patch = patchOperation(`partially update the specified ${def.kind}`, `patch${gv}${scopeWord}${def.kind}`, ids.kind, gvk, tag, patchBody);
  if (has("delete")) {
    itemOps.delete = operation(
      {
        action: "delete",
        description: `delete a ${def.kind}`,
        operationId: `delete${gv}${scopeWord}${def.kind}`,
        parameters: DELETE_PARAMS,
        requestBody: { content: { "*/*": { schema: schemaRef(DELETE_OPTIONS_ID) } } },
        responses: { "200": ok(ids.kind), "202": { ...ok(ids.kind), description: "Accepted" } },
      },
      gvk,
      tag,
    );
  }
  if (Object.keys(itemOps).length > 0) paths[`${collection}/{name}`] = { ...itemOps, parameters: [name, ...scopeParams] };

  if (def.namespaced && has("list")) {
    paths[`${prefix}/${def.resource}`] = {
      get: operation(
        { action: "list", description: `list or watch objects of kind ${def.kind}`, operationId: `list${gv}${def.kind}ForAllNamespaces`, parameters: LIST_PARAMS, responses: { "200": ok(ids.list, [...RESPONSE_TYPES, ...WATCH_TYPES]) } },
        gvk,
        tag,
      ),
      parameters: [PRETTY],
    };
  }

  for (const sub of def.subresources ?? []) {
    if (sub !== "status" && sub !== "scale") continue;
    const subGvk = sub === "scale" ? { ...SCALE_GVK } : gvk;
    const subId = sub === "scale" ? SCALE_ID : ids.kind;
    const word = capitalize(sub);
    paths[`${collection}/{name}/${sub}`] = {
      get: operation(
        { action: "get", description: `read ${sub} of the specified ${def.kind}`, operationId: `read${gv}${scopeWord}${def.kind}${word}`, parameters: [], responses: { "200": ok(subId) } },
        subGvk,
        tag,
      ),
      put: replaceOperation(`replace ${sub} of the specified ${def.kind}`, `replace${gv}${scopeWord}${def.kind}${word}`, subId, subGvk, tag, body),
      patch: patchOperation(`partially update ${sub} of the specified ${def.kind}`, `patch${gv}${scopeWord}${def.kind}${word}`, subId, subGvk, tag, patchBody),
      parameters: [pathParam("name", `name of the ${word}`), ...scopeParams],
    };
  }
  return paths;
}

function replaceOperation(description: string, operationId: string, id: string, gvk: GroupVersionKind, tag: string, body: (id: string) => OpenAPISchema) {
  return operation(
    {
      action: "put",
      description,
      operationId,
      parameters: [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION],
      requestBody: body(id),
      responses: { "200": ok(id), "201": { ...ok(id), description: "Created" } },
    },
    gvk,
    tag,
  );
}

function patchOperation(description: string, operationId: string, id: string, gvk: GroupVersionKind, tag: string, patchBody: OpenAPISchema) {
  return operation(
    {
      action: "patch",
      description,
      operationId,
      parameters: [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION, FORCE],
      requestBody: patchBody,
      responses: { "200": ok(id), "201": { ...ok(id), description: "Created" } },
    },
    gvk,
    tag,
  );
}
