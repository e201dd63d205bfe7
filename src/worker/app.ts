// The Worker's router: the platform API, the Kubernetes API of each cluster, and the pages.
import { Hono } from "hono";
import { StatusError, internalError } from "../api/status";
import type { Env } from "../platform/env";
import { forwardByToken, forwardToCluster } from "./kube-proxy";
import { dashboard } from "../dashboard/routes";
import { platformApi } from "./platform-api";
import { statusJson } from "./statuses";

export const app = new Hono<{ Bindings: Env }>();

app.onError((error) => {
  if (error instanceof StatusError) return statusJson(error.status);
  console.error("unexpected worker error", error);
  return statusJson(internalError(error instanceof Error ? error.message : String(error)).status);
});

app.route("/api", platformApi.basePath("/"));

app.all("/clusters/:id", (c) => forwardToCluster(c.env, c.req.raw, c.req.param("id"), "/"));
app.all("/clusters/:id/*", (c) => {
  const id = c.req.param("id");
  const path = new URL(c.req.url).pathname.slice(`/clusters/${id}`.length);
  return forwardToCluster(c.env, c.req.raw, id, path);
});

// kubectl --raw drops the server URL's path prefix: route these by the bearer token's cluster.
for (const prefix of ["/api", "/api/*", "/apis", "/apis/*", "/version", "/openapi/*", "/healthz", "/livez", "/readyz"]) {
  app.all(prefix, (c) => forwardByToken(c.env, c.req.raw));
}

// The landing page, its create form, the dashboard assets and the read-only share-link pages under /s/.
app.route("/", dashboard);
