// The platform REST API under /api: create, read, delete sandboxes and get their kubeconfigs.
import { Hono } from "hono";
import { CreateClusterOptions, type ClusterSpec, type CreatedCluster } from "../api/platform";
import { badRequest, failure, type Status } from "../api/status";
import { bearerToken, isClusterId } from "../api/tokens";
import { isValidQuantity } from "../api/quantity";
import { randomToken } from "../cluster/runtime/random";
import type { Env } from "../env";
import { kubeconfigYaml } from "./kubeconfig";
import { clusterNotFound, statusJson, unauthorizedResponse } from "./statuses";

export const platformApi = new Hono<{ Bindings: Env }>();

function settle(options: CreateClusterOptions): ClusterSpec {
  const cpu = options.nodeResources?.cpu ?? "2";
  const memory = options.nodeResources?.memory ?? "4Gi";
  for (const [field, value] of [["cpu", cpu], ["memory", memory]] as const) {
    if (!isValidQuantity(value)) throw badRequest(`nodeResources.${field}: "${value}" is not a Kubernetes quantity (e.g. "2", "500m", "4Gi")`);
  }
  return {
    name: options.name ?? "sandbox",
    workers: options.workers ?? 2,
    nodeResources: { cpu, memory, pods: options.nodeResources?.pods ?? 110 },
    pace: options.pace ?? "realistic",
  };
}

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

export function serverUrl(request: Request, id: string): string {
  return `${new URL(request.url).origin}/clusters/${id}`;
}

platformApi.post("/clusters", async (c) => {
  if (c.env.CREATE_TOKEN && bearerToken(c.req.raw) !== c.env.CREATE_TOKEN) return unauthorizedResponse();
  const spec = settle(await readOptions(c.req.raw));
  const id = randomToken(20);
  const stub = c.env.CLUSTER.getByName(id);
  const result = await stub.create(id, spec);
  if ("status" in result) return statusJson(result.status as Status);
  const server = serverUrl(c.req.raw, id);
  const body: CreatedCluster = {
    id,
    name: spec.name,
    server,
    token: result.value.token,
    viewToken: result.value.viewToken,
    kubeconfig: kubeconfigYaml({ server, clusterName: spec.name, id, token: result.value.token, role: "admin" }),
    expiresAt: result.value.expiresAt,
  };
  return c.json(body, 201);
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
