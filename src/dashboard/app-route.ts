// Opening a Service's app from the share link: `/s/<token>/apps/services/<ns>/<name>:<port>/<path>` asks the
// cluster's object for the app's answer (api/app-links.ts; the object reaches it through services/proxy and masks
// every Secret value) and serves it as the app answered (status, content type, body), never with a cookie or header
// of the app's; routes.tsx adds `Content-Security-Policy: sandbox`. The request carries nothing of the browser's
// but what it accepts.
import { appsPath } from "../api/app-links";
import { clusterOfToken } from "../api/tokens";
import type { Env } from "../platform/env";
import { noteAuthFailure } from "../platform/client-limits";
import { clusterStubOf } from "../platform/cluster-ids";
import { ClusterClient } from "./cluster-client";

/** The app's answer, or undefined when the link's cluster or token is gone (the caller answers its 404 page). */
export async function openApp(env: Env, request: Request, token: string): Promise<Response | undefined> {
  const id = clusterOfToken(token);
  if (!id || !(await clusterStubOf(env, id))) return undefined;
  const url = new URL(request.url);
  const marker = "/apps/";
  const suffix = url.pathname.slice(url.pathname.indexOf(marker) + marker.length - 1);
  const client = new ClusterClient(env, id, token);
  const answer = await client.fetch(`${appsPath}${suffix}${url.search}`, { accept: request.headers.get("accept") ?? "*/*" });
  if (answer.status === 401) {
    await answer.body?.cancel();
    await noteAuthFailure(env, request);
    return undefined;
  }
  const headers = { "Content-Type": answer.headers.get("content-type") ?? "text/plain; charset=utf-8" };
  return new Response(answer.body, { status: answer.status, headers });
}
