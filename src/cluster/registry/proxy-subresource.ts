// What the three proxy subresources share (Kubernetes' ProxyREST and the UpgradeAwareHandler): the
// `[scheme:]name[:port]` form of the name, the redirect of a path-less request, the request as the target receives
// it and the target's answer as the client receives it. Each kind's ResourceLocation is in its own folder.
import { badRequest } from "../../api/status";
import type { HttpRequest } from "../../container-sim/network";
import type { HttpAnswer } from "../../container-sim/types";
import type { ProxyTarget } from "./proxy-connection";
import type { SubresourceRequest, SubresourceResult } from "./types";

export interface ProxyName {
  scheme: ProxyTarget["scheme"];
  name: string;
  port: string;
}

/** utilnet.SplitSchemeNamePort: `name`, `name:port` or `scheme:name:port`; a 400 `invalid <what> request "id"` otherwise. */
export function splitSchemeNamePort(id: string, what: "service" | "pod" | "node"): ProxyName {
  const parts = id.split(":");
  let scheme = "";
  let name = "";
  let port = "";
  if (parts.length === 1) [name] = parts;
  else if (parts.length === 2) [name, port] = parts;
  else if (parts.length === 3) [scheme, name, port] = parts;
  if (parts.length > 3 || name === "" || !["", "http", "https"].includes(scheme)) throw badRequest(`invalid ${what} request ${JSON.stringify(id)}`);
  return { scheme: scheme as ProxyTarget["scheme"], name, port };
}

/** Headers the target never sees: the caller's credential (the apiserver's authentication drops it) and the sandbox's own. */
const droppedHeaders = new Set(["authorization", "x-sandbox-path", "host", "content-length", "connection", "keep-alive", "transfer-encoding", "upgrade"]);

/**
 * The request the target receives: the path after `/proxy` with the query, the client's headers, the body as text.
 * No `host`: the connection sets it to the address it dials, as Go's reverse proxy does.
 */
export async function proxiedRequest(req: SubresourceRequest): Promise<HttpRequest> {
  const url = new URL(req.request.url);
  const headers: Record<string, string> = {};
  req.request.headers.forEach((value, name) => {
    const key = name.toLowerCase();
    if (!droppedHeaders.has(key) && !key.startsWith("cf-")) headers[key] = value;
  });
  const body = req.rawBody && req.rawBody.byteLength > 0 ? new TextDecoder().decode(req.rawBody) : undefined;
  return { method: req.method, path: `${req.proxyPath || "/"}${url.search}`, headers, ...(body !== undefined ? { body } : {}) };
}

/**
 * A request with no path after `/proxy` is sent to the same path with a slash, as the UpgradeAwareHandler
 * redirects `/{resource}/{name}/proxy` (kubernetes issue 4958); undefined when there is a path.
 */
export function redirectWithoutPath(req: SubresourceRequest): Response | undefined {
  if (req.proxyPath) return undefined;
  const url = new URL(req.request.url);
  return new Response(null, { status: 301, headers: { Location: `${url.pathname}/${url.search}` } });
}

/** The target's answer as the client receives it: its status, headers and body. */
export function proxiedAnswer(answer: HttpAnswer, method: string): SubresourceResult {
  const headers = new Headers();
  for (const [name, value] of Object.entries(answer.headers ?? {})) headers.set(name, value);
  const status = answer.status >= 200 && answer.status <= 599 ? answer.status : 502;
  const noBody = method === "HEAD" || status === 204 || status === 304;
  return new Response(noBody ? null : answer.body, { status, headers });
}
