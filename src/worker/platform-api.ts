// The platform REST API under /api: create, read, delete sandboxes and get their kubeconfigs.
import { Hono } from "hono";
import { CreateClusterOptions, type RotatedShare } from "../api/platform";
import { badRequest, failure, type Status } from "../api/status";
import { bearerToken, isClusterId } from "../api/tokens";
import type { Env } from "../env";
import { createSandbox, CreateRefused, serverUrl, shareUrl } from "./create-cluster";
import { kubeconfigYaml } from "./kubeconfig";
import { clusterNotFound, statusJson, unauthorizedResponse } from "./statuses";

export const platformApi = new Hono<{ Bindings: Env }>();

async function readOptions(request: Request): Promise<CreateClusterOptions> {
  const text = await request.text();
  if (!text.trim()) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw badRequest(`the body is not JSON: ${(e as Error).message}`);
  }
  const parsed = CreateClusterOptions.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest(`invalid cluster options: ${issue.path.join(".") || "body"}: ${issue.message}`);
  }
  return parsed.data;
}

platformApi.post("/clusters", async (c) => {
  if (c.env.CREATE_TOKEN && bearerToken(c.req.raw) !== c.env.CREATE_TOKEN) return unauthorizedResponse();
  const result = await createSandbox(c.env, c.req.raw, await readOptions(c.req.raw));
  if (result instanceof CreateRefused) return statusJson(result.status);
  return c.json(result, 201);
});

/** A new read-only token (admin token only): links with the old one stop working. */
platformApi.post("/clusters/:id/share/rotate", async (c) => {
  const id = c.req.param("id");
  if (!isClusterId(id)) return clusterNotFound();
  const result = await c.env.CLUSTER.getByName(id).rotateViewToken(bearerToken(c.req.raw));
  if ("status" in result) return statusJson(result.status as Status);
  const link = shareUrl(c.req.raw, result.value.viewToken);
  const body: RotatedShare = { viewToken: result.value.viewToken, shareUrl: link, dashboardUrl: link };
  return c.json(body);
});

platformApi.get("/clusters/:id", async (c) => {
  const id = c.req.param("id");
  if (!isClusterId(id)) return clusterNotFound();
  const result = await c.env.CLUSTER.getByName(id).summary(bearerToken(c.req.raw));
  return "status" in result ? statusJson(result.status as Status) : c.json(result.value);
});

platformApi.get("/clusters/:id/kubeconfig", async (c) => {
  const id = c.req.param("id");
  if (!isClusterId(id)) return clusterNotFound();
  const token = bearerToken(c.req.raw);
  const stub = c.env.CLUSTER.getByName(id);
  const result = await stub.summary(token);
  if ("status" in result) return statusJson(result.status as Status);
  const role = (await stub.authenticate(token)) ?? "view";
  const yaml = kubeconfigYaml({ server: serverUrl(c.req.raw, id), clusterName: result.value.name, id, token: token!, role });
  return new Response(yaml, { headers: { "Content-Type": "application/yaml" } });
});

platformApi.delete("/clusters/:id", async (c) => {
  const id = c.req.param("id");
  if (!isClusterId(id)) return clusterNotFound();
  const result = await c.env.CLUSTER.getByName(id).destroy(bearerToken(c.req.raw));
  return "status" in result ? statusJson(result.status as Status) : c.json({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", code: 200, details: { name: id, kind: "clusters" } });
});

// Only /api/clusters… is the platform's: every other /api path is the Kubernetes core API (`kubectl get --raw`).
const noSuchRoute = () => statusJson(failure(404, "NotFound", "no such platform API route; see the README for the API").status);
platformApi.all("/clusters", noSuchRoute);
platformApi.all("/clusters/*", noSuchRoute);
