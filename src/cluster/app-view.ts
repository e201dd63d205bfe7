// The dashboard's "open the app" requests (api/app-links.ts): GET only, to a Service's port through services/proxy,
// and the answer as a browser may see it under the share link: its status, its content type, its body with every
// Secret value masked; no cookie or other header of the app's. The share link's holder may open what it reaches
// this way, as it may read the Service; nothing else of the API is reachable through it.
import { appsPath } from "../api/app-links";
import { failure } from "../api/status";
import type { ApiServer } from "./apiserver/server";
import { errorResponse } from "./apiserver/respond";
import type { Redactor } from "./redaction/redactor";

const route = new RegExp(`^${appsPath.replace(/\./g, "\\.")}/services/([^/]+)/([^/]+)(/.*)?$`);

export function isAppPath(path: string): boolean {
  return path === appsPath || path.startsWith(`${appsPath}/`);
}

/** Answer an app request (`path` is the cluster path, `request.url` carries the query). */
export async function openApp(api: ApiServer, request: Request, path: string, redactor: () => Redactor): Promise<Response> {
  if (request.method !== "GET") return errorResponse(failure(405, "MethodNotAllowed", "the dashboard opens apps with GET only"));
  const match = route.exec(path);
  if (!match) return errorResponse(failure(404, "NotFound", "the server could not find the requested resource"));
  const [, namespace, target, rest = "/"] = match;
  const apiPath = `/api/v1/namespaces/${namespace}/services/${target}/proxy${rest}`;
  const search = new URL(request.url).search;
  const accept = request.headers.get("accept") ?? "*/*";
  const proxied = new Request(`https://cluster.internal${apiPath}${search}`, { headers: { accept } });
  const answer = await api.handle(proxied, apiPath, { role: "admin", user: "sandbox:dashboard" });
  const body = answer.body ? redactor().text(await answer.text()) : "";
  const headers: Record<string, string> = { "Content-Type": answer.headers.get("content-type") ?? "text/plain; charset=utf-8" };
  return new Response(body, { status: answer.status, headers });
}
