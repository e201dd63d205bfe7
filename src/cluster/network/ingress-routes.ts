// Where the built-in ingress controller (ingress-nginx) sends an HTTP request: a pure function of the Ingresses it
// serves, the request's Host header and its path, as ingress-nginx's generated nginx.conf decides.
//
// Servers: one per host of any rule; `*.foo.com` is a regular expression matching exactly one label
// (`bar.foo.com`, not `foo.com` or `a.bar.foo.com`); an exact host wins over a wildcard; a request whose host has no
// server goes to the catch-all server, which holds the rules without a host. Locations inside a server: Exact paths
// match only themselves and win first; then the longest Prefix or ImplementationSpecific location matching the path.
// Prefix matches by path elements (`/foo` matches `/foo` and `/foo/bar`, not `/foobar`; a trailing `/` in the rule is
// ignored); ImplementationSpecific is nginx's plain string prefix (`/foo` matches `/foobar` too). Rules of several
// Ingresses are merged, oldest Ingress first (creation time, then namespace/name): the first to claim a host and
// path keeps it. With no matching location, a server's root answers: for a host, the defaultBackend of the first
// Ingress that declared the host; for the catch-all server, the defaultBackend of the oldest Ingress that has one
// and no rules; otherwise the controller's own 404 page. Paths with a resource backend are skipped (ingress-nginx
// serves Services only).
import type { Ingress, IngressBackend } from "../../api/schemas/networking/ingress";
import type { IngressClass } from "../../api/schemas/networking/ingressclass";
import { ingressNginx, servedBy } from "../registry/ingresses/served-by";

/** nginx's 404 page as ingress-nginx answers a request no Ingress routes (server_tokens off: no version). */
export const ingressNginx404Body =
  "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

/** nginx's 503 page: a route whose Service has no ready endpoint. */
export const ingressNginx503Body =
  "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

/** The Service port a request goes to. */
export interface IngressRouteTarget {
  /** The Ingress's namespace, where the Service is. */
  namespace: string;
  service: string;
  /** The Service port, by name or by number, as the Ingress names it. */
  port: { name?: string; number?: number };
  /** The Ingress that routed it (`namespace/name`). */
  ingress: string;
  /** Whether a rule's path matched, or a default backend answered. */
  via: "rule" | "defaultBackend";
}

interface Location {
  exact: boolean;
  /** For prefix locations: "element" (Prefix) or "string" (ImplementationSpecific). */
  prefix?: "element" | "string";
  path: string;
  target: IngressRouteTarget;
}

interface Server {
  locations: Location[];
  root?: IngressRouteTarget;
}

const catchAll = "_";

/** The Ingresses of `ingresses` the built-in controller serves (see registry/ingresses/served-by.ts). */
export function ingressNginxIngresses(ingresses: Ingress[], classes: IngressClass[]): Ingress[] {
  return ingresses.filter((ing) => servedBy(ing, classes, ingressNginx));
}

/**
 * The backend for a request with this Host header (a port after `:` is ignored; case does not matter) and path (a
 * query or fragment is ignored), or undefined: the controller answers 404 (`ingressNginx404Body`).
 * @param ingresses the Ingresses the controller serves (`ingressNginxIngresses`), in any order.
 */
export function routeIngressRequest(ingresses: Ingress[], host: string, path: string): IngressRouteTarget | undefined {
  const servers = buildServers(ingresses);
  const server = findServer(servers, normalizeHost(host));
  return matchLocation(server, normalizePath(path)) ?? server.root;
}

function normalizeHost(host: string): string {
  const bracket = host.startsWith("[") ? host.indexOf("]") : -1;
  const bare = bracket >= 0 ? host.slice(0, bracket + 1) : host.split(":")[0]!;
  return bare.toLowerCase().replace(/\.$/, "");
}

function normalizePath(path: string): string {
  const cut = path.search(/[?#]/);
  const bare = cut >= 0 ? path.slice(0, cut) : path;
  return bare.startsWith("/") ? bare : `/${bare}`;
}

function olderFirst(a: Ingress, b: Ingress): number {
  const at = Date.parse(a.metadata.creationTimestamp ?? "") || 0;
  const bt = Date.parse(b.metadata.creationTimestamp ?? "") || 0;
  if (at !== bt) return at - bt;
  const an = `${a.metadata.namespace}/${a.metadata.name}`;
  const bn = `${b.metadata.namespace}/${b.metadata.name}`;
  return an < bn ? -1 : an > bn ? 1 : 0;
}

function targetOf(ing: Ingress, backend: IngressBackend | undefined, via: IngressRouteTarget["via"]): IngressRouteTarget | undefined {
  const service = backend?.service;
  if (!service?.name) return undefined;
  const port = service.port?.name ? { name: service.port.name } : { number: service.port?.number };
  return { namespace: ing.metadata.namespace ?? "default", service: service.name, port, ingress: `${ing.metadata.namespace}/${ing.metadata.name}`, via };
}

function buildServers(ingresses: Ingress[]): Map<string, Server> {
  const servers = new Map<string, Server>([[catchAll, { locations: [] }]]);
  const sorted = [...ingresses].sort(olderFirst);
  // Servers and their roots first, as createServers does.
  for (const ing of sorted) {
    const fallback = targetOf(ing, ing.spec?.defaultBackend, "defaultBackend");
    const rules = ing.spec?.rules ?? [];
    const catchAllServer = servers.get(catchAll)!;
    if (fallback && !rules.length && !catchAllServer.root) catchAllServer.root = fallback;
    for (const rule of rules) {
      const host = rule.host ? rule.host.toLowerCase() : catchAll;
      if (!servers.has(host)) servers.set(host, { locations: [], root: fallback });
    }
  }
  // Then each rule's paths, the first Ingress to claim a location keeping it.
  for (const ing of sorted) {
    for (const rule of ing.spec?.rules ?? []) {
      const server = servers.get(rule.host ? rule.host.toLowerCase() : catchAll)!;
      for (const p of rule.http?.paths ?? []) {
        const target = targetOf(ing, p.backend, "rule");
        if (!target) continue;
        const location = locationOf(p.pathType ?? "ImplementationSpecific", p.path ?? "", target);
        const taken = server.locations.some((l) => l.exact === location.exact && l.prefix === location.prefix && l.path === location.path);
        if (!taken) server.locations.push(location);
      }
    }
  }
  return servers;
}

function locationOf(pathType: string, path: string, target: IngressRouteTarget): Location {
  if (pathType === "Exact") return { exact: true, path, target };
  if (pathType === "Prefix") {
    const trimmed = path.length > 1 ? path.replace(/\/+$/, "") : path;
    return { exact: false, prefix: "element", path: trimmed || "/", target };
  }
  return { exact: false, prefix: "string", path: path || "/", target };
}

function findServer(servers: Map<string, Server>, host: string): Server {
  const exact = servers.get(host);
  if (exact && host !== catchAll) return exact;
  const dot = host.indexOf(".");
  if (dot > 0 && /^[\w-]+$/.test(host.slice(0, dot))) {
    const wildcard = servers.get(`*${host.slice(dot)}`);
    if (wildcard) return wildcard;
  }
  return servers.get(catchAll)!;
}

/** The length nginx compares for a prefix location that matches `path`, or -1. */
function prefixMatch(location: Location, path: string): number {
  if (location.prefix === "string") return path.startsWith(location.path) ? location.path.length : -1;
  if (location.path === "/") return 1;
  if (path === location.path) return location.path.length + 1;
  return path.startsWith(`${location.path}/`) ? location.path.length + 1 : -1;
}

function matchLocation(server: Server, path: string): IngressRouteTarget | undefined {
  const exact = server.locations.find((l) => l.exact && l.path === path);
  if (exact) return exact.target;
  let best: Location | undefined;
  let bestLength = -1;
  for (const location of server.locations) {
    if (location.exact) continue;
    const length = prefixMatch(location, path);
    if (length > bestLength) {
      best = location;
      bestLength = length;
    }
  }
  return best?.target;
}
