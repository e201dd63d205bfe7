// Forwards Kubernetes API requests to the cluster's Durable Object. The cluster comes from the path
// (`/clusters/<id>/...`) or, for the prefix-less requests `kubectl get --raw` sends, from the bearer token.
import { bearerToken, clusterOfToken, isClusterId } from "../api/tokens";
import type { Env } from "../env";
import { clusterNotFound, unauthorizedResponse } from "./statuses";

export async function forwardToCluster(env: Env, request: Request, id: string, path: string): Promise<Response> {
  if (!isClusterId(id)) return clusterNotFound();
  const token = bearerToken(request);
  // A token names its cluster: another cluster's token is refused here, without waking this cluster's object.
  if (!token || clusterOfToken(token) !== id) return unauthorizedResponse();
  const headers = new Headers(request.headers);
  headers.set("x-sandbox-path", path || "/");
  const forwarded = new Request(request, { headers });
  return env.CLUSTER.getByName(id).fetch(forwarded);
}

/** A Kubernetes API path without the cluster prefix: route by the token's cluster. */
export function forwardByToken(env: Env, request: Request): Promise<Response> | Response {
  const id = clusterOfToken(bearerToken(request));
  if (!id) return unauthorizedResponse();
  return forwardToCluster(env, request, id, new URL(request.url).pathname);
}
