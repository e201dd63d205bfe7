// Parses a Kubernetes API path (already stripped of the `/clusters/<id>` prefix) the way the apiserver's
// RequestInfoFactory does.
import { badRequest, methodNotAllowed } from "../../api/status";

export type RequestVerb =
  | "get"
  | "list"
  | "watch"
  | "create"
  | "update"
  | "patch"
  | "delete"
  | "deletecollection";

export interface ResourceRequest {
  type: "resource";
  verb: RequestVerb;
  /** "" for the core group. */
  group: string;
  version: string;
  resource: string;
  namespace?: string;
  name?: string;
  subresource?: string;
  /** For the proxy subresource: the raw path after `.../proxy` ("" when none, "/" for a trailing slash). */
  proxyPath?: string;
}

export interface OtherRequest {
  type: "nonresource";
  path: string;
}

/** Subresources of a namespace that do not start a nested resource path. */
const namespaceSubresources = new Set(["status", "finalize"]);

export function parseRequest(method: string, path: string, query: URLSearchParams): ResourceRequest | OtherRequest {
  const parts = path.split("/").filter((p) => p !== "");
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === "api" && parts.length >= 3) {
    group = "";
    version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === "apis" && parts.length >= 4) {
    group = parts[1];
    version = parts[2];
    rest = parts.slice(3);
  } else {
    return { type: "nonresource", path: "/" + parts.join("/") };
  }
  rest = rest.map(decodeSegment);
  let namespace: string | undefined;
  if (rest[0] === "namespaces" && rest.length > 1) {
    namespace = rest[1];
    if (rest.length > 2 && !namespaceSubresources.has(rest[2])) rest = rest.slice(2);
    else namespace = undefined;
  }
  const [resource, name, subresource] = rest;
  let proxyPath: string | undefined;
  if (subresource === "proxy") proxyPath = rawRemainder(path, parts.length - (rest.length - 3));
  else if (rest.length > 3) return { type: "nonresource", path: "/" + parts.join("/") };
  // Any value but "0" and "false" turns a watch on, as the apiserver converts boolean parameters.
  const watchParam = query.get("watch");
  const isWatch = watchParam !== null && watchParam !== "0" && watchParam.toLowerCase() !== "false";
  let verb: RequestVerb;
  switch (method) {
    case "GET":
    case "HEAD":
      verb = name ? (isWatch ? "watch" : "get") : isWatch ? "watch" : "list";
      break;
    case "POST":
      verb = "create";
      break;
    case "PUT":
      verb = "update";
      break;
    case "PATCH":
      verb = "patch";
      break;
    case "DELETE":
      verb = name ? "delete" : "deletecollection";
      break;
    default:
      // go-restful has no route for other methods (OPTIONS, PURGE, ...): the apiserver's 405.
      throw methodNotAllowed("the server does not allow this method on the requested resource");
  }
  return { type: "resource", verb, group, version, resource, namespace, name, subresource, ...(proxyPath !== undefined ? { proxyPath } : {}) };
}

/** What follows the first `consumed` non-empty segments of `path`, undecoded (a proxy forwards it as it came). */
function rawRemainder(path: string, consumed: number): string {
  let at = 0;
  for (let seen = 0; seen < consumed; ) {
    while (path[at] === "/") at++;
    while (at < path.length && path[at] !== "/") at++;
    seen++;
  }
  return path.slice(at);
}

/** One path segment, percent-decoded; an invalid escape is a 400 (Go's url parser refuses the request line). */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    const bad = /%(?![0-9a-fA-F]{2})[^]{0,2}/.exec(segment)?.[0] ?? segment;
    throw badRequest(`invalid URL escape ${JSON.stringify(bad)}`);
  }
}
