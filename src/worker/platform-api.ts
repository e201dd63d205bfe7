// The platform REST API under /api: create, read, delete sandboxes and get their kubeconfigs.
import { Hono, type Context } from "hono";
import { CreateClusterOptions, type RotatedShare } from "../api/platform";
import { badRequest, failure, type Status } from "../api/status";
import { bearerToken, clusterOfToken } from "../api/tokens";
import type { ClusterObject } from "../cluster/cluster-object";
import type { Env } from "../platform/env";
import { readCappedBody } from "../api/request-body";
import { limitPeriodSeconds, noteAuthFailure, refusedSeconds, withinLimit } from "../platform/client-limits";
import { isAuthenticClusterId } from "../platform/cluster-ids";
import { createSandbox, CreateRefused, serverUrl, shareUrl } from "../platform/create-cluster";
import { kubeconfigYaml } from "../platform/kubeconfig";
import { clusterNotFound, refusedResponse, statusJson, tooManyResponse, unauthorizedResponse } from "./statuses";

type PlatformEnv = { Bindings: Env; Variables: { stub: DurableObjectStub<ClusterObject> } };

export const platformApi = new Hono<PlatformEnv>();

/** The largest create body: the options are a few hundred bytes. */
export const maxCreateBodyBytes = 64 * 1024;

async function readOptions(request: Request): Promise<CreateClusterOptions> {
  const text = new TextDecoder().decode(await readCappedBody(request, maxCreateBodyBytes));
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

/** A small JSON body (node options); empty is `{}`. */
async function readJson(request: Request): Promise<unknown> {
  const text = new TextDecoder().decode(await readCappedBody(request, maxCreateBodyBytes));
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch (e) {
    throw badRequest(`the body is not JSON: ${(e as Error).message}`);
  }
}

platformApi.post("/clusters", async (c) => {
  if (c.env.CREATE_TOKEN) {
    // The create token is a secret guessed only at the rate of the client's 401s.
    const refused = refusedSeconds(c.req.raw);
    if (refused) return refusedResponse(refused);
    if (bearerToken(c.req.raw) !== c.env.CREATE_TOKEN) {
      await c.req.raw.body?.cancel().catch(() => {});
      await noteAuthFailure(c.env, c.req.raw);
      return unauthorizedResponse();
    }
  }
  const result = await createSandbox(c.env, c.req.raw, await readOptions(c.req.raw));
  if (result instanceof CreateRefused) return statusJson(result.status);
  return c.json(result, 201);
});

// Calls on one cluster: per client, refused after too many 401s and limited by PLATFORM_LIMIT (these are RPCs to
// the cluster's object, which its own per-cluster rate limit does not see). An id the platform did not make gets
// the deleted cluster's 404, and a missing token or another cluster's a 401, without any object being addressed.
const oneCluster = async (c: Context<PlatformEnv>, next: () => Promise<void>) => {
  const refused = refusedSeconds(c.req.raw);
  if (refused) return refusedResponse(refused);
  if (!(await withinLimit(c.env, "PLATFORM_LIMIT", c.req.raw))) {
    return tooManyResponse("too many platform API calls from this address; retry in a minute", limitPeriodSeconds);
  }
  const id = c.req.param("id") ?? "";
  if (!(await isAuthenticClusterId(c.env, id))) return clusterNotFound();
  if (clusterOfToken(bearerToken(c.req.raw)) !== id) return unauthorizedResponse();
  c.set("stub", c.env.CLUSTER.getByName(id));
  await next();
};
// "/clusters/:id/*" also matches "/clusters/<id>" itself: one pass per request.
platformApi.use("/clusters/:id/*", oneCluster);

/** The answer of an RPC that failed: its Status (a 401 counts against the client). */
async function refusal(c: Context<PlatformEnv>, status: Status): Promise<Response> {
  if (status.code === 401) await noteAuthFailure(c.env, c.req.raw);
  return statusJson(status);
}

/** A new read-only token (admin token only): links with the old one stop working. */
platformApi.post("/clusters/:id/share/rotate", async (c) => {
  const result = await c.get("stub").rotateViewToken(bearerToken(c.req.raw));
  if ("status" in result) return refusal(c, result.status as Status);
  const link = shareUrl(c.req.raw, result.value.viewToken);
  const body: RotatedShare = { viewToken: result.value.viewToken, shareUrl: link, dashboardUrl: link };
  return c.json(body);
});

platformApi.get("/clusters/:id", async (c) => {
  const result = await c.get("stub").summary(bearerToken(c.req.raw));
  return "status" in result ? refusal(c, result.status as Status) : c.json(result.value);
});

platformApi.get("/clusters/:id/kubeconfig", async (c) => {
  const id = c.req.param("id");
  const token = bearerToken(c.req.raw);
  const stub = c.get("stub");
  const result = await stub.summary(token);
  if ("status" in result) return refusal(c, result.status as Status);
  const role = (await stub.authenticate(token)) ?? "view";
  const yaml = kubeconfigYaml({ server: serverUrl(c.req.raw, id), clusterName: result.value.name, id, token: token!, role });
  return new Response(yaml, { headers: { "Content-Type": "application/yaml" } });
});

platformApi.delete("/clusters/:id", async (c) => {
  const id = c.req.param("id");
  const result = await c.get("stub").destroy(bearerToken(c.req.raw));
  if ("status" in result) return refusal(c, result.status as Status);
  return c.json({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", code: 200, details: { name: id, kind: "clusters" } });
});

// Node operations (issue 11): the sandbox's `minikube node add|stop|start|delete`, admin token only.
async function nodeCall(c: Context<PlatformEnv>, op: "add" | "stop" | "start" | "delete", body?: unknown): Promise<Response> {
  const result = await c.get("stub").nodeOperation(bearerToken(c.req.raw), op, c.req.param("name"), body);
  if ("status" in result) return refusal(c, result.status as Status);
  return c.json(result.value, op === "add" ? 201 : 200);
}
platformApi.post("/clusters/:id/nodes", async (c) => nodeCall(c, "add", await readJson(c.req.raw)));
platformApi.post("/clusters/:id/nodes/:name/stop", (c) => nodeCall(c, "stop"));
platformApi.post("/clusters/:id/nodes/:name/start", (c) => nodeCall(c, "start"));
platformApi.delete("/clusters/:id/nodes/:name", (c) => nodeCall(c, "delete"));

// Only /api/clusters… is the platform's: every other /api path is the Kubernetes core API (`kubectl get --raw`).
const noSuchRoute = () => statusJson(failure(404, "NotFound", "no such platform API route; see the README for the API").status);
platformApi.all("/clusters", noSuchRoute);
platformApi.all("/clusters/*", noSuchRoute);
