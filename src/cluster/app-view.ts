// The dashboard's "open the app" requests (api/app-links.ts): GET only, to a Service's port through services/proxy,
// or to a host of an Ingress through the built-in ingress controller's Service (with that Host header), and the answer
// as a browser may see it under the share link: its status, its content type, its body with every Secret value
// masked; no cookie or other header of the app's. The share link's holder may open what it reaches this way, as it
// may read the Service or the Ingress; nothing else of the API is reachable through it.
import { anyHost, appsPath } from "../api/app-links";
import type { Ingress } from "../api/schemas/networking/ingress";
import { failure } from "../api/status";
import type { ApiServer } from "./apiserver/server";
import { errorResponse } from "./apiserver/respond";
import type { Redactor } from "./redaction/redactor";
import { ingressNginx } from "./registry/ingresses/served-by";
import type { ProxyConnection } from "./registry/proxy-connection";

const escaped = appsPath.replace(/\./g, "\\.");
const route = new RegExp(`^${escaped}/services/([^/]+)/([^/]+)(/.*)?$`);
const ingressRoute = new RegExp(`^${escaped}/ingresses/([^/]+)/([^/]+)/([^/]+)(/.*)?$`);
const dashboardCaller = { role: "admin", user: "sandbox:dashboard" } as const;

export function isAppPath(path: string): boolean {
  return path === appsPath || path.startsWith(`${appsPath}/`);
}

/** Answer an app request (`path` is the cluster path, `request.url` carries the query). */
export async function openApp(api: ApiServer, proxy: ProxyConnection, request: Request, path: string, redactor: () => Redactor): Promise<Response> {
  if (request.method !== "GET") return errorResponse(failure(405, "MethodNotAllowed", "the dashboard opens apps with GET only"));
  const ingress = ingressRoute.exec(path);
  if (ingress) return openIngressHost(api, proxy, request, ingress.slice(1) as [string, string, string, string | undefined], redactor);
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

/** A host of an Ingress, as the ingress controller answers a request with that Host header. */
async function openIngressHost(
  api: ApiServer,
  proxy: ProxyConnection,
  request: Request,
  [namespace, name, host, rest = "/"]: [string, string, string, string | undefined],
  redactor: () => Redactor,
): Promise<Response> {
  const ingressPath = `/apis/networking.k8s.io/v1/namespaces/${namespace}/ingresses/${name}`;
  const found = await api.handle(new Request(`https://cluster.internal${ingressPath}`), ingressPath, dashboardCaller);
  if (!found.ok) return new Response(found.body, { status: found.status, headers: { "Content-Type": "application/json" } });
  const ing = (await found.json()) as Ingress;
  const hostName = decodeURIComponent(host);
  const hosts = (ing.spec?.rules ?? []).map((r) => r.host ?? anyHost);
  if (!hosts.includes(hostName) && !(hostName === anyHost && ing.spec?.defaultBackend)) {
    return errorResponse(failure(404, "NotFound", `ingress "${name}" has no rule for host "${hostName}"`));
  }
  const target = { kind: "service" as const, namespace: ingressNginx.namespace, name: ingressNginx.service, port: "http", scheme: "" as const };
  const headers: Record<string, string> = { accept: request.headers.get("accept") ?? "*/*" };
  if (hostName !== anyHost) headers.host = hostName;
  try {
    const answer = await proxy.request(target, { method: "GET", path: `${rest}${new URL(request.url).search}`, headers });
    const contentType = answer.headers?.["content-type"] ?? "text/plain; charset=utf-8";
    return new Response(redactor().text(answer.body), { status: answer.status, headers: { "Content-Type": contentType } });
  } catch (e) {
    return errorResponse(e);
  }
}
