// The apiserver of one cluster: routes a Kubernetes API request (path without the `/clusters/<id>` prefix) to
// discovery, OpenAPI, or a verb on a resource, after authorizing the caller.
import { badRequest, forbidden, methodNotAllowed, failure } from "../../api/status";
import { isRecord } from "../../api/object";
import type { RegistryStore } from "../registry/generic-store";
import type { ResourceTable } from "../registry/resource-table";
import type { NodeConnection } from "../registry/pods/node-connection";
import type { ProxyConnection } from "../registry/proxy-connection";
import type { Caller, ResourceDef, SubresourceRequest, Verb } from "../registry/types";
import {
  aggregatedContentType,
  aggregatedDiscovery,
  apiGroupDocument,
  apiGroupList,
  apiResourceList,
  apiVersions,
  negotiateAggregated,
} from "./discovery";
import * as verbs from "./handlers";
import type { ReadPresenter } from "./handlers";
import { drainBody } from "../../api/request-body";
import { decodeObject, readBody } from "./decode";
import { openapiV3DocumentJSON, openapiV3Hash, openapiV3Index } from "./openapi/documents";
import { openapiV2Response } from "./openapi/v2";
import { parseRequest, type ResourceRequest } from "./request-info";
import { scale } from "./scale";
import { impersonate } from "./impersonation";
import { aggregatedUnavailable, DiscoveryTables, serviceUnavailable, virtualRead } from "./virtual-read";
import type { MetricsSource } from "../registry/metrics/source";
import type { ServiceAccountTokens } from "../registry/serviceaccounts/tokens";
import { authorize, forbiddenMessage } from "../registry/authorization/authorizer";
import { userOf } from "../registry/authorization/identity";
import type { RequestAttributes } from "../registry/authorization/rules";
import { errorResponse, json, streamResponse } from "./respond";
import { streamingHeaders, type WatchHub } from "./watch";

export interface ApiServerOptions {
  table: ResourceTable;
  registry: RegistryStore;
  watches: WatchHub;
  /** The nodes' kubelets, for the subresources they serve (pods/log). */
  nodes: NodeConnection;
  /** The cluster network, for the proxy subresources. */
  proxy: ProxyConnection;
  now: () => number;
  /** Longest a watch may stay open, in seconds. */
  maxWatchSeconds?: number;
  /** Most watches open at once on this cluster. */
  maxWatches?: number;
  /** Fields derived when an object is read (node heartbeats). */
  present?: ReadPresenter;
  /** Where pods/portforward connects. */
  portForward?: SubresourceRequest["portForward"];
  /** The cluster's ServiceAccount tokens (serviceaccounts/token). */
  tokens?: ServiceAccountTokens;
  /** The running containers' usage, for computed kinds (metrics.k8s.io); none (empty lists) when absent. */
  metrics?: MetricsSource;
  /** RFC 3339 of a time in ms (computed kinds' timestamps). */
  rfc3339?(ms: number): string;
}

const noMetrics: MetricsSource = { pod: () => undefined, node: (_n, _p, nowMs) => ({ timestampMs: nowMs, windowMs: 0, cpuMillis: 0, memoryBytes: 0 }) };

export const kubernetesVersion = {
  major: "1",
  minor: "33",
  gitVersion: "v1.33.1-sandbox",
  gitCommit: "0000000000000000000000000000000000000000",
  gitTreeState: "clean",
  buildDate: "2026-11-01T00:00:00Z",
  goVersion: "go1.24.2",
  compiler: "gc",
  platform: "linux/amd64",
};

/** A subresource body (an Eviction, a Binding) is an object, or the decoder's 400 before anything happens. */
function subresourceBody(def: ResourceDef, sub: string, body: unknown): unknown {
  if (isRecord(body)) return body;
  const type = Array.isArray(body) ? "array" : body === null ? "null" : typeof body === "boolean" ? "bool" : typeof body;
  throw badRequest(
    `the object provided is unrecognized (must be of type ${sub === "eviction" ? "Eviction" : sub === "binding" ? "Binding" : def.kind}): ` +
      `couldn't get version/kind; json parse error: json: cannot unmarshal ${type} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`,
  );
}

const readVerbs = new Set(["get", "list", "watch"]);
/** Subresources that upgrade to a stream (their GET is a connect). */
const streamingSubresources = new Set(["exec", "attach", "portforward"]);
/** Subresources whose get, update and patch read and write the object itself (the strategy keeps what they may not change). */
const objectSubresources = new Set(["status", "ephemeralcontainers"]);

const notFoundStatus = () =>
  failure(404, "NotFound", "the server could not find the requested resource", { causes: [{ reason: "UnexpectedServerResponse", message: "404 page not found" }] });

export class ApiServer {
  private readonly discovery: DiscoveryTables;

  constructor(private readonly opts: ApiServerOptions) {
    this.discovery = new DiscoveryTables(opts.table);
  }

  /** Handle one request; `path` has no cluster prefix. Never throws: failures are Status responses. */
  async handle(request: Request, path: string, caller: Caller): Promise<Response> {
    let response: Response;
    try {
      const url = new URL(request.url);
      caller = impersonate(request, caller, this.opts.registry);
      const info = parseRequest(request.method, path, url.searchParams);
      if (info.type === "nonresource") {
        if (caller.rbac) this.authorizeRBAC(caller, { verb: request.method === "HEAD" ? "get" : request.method.toLowerCase(), resourceRequest: false, path: info.path });
        response = this.nonResource(request, info.path);
      }
      else response = await this.resource(request, info, url.searchParams, caller);
    } catch (error) {
      response = errorResponse(error);
    }
    // A body nobody read (the request failed first) is read to its end before the answer, or the client sees a reset.
    await drainBody(request);
    return response;
  }

  private nonResource(request: Request, path: string): Response {
    const table = this.discovery.current(this.opts.registry);
    const accept = request.headers.get("accept");
    if (request.method !== "GET" && request.method !== "HEAD") throw methodNotAllowed(`the server does not allow this method on the requested resource`);
    if (path === "/version" || path === "/version/") return json(kubernetesVersion);
    if (path === "/healthz" || path === "/livez" || path === "/readyz") return new Response("ok", { headers: { "Content-Type": "text/plain" } });
    if (path === "/api" || path === "/apis") {
      const aggregated = negotiateAggregated(accept);
      if (aggregated) {
        return json(aggregatedDiscovery(table, aggregated, path === "/api"), 200, {
          "Content-Type": aggregatedContentType(aggregated),
        });
      }
      return json(path === "/api" ? apiVersions(new URL(request.url).host) : apiGroupList(table));
    }
    const parts = path.split("/").filter(Boolean);
    if (parts[0] === "api" && parts.length === 2) {
      const doc = apiResourceList(table, "", parts[1]);
      if (doc) return json(doc);
    }
    if (parts[0] === "apis" && parts.length === 2) {
      const doc = apiGroupDocument(table, parts[1]);
      if (doc) return json(doc);
    }
    if (parts[0] === "apis" && parts.length === 3) {
      const doc = apiResourceList(table, parts[1], parts[2]);
      if (doc) return json(doc);
    }
    if (path === "/openapi/v2") {
      const v2 = openapiV2Response();
      return new Response(v2.body, { status: v2.status, headers: v2.headers });
    }
    if (path === "/openapi/v3") return json(openapiV3Index(table.defs));
    if (parts[0] === "openapi" && parts[1] === "v3") {
      const gv = parts.slice(2).join("/");
      const doc = openapiV3DocumentJSON(table.defs, gv);
      if (doc) {
        // The hash in the index's URLs names this exact document: clients may cache it for good (kubectl-wire.md §4.6).
        const etag = `"${openapiV3Hash(table.defs, gv)}"`;
        const headers = { "Content-Type": "application/json", ETag: etag, "Cache-Control": "public, immutable, max-age=31536000" };
        if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
        return new Response(doc, { headers });
      }
    }
    throw notFoundStatus();
  }

  private async resource(request: Request, info: ResourceRequest, query: URLSearchParams, caller: Caller): Promise<Response> {
    const def = this.opts.table.byResource(info.group, info.version, info.resource);
    if (!def) throw notFoundStatus();
    if (def.namespaced && info.name === undefined && info.namespace === undefined && !readVerbs.has(info.verb) && info.verb !== "deletecollection") {
      // POST to a namespaced collection needs a namespace in the path.
      throw methodNotAllowed("the server does not allow this method on the requested resource");
    }
    if (!def.namespaced && info.namespace !== undefined) throw notFoundStatus();
    this.authorize(def, info, caller);
    if (aggregatedUnavailable(def, this.opts.registry)) return serviceUnavailable();
    if (def.virtualRead) {
      if (info.subresource) throw notFoundStatus();
      const now = this.opts.now();
      return virtualRead(def, {
        verb: info.verb,
        namespace: info.namespace,
        name: info.name,
        query,
        registry: this.opts.registry,
        now,
        rfc3339: this.opts.rfc3339 ?? ((ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, "Z")),
        metrics: this.opts.metrics ?? noMetrics,
      });
    }

    if (info.subresource) return this.subresource(request, def, info, query, caller);
    // PUT and PATCH need an object's path, POST a collection's: other combinations have no route.
    const wrongPath =
      ((info.verb === "update" || info.verb === "patch") && info.name === undefined) || (info.verb === "create" && info.name !== undefined);
    if (!def.verbs.includes(info.verb as Verb) || wrongPath) {
      throw methodNotAllowed(`the server does not allow this method on the requested resource`);
    }
    if (info.verb === "watch" && caller.role === "admin" && this.opts.watches.openWatches >= (this.opts.maxWatches ?? 100)) {
      throw failure(429, "TooManyRequests", "too many open watches on this sandbox; close some and retry", { retryAfterSeconds: 5 });
    }
    const ctx = this.context(request, def, info, query, caller);
    switch (info.verb) {
      case "get":
        return verbs.get(ctx);
      case "list":
        return verbs.list(ctx);
      case "watch":
        return verbs.watch(ctx);
      case "create":
        return verbs.create(ctx);
      case "update":
        return verbs.update(ctx);
      case "patch":
        return verbs.patch(ctx);
      case "delete":
        return verbs.remove(ctx);
      case "deletecollection":
        return verbs.removeCollection(ctx);
    }
  }

  private async subresource(request: Request, def: ResourceDef, info: ResourceRequest, query: URLSearchParams, caller: Caller): Promise<Response> {
    const sub = info.subresource!;
    if (!info.name || !def.subresources?.includes(sub)) throw notFoundStatus();
    const ctx = this.context(request, def, info, query, caller);
    if (objectSubresources.has(sub)) {
      if (info.verb === "get") return verbs.get(ctx);
      if (info.verb === "update") return verbs.update(ctx);
      if (info.verb === "patch") return verbs.patch(ctx);
      throw methodNotAllowed("the server does not allow this method on the requested resource");
    }
    if (sub === "scale" && def.scale) return scale(ctx);
    const handler = def.subresourceHandlers?.[sub];
    if (!handler) throw notFoundStatus();
    const writes = request.method !== "GET" && request.method !== "HEAD";
    const bytes = writes ? await readBody(request) : undefined;
    // A proxied body goes to the target as it came; other subresources take an object.
    const raw = sub === "proxy";
    const result = await handler({
      method: request.method,
      namespace: info.namespace,
      name: info.name,
      query,
      request,
      caller,
      registry: this.opts.registry,
      nodes: this.opts.nodes,
      proxy: this.opts.proxy,
      tokens: this.opts.tokens,
      portForward: this.opts.portForward,
      ...(raw ? { proxyPath: info.proxyPath ?? "", rawBody: bytes } : {}),
      body: !raw && bytes && bytes.byteLength ? subresourceBody(def, sub, decodeObject(bytes, request.headers.get("content-type"), this.opts.table.messageTypes)) : undefined,
    });
    if (result instanceof Response) return result;
    if ("stream" in result) return streamResponse(result.stream, { ...result.headers, ...streamingHeaders });
    return json(result.body, result.status ?? 200);
  }

  private authorize(def: ResourceDef, info: ResourceRequest, caller: Caller): void {
    // A WebSocket GET of a streaming subresource also needs `create`, as apiservers 1.30+ check (the SPDY POST is a create).
    const connect = info.subresource !== undefined && streamingSubresources.has(info.subresource) && info.verb === "get";
    if (connect) this.authorize(def, { ...info, verb: "create" }, caller);
    if (caller.rbac) {
      const attrs: RequestAttributes = {
        verb: info.verb,
        resourceRequest: true,
        apiGroup: def.group,
        resource: def.resource,
        ...(info.namespace !== undefined ? { namespace: info.namespace } : {}),
        ...(info.name !== undefined ? { name: info.name } : {}),
        ...(info.subresource ? { subresource: info.subresource } : {}),
      };
      return this.authorizeRBAC(caller, attrs);
    }
    if (caller.role === "admin") return;
    const readOnly = readVerbs.has(info.verb) && (!info.subresource || ["status", "log", "scale"].includes(info.subresource));
    const computed = info.verb === "create" && def.virtualCreate !== undefined;
    if (readOnly || computed) return;
    const resource = info.subresource ? `${def.resource}/${info.subresource}` : def.resource;
    const scope = info.namespace ? ` in the namespace "${info.namespace}"` : " at the cluster scope";
    const what = info.name ? `${def.resource} "${info.name}"` : def.resource;
    throw forbidden(
      `${what} is forbidden: User "${caller.user}" cannot ${info.verb} resource "${resource}" in API group "${def.group}"${scope}: this is a read-only token`,
    );
  }

  /** A request of an identity RBAC authorizes: the apiserver's 403 when no rule bound to it allows the request. */
  private authorizeRBAC(caller: Caller, attrs: RequestAttributes): void {
    const user = userOf(caller);
    if (authorize(this.opts.registry, user, attrs).allowed) return;
    const message = forbiddenMessage(user, attrs);
    if (!attrs.resourceRequest) throw forbidden(`forbidden: ${message}`);
    const qualified = attrs.apiGroup ? `${attrs.resource}.${attrs.apiGroup}` : attrs.resource!;
    const what = attrs.name ? `${qualified} ${JSON.stringify(attrs.name)}` : qualified;
    throw failure(403, "Forbidden", `${what} is forbidden: ${message}`, { ...(attrs.name ? { name: attrs.name } : {}), group: attrs.apiGroup ?? "", kind: attrs.resource });
  }

  private context(request: Request, def: ResourceDef, info: ResourceRequest, query: URLSearchParams, caller: Caller): verbs.VerbContext {
    return {
      def,
      table: this.opts.table,
      namespace: info.namespace,
      name: info.name,
      subresource: info.subresource,
      request,
      query,
      caller,
      registry: this.opts.registry,
      watches: this.opts.watches,
      now: this.opts.now,
      maxWatchSeconds: this.opts.maxWatchSeconds ?? 1800,
      present: this.opts.present,
    };
  }
}
