// Forwards Kubernetes API requests to the cluster's Durable Object. The cluster comes from the path
// (`/clusters/<id>/...`) or, for the prefix-less requests `kubectl get --raw` sends, from the bearer token.
import { bearerToken, clusterOfToken } from "../api/tokens";
import type { Env } from "../platform/env";
import { noteAuthFailure, refusedSeconds } from "../platform/client-limits";
import { isAuthenticClusterId } from "../platform/cluster-ids";
import { clusterNotFound, refusedResponse, unauthorizedResponse } from "./statuses";

export async function forwardToCluster(env: Env, request: Request, id: string, path: string): Promise<Response> {
  const refused = refusedSeconds(request);
  if (refused) return refusedResponse(refused);
  if (!(await isAuthenticClusterId(env, id))) return clusterNotFound();
  const token = bearerToken(request);
  // A token names its cluster: another cluster's token is refused here, without waking this cluster's object.
  if (!token || clusterOfToken(token) !== id) return unauthorizedResponse();
  const headers = new Headers(request.headers);
  headers.set("x-sandbox-path", path || "/");
  const response = await env.CLUSTER.getByName(id).fetch(new Request(request, { headers }));
  if (response.status === 401) await noteAuthFailure(env, request);
  return response;
}

/** A Kubernetes API path without the cluster prefix: route by the token's cluster. */
export function forwardByToken(env: Env, request: Request): Promise<Response> | Response {
  const id = clusterOfToken(bearerToken(request));
  return id ? forwardToCluster(env, request, id, new URL(request.url).pathname) : unauthorizedResponse();
}
