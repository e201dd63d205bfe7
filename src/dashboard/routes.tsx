// The dashboard's routes: the landing page and its create form, the static assets, and the read-only pages under
// a share link `/s/<token>/`, whose token is the cluster's read-only (or admin) token. Pages fetch what they show
// from the cluster's Kubernetes API with that token; nothing under /s/ answers anything but GET.
import { Hono, type Context } from "hono";
import type { Child } from "hono/jsx";
import type { Status } from "../api/status";
import { clusterOfToken } from "../api/tokens";
import { nowMs } from "../runtime/clock";
import type { Env } from "../platform/env";
import { noteAuthFailure, refusedSeconds } from "../platform/client-limits";
import { clusterStubOf } from "../platform/cluster-ids";
import { createSandbox, CreateRefused } from "../platform/create-cluster";
import { dashboardCss, liveScript } from "./assets";
import { listPath, parseGroupVersionSegment } from "./catalog";
import { ClusterClient, ClusterRequestError } from "./cluster-client";
import { catalogOf } from "./discovery";
import { NamespaceFilter, Shell } from "./layout";
import { liveKinds, liveStream } from "./live";
import type { PageContext, Section } from "./page-context";
import { BusyPage } from "./pages/busy";
import { ConfigPage, loadConfig } from "./pages/config";
import { DetailPage, loadDetail } from "./pages/detail";
import { EventsPage, loadEvents } from "./pages/events";
import { loadNamespaces, NamespacesPage } from "./pages/namespaces";
import { loadOverview, OverviewPage } from "./pages/overview";
import { CreatedPage, GonePage, LandingPage, NotFoundPage } from "./pages/public";
import { loadServices, ServicesPage } from "./pages/services";
import { loadWorkloads, WorkloadsPage } from "./pages/workloads";
import { appSecurityHeaders, isAppRoute, securityHeaders } from "./security";
import { openApp } from "./app-route";

type Env_ = { Bindings: Env };
type C = Context<Env_>;

export const dashboard = new Hono<Env_>();

// Only the dashboard's own paths: this app is mounted at the root next to the Kubernetes API routes.
for (const path of ["/", "/create", "/assets/*", "/s/*"]) {
  dashboard.use(path, async (c, next) => {
    await next();
    const headers = isAppRoute(c.req.path) ? appSecurityHeaders : securityHeaders;
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  });
}

/** A page refused for the rate of requests: answered with the 429 page. */
class TooManyRequests extends Error {
  constructor(readonly seconds: number, message: string) {
    super(message);
  }
}

/** The cluster's own rate limit refills every second (its 429s say `Retry-After: 1`). */
const clusterRetryAfterSeconds = 1;

dashboard.onError((error, c) => {
  if (error instanceof ClusterRequestError && error.code === 429) {
    error = new TooManyRequests(clusterRetryAfterSeconds, "This cluster is answering too many requests right now (it takes a few hundred a second).");
  }
  if (error instanceof TooManyRequests) return busy(c, error.seconds, error.message);
  console.error("dashboard error", error);
  return html(c, <NotFoundPage what={`The cluster did not answer this page: ${error instanceof Error ? error.message : String(error)}`} home="/" />, 502);
});

async function html(c: C, page: Child, status: 200 | 201 | 403 | 404 | 405 | 429 | 502 = 200, headers: Record<string, string> = {}): Promise<Response> {
  const body = "<!DOCTYPE html>" + (await (page as Promise<string> | string).toString());
  return c.body(body, status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", ...headers });
}

const busy = (c: C, seconds: number, why: string) => html(c, <BusyPage seconds={seconds} why={why} />, 429, { "Retry-After": String(seconds) });

dashboard.get("/assets/live.js", (c) => c.body(liveScript, 200, { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=300" }));
dashboard.get("/assets/dashboard.css", (c) => c.body(dashboardCss, 200, { "Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=300" }));

dashboard.get("/", (c) => html(c, <LandingPage origin={new URL(c.req.url).origin} />));

/** The landing page's form: create a cluster, then show its kubeconfig, tokens and share link. */
dashboard.post("/create", async (c) => {
  const result = await createSandbox(c.env, c.req.raw, {});
  if (result instanceof CreateRefused) {
    const retryAfter = result.status.details?.retryAfterSeconds;
    const status = result.code === 401 ? 403 : result.code === 429 ? 429 : 502;
    return html(c, <LandingPage origin={new URL(c.req.url).origin} error={result.message} />, status, retryAfter ? { "Retry-After": String(retryAfter) } : {});
  }
  return html(c, <CreatedPage cluster={result} />, 201);
});

// Read-only: every method but GET is refused under /s/.
dashboard.use("/s/*", async (c, next) => {
  if (c.req.method !== "GET") {
    await c.req.raw.body?.cancel().catch(() => {});
    return c.body("405 Method Not Allowed: the dashboard is read-only\n", 405, { Allow: "GET", "Content-Type": "text/plain; charset=utf-8" });
  }
  await next();
});

dashboard.get("/s/:token", (c) => c.redirect(`/s/${encodeURIComponent(c.req.param("token"))}/`, 301));

/**
 * The page context of a share link, or undefined when the link's cluster or token is gone. A link whose cluster id
 * the platform did not make reaches no Durable Object; a wrong token counts against the client's 401s, and a client
 * past that limit gets the 429 page.
 */
async function contextOf(c: C, section: Section, base: string): Promise<PageContext | undefined> {
  const refused = refusedSeconds(c.req.raw);
  if (refused) throw new TooManyRequests(refused, "Too many share links that lead nowhere were opened from your address.");
  const token = c.req.param("token") ?? "";
  const id = clusterOfToken(token);
  const stub = id ? await clusterStubOf(c.env, id) : undefined;
  if (!id || !stub) return undefined;
  const [role, summary] = await Promise.all([stub.authenticate(token), stub.summary(token)]);
  if ("status" in summary && (summary.status as Status).code === 401) await noteAuthFailure(c.env, c.req.raw);
  if (!role || !("value" in summary)) return undefined;
  const ns = c.req.query("ns") || undefined;
  const client = new ClusterClient(c.env, id, token);
  const now = nowMs();
  return {
    client,
    // Only once the token is known good: a link that leads nowhere costs the cluster no discovery request.
    catalog: await catalogOf(client, now),
    clusterName: summary.value.name,
    role,
    ns,
    section,
    root: `/s/${token}/`,
    base,
    now,
  };
}

const gone = (c: C) => html(c, <GonePage />, 404);

async function namespaceNames(ctx: PageContext): Promise<string[]> {
  return (await ctx.client.listOrEmpty(listPath(ctx.catalog.core("namespaces")!))).map((n) => n.metadata.name ?? "").sort();
}

/** A full page, or only the <main> content for live.js (`?fragment=1`). */
async function respond(c: C, ctx: PageContext, title: string, content: Child, live: string, status: 200 | 404 = 200): Promise<Response> {
  if (c.req.query("fragment") === "1") return html(c, content, status).then(stripDoctype);
  return html(c, <Shell ctx={ctx} title={title} live={live}>{content}</Shell>, status);
}

async function stripDoctype(response: Response): Promise<Response> {
  const text = (await response.text()).replace(/^<!DOCTYPE html>/, "");
  return new Response(text, response);
}

const listPages: Array<[string, Section, string, (ctx: PageContext) => Promise<Child>]> = [
  ["", "overview", "Nodes and pods", async (ctx) => <OverviewPage ctx={ctx} data={await loadOverview(ctx)} />],
  ["workloads", "workloads", "Workloads", async (ctx) => <WorkloadsPage ctx={ctx} data={await loadWorkloads(ctx)} />],
  ["services", "services", "Services", async (ctx) => <ServicesPage ctx={ctx} data={await loadServices(ctx)} />],
  ["config", "config", "Configuration", async (ctx) => <ConfigPage ctx={ctx} data={await loadConfig(ctx)} />],
  ["namespaces", "namespaces", "Namespaces", async (ctx) => <NamespacesPage ctx={ctx} data={await loadNamespaces(ctx)} />],
  ["events", "events", "Events", async (ctx) => <EventsPage ctx={ctx} events={await loadEvents(ctx)} />],
];

for (const [path, section, title, load] of listPages) {
  dashboard.get(`/s/:token/${path}`, async (c) => {
    const ctx = await contextOf(c, section, "./");
    if (!ctx) return gone(c);
    const [content, namespaces] = await Promise.all([load(ctx), namespaceNames(ctx)]);
    return respond(c, ctx, title, <><NamespaceFilter ctx={ctx} namespaces={namespaces} />{content}</>, `${ctx.root}live?page=${section}`);
  });
}

dashboard.get("/s/:token/objects/:gv/:resource/:ns/:name", async (c) => {
  const ctx = await contextOf(c, "objects", "../../../../");
  if (!ctx) return gone(c);
  const gv = parseGroupVersionSegment(c.req.param("gv"));
  const def = gv && ctx.catalog.find(gv.group, gv.version, c.req.param("resource"));
  const ns = c.req.param("ns") === "_" ? undefined : c.req.param("ns");
  const data = def && (def.namespaced === !!ns) ? await loadDetail(ctx, def, ns, c.req.param("name")) : undefined;
  const live = `${ctx.root}live?page=objects&gv=${encodeURIComponent(c.req.param("gv"))}&resource=${encodeURIComponent(c.req.param("resource"))}`;
  if (!def || !data) {
    const what = `There is no ${c.req.param("resource")} named ${c.req.param("name")}${ns ? ` in namespace ${ns}` : ""} (it may have been deleted).`;
    return respond(c, ctx, "Not found", <><h1>Not found</h1><p>{what}</p></>, live, 404);
  }
  return respond(c, ctx, `${def.kind} ${data.object.metadata.name}`, <DetailPage ctx={ctx} data={data} />, live);
});

dashboard.get("/s/:token/live", async (c) => {
  const ctx = await contextOf(c, "overview", "./");
  if (!ctx) return gone(c);
  const section = (c.req.query("page") ?? "overview") as Section;
  const gv = parseGroupVersionSegment(c.req.query("gv") ?? "");
  const detailDef = gv ? ctx.catalog.find(gv.group, gv.version, c.req.query("resource") ?? "") : undefined;
  const kinds = liveKinds(ctx.catalog, section, detailDef) ?? liveKinds(ctx.catalog, "overview");
  return liveStream(ctx.client, kinds);
});

// A Service's app, opened from its page: GET only, under `Content-Security-Policy: sandbox` (./app-route.ts).
dashboard.get("/s/:token/apps/services/:ns/:target", (c) => c.redirect(`${new URL(c.req.url).pathname}/`, 301));
// A host of an Ingress, opened from its page: through the built-in ingress controller, as a browser asking that host.
dashboard.get("/s/:token/apps/ingresses/:ns/:name/:host", (c) => c.redirect(`${new URL(c.req.url).pathname}/`, 301));
dashboard.get("/s/:token/apps/*", async (c) => {
  const refused = refusedSeconds(c.req.raw);
  if (refused) throw new TooManyRequests(refused, "Too many share links that lead nowhere were opened from your address.");
  const answer = await openApp(c.env, c.req.raw, c.req.param("token") ?? "");
  return answer ?? gone(c);
});

dashboard.get("/s/:token/*", async (c) => {
  const ctx = await contextOf(c, "overview", "./");
  if (!ctx) return gone(c);
  return html(c, <NotFoundPage what="The dashboard has no such page." home={ctx.root} />, 404);
});

