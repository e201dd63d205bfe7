// Parses a Kubernetes API path (already stripped of the `/clusters/<id>` prefix) the way the apiserver's
// RequestInfoFactory does.

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
  rest = rest.map(decodeURIComponent);
  let namespace: string | undefined;
  if (rest[0] === "namespaces" && rest.length > 1) {
    namespace = rest[1];
    if (rest.length > 2 && !namespaceSubresources.has(rest[2])) rest = rest.slice(2);
    else namespace = undefined;
  }
  const [resource, name, subresource] = rest;
  if (rest.length > 3) return { type: "nonresource", path: "/" + parts.join("/") };
  const isWatch = query.get("watch") === "true" || query.get("watch") === "1";
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
      verb = "get";
  }
  return { type: "resource", verb, group, version, resource, namespace, name, subresource };
}
