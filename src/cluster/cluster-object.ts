// One sandbox cluster: its apiserver, its etcd and (from its alarm) its control loop, in one Durable Object. This
// class only wires the parts together; each part lives in its own folder.
import { DurableObject } from "cloudflare:workers";
import type { ClusterSpec, ClusterSummary } from "../api/platform";
import { drainBody } from "../api/request-body";
import { failure, tooManyRequests, type Status } from "../api/status";
import { bearerToken, sha256Hex } from "../api/tokens";
import type { ClusterVariables as Env } from "../api/platform";
import type { ApiServer } from "./apiserver/server";
import { liveFeedHeaders, liveFeedPath, type LiveFeed } from "./apiserver/live-feed";
import { OpenStreams } from "./apiserver/open-streams";
import { errorResponse, isStreamResponse, statusResponse } from "./apiserver/respond";
import { assemble, clusterTable as table } from "./assemble";
import { isAppPath, openApp } from "./app-view";
import type { ProxyConnection } from "./registry/proxy-connection";
import { bootstrapCluster } from "./bootstrap-cluster";
import { ClusterRecordTable, type ClusterRecord } from "./cluster-record";
import type { ControllerManager } from "./control-loop/manager";
import { defaultMaxObjects, type RegistryStore } from "./registry/generic-store";
import { listPrefix } from "./registry/keys";
import { nodes } from "./registry/nodes";
import { AlarmScheduler } from "../runtime/alarm";
import { RateLimiter } from "../runtime/rate-limit";
import { nowMs, rfc3339 } from "../runtime/clock";
import { randomNameSuffix, randomToken, randomUid } from "../runtime/random";
import { every } from "../runtime/timers";
import type { Store } from "./storage/store";
import type { Caller } from "./registry/types";
import type { ServiceAccountTokens } from "./registry/serviceaccounts/tokens";
import { answerKind, maskAnswer, maskBlock } from "./redaction/answer";
import { followSecrets, viewerRedactor } from "./redaction/viewer-redactor";
import { nodeKeyPrefix } from "./kubelet/node-agent";
import type { MachineTable } from "./nodes/machine-table";
import { runNodeOperation, type NodeOperation, type NodeOperationResult } from "./nodes/operations";
import { StatusError } from "../api/status";
import { paces } from "./timing";

const dayMs = 24 * 3600 * 1000;
/** How often (at most) the last-used time is written back. */
const touchEveryMs = 60_000;
/** Requests per second a cluster accepts on average (bursts of twice that). */
const defaultRate = 500;

export type Role = "admin" | "view";

export type PlatformResult<T> = { ok: true; value: T } | { ok: false; status: Status };

export interface CreatedTokens {
  token: string;
  viewToken: string;
  expiresAt: string;
}

/** An answer before the body was read: drain the body first, or the runtime resets the connection instead. */
async function refuse(request: Request, response: Response): Promise<Response> {
  await drainBody(request);
  return response;
}

export class ClusterObject extends DurableObject<Env> {
  private readonly records: ClusterRecordTable;
  // The cluster's parts exist once it does (`build()`): waking an object nobody created must not create storage.
  // After a delete they stay behind, stale, until the object is evicted; every entry point checks `record` first.
  private store!: Store;
  private registry!: RegistryStore;
  private api!: ApiServer;
  private proxy!: ProxyConnection;
  private readonly alarms: AlarmScheduler;
  private controllers!: ControllerManager;
  private record: ClusterRecord | undefined;
  private readonly tokenRoles = new Map<string, Role>();
  private readonly limiter: RateLimiter;
  /** Every open watch and log follow, by the role of its token: closed when that token stops being valid. */
  private readonly streams = new OpenStreams();
  /** The dashboard's live pages: one shared feed that takes no watch slots. */
  private feed!: LiveFeed;
  private machines!: MachineTable;
  private tokens!: ServiceAccountTokens;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.records = new ClusterRecordTable(ctx.storage.sql);
    this.alarms = new AlarmScheduler(ctx.storage);
    const rate = Number(env.RATE_LIMIT_RPS ?? defaultRate) || defaultRate;
    this.limiter = new RateLimiter(rate, rate * 2);
    this.record = this.records.read();
    if (this.record) this.build();
  }

  /** The cluster's parts over its storage (whose tables they create): when it exists or is being created. */
  private build(): void {
    const { ctx, env } = this;
    const parts = assemble({
      sql: ctx.storage.sql,
      transactionSync: (fn) => ctx.storage.transactionSync(fn),
      clock: { now: nowMs, rfc3339, every },
      random: { uid: randomUid, nameSuffix: randomNameSuffix },
      maxObjects: Number(env.MAX_OBJECTS ?? defaultMaxObjects) || defaultMaxObjects,
      cluster: () => this.record?.spec,
      wake: (at) => this.alarms.atOrBefore(at),
      tokenKeys: () => this.tokenKeys(),
    });
    ({ store: this.store, registry: this.registry, feed: this.feed, api: this.api, proxy: this.proxy, controllers: this.controllers, machines: this.machines, tokens: this.tokens } = parts);
  }

  /** The ServiceAccount token key (made once, also for a cluster created before there were tokens) and the cluster id. */
  private tokenKeys(): { key: string; clusterId: string } | undefined {
    if (!this.record) return undefined;
    if (!this.record.tokenKey) {
      this.record = { ...this.record, tokenKey: randomToken(32) };
      this.records.write(this.record);
    }
    return { key: this.record.tokenKey!, clusterId: this.record.id };
  }

  /** Create this cluster (once): tokens, nodes, namespaces, system objects. */
  async create(id: string, spec: ClusterSpec): Promise<PlatformResult<CreatedTokens>> {
    if (this.record) return { ok: false, status: failure(409, "AlreadyExists", `cluster ${id} already exists`).status };
    this.records.createSchema();
    this.build();
    const token = `${id}.${randomToken(32)}`;
    const viewToken = `${id}.${randomToken(32)}`;
    const now = nowMs();
    const idleDays = Number(this.env.IDLE_DAYS ?? "7");
    const record: ClusterRecord = {
      id,
      spec,
      adminTokenHash: await sha256Hex(token),
      viewTokenHash: await sha256Hex(viewToken),
      tokenKey: randomToken(32),
      createdAt: now,
      lastUsedAt: now,
      idleMs: (Number.isFinite(idleDays) && idleDays > 0 ? idleDays : 7) * dayMs,
    };
    this.store.batch(() => bootstrapCluster(this.registry, spec, { now, rfc3339, uid: randomUid }));
    this.records.write(record);
    this.record = record;
    // Service accounts, CA bundles and scheduled system pods exist from the first request on.
    const next = this.controllers.run(now);
    await this.alarms.atOrBefore(Math.min(next ?? Infinity, now + record.idleMs));
    return { ok: true, value: { token, viewToken, expiresAt: new Date(now + record.idleMs).toISOString() } };
  }

  /** Which role a bearer token has on this cluster, if any. */
  async authenticate(token: string | undefined): Promise<Role | undefined> {
    if (!token || !this.record) return undefined;
    const cached = this.tokenRoles.get(token);
    if (cached) return cached;
    const hash = await sha256Hex(token);
    const role = hash === this.record.adminTokenHash ? "admin" : hash === this.record.viewTokenHash ? "view" : undefined;
    if (role) this.tokenRoles.set(token, role);
    return role;
  }

  async summary(token: string | undefined): Promise<PlatformResult<ClusterSummary>> {
    const denied = await this.deny(token, "view");
    if (denied) return denied;
    this.touch();
    const record = this.record!;
    const all = this.registry.list(nodes);
    const ready = all.filter((n) => (n.status?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True")).length;
    const objects: Record<string, number> = {};
    for (const [bucket, count] of Object.entries(this.store.bucketSizes())) objects[bucket.split("/")[2]] = count;
    return {
      ok: true,
      value: {
        id: record.id,
        name: record.spec.name,
        createdAt: new Date(record.createdAt).toISOString(),
        lastUsedAt: new Date(record.lastUsedAt).toISOString(),
        expiresAt: new Date(record.lastUsedAt + record.idleMs).toISOString(),
        nodes: { total: all.length, ready },
        objects,
        revision: this.store.revision,
        alarmRuns: this.records.alarmRuns(),
        pace: record.spec.pace,
      },
    };
  }

  /**
   * Replace the read-only (share) token (admin token only): the old one stops working at once, for the dashboard
   * and for kubectl alike.
   */
  async rotateViewToken(token: string | undefined): Promise<PlatformResult<{ viewToken: string }>> {
    const denied = await this.deny(token, "admin");
    if (denied) return denied;
    const viewToken = `${this.record!.id}.${randomToken(32)}`;
    this.record = { ...this.record!, viewTokenHash: await sha256Hex(viewToken) };
    this.records.write(this.record);
    this.tokenRoles.clear();
    this.closeStreams("view");
    return { ok: true, value: { viewToken } };
  }

  /** A node operation (admin token only, issue 11): add a worker, stop, start or delete one (cluster/nodes/operations.ts). */
  async nodeOperation(token: string | undefined, op: NodeOperation, name?: string, body?: unknown): Promise<PlatformResult<NodeOperationResult>> {
    const denied = await this.deny(token, "admin");
    if (denied) return denied;
    this.touch();
    const spec = this.record!.spec;
    const now = nowMs();
    try {
      const value = this.store.batch(() =>
        runNodeOperation(
          { registry: this.registry, machines: this.machines, spec, timing: paces[spec.pace], now, rfc3339, uid: randomUid, wakeKubelet: (n) => this.controllers.wakeKey("kubelet", nodeKeyPrefix + n) },
          op,
          name,
          body,
        ),
      );
      await this.controllers.flush();
      return { ok: true, value };
    } catch (error) {
      if (error instanceof StatusError) return { ok: false, status: error.status };
      throw error;
    }
  }

  /** Delete every object, the history and the record: the cluster's API answers 404 afterwards. */
  async destroy(token: string | undefined): Promise<PlatformResult<null>> {
    const denied = await this.deny(token, "admin");
    if (denied) return denied;
    this.closeStreams();
    await this.wipe();
    return { ok: true, value: null };
  }

  /** The Kubernetes API. The Worker has stripped the cluster prefix into the `x-sandbox-path` header. */
  override async fetch(request: Request): Promise<Response> {
    try {
      const path = request.headers.get("x-sandbox-path") ?? new URL(request.url).pathname;
      if (!this.record) return refuse(request, statusResponse(failure(404, "NotFound", "this sandbox cluster does not exist (it was deleted or has expired)").status));
      const token = bearerToken(request);
      const role = await this.authenticate(token);
      // Not one of the sandbox's own tokens: a ServiceAccount token of this cluster, or nothing (401).
      const serviceAccount = role ? undefined : token && this.tokens.authenticate(this.registry, token);
      if (!role && !serviceAccount) return refuse(request, statusResponse(failure(401, "Unauthorized", "Unauthorized").status));
      if (!this.limiter.take()) {
        const status = tooManyRequests(`this sandbox takes at most ${this.env.RATE_LIMIT_RPS ?? defaultRate} requests per second; slow down and retry`).status;
        return refuse(request, statusResponse(status, { "Retry-After": "1" }));
      }
      this.touch();
      followSecrets(this.store);
      if (serviceAccount) {
        // The dashboard's paths are for the sandbox's own tokens.
        if (path === liveFeedPath || isAppPath(path)) return refuse(request, statusResponse(failure(403, "Forbidden", "forbidden: this path needs the sandbox's own token").status));
        const response = await this.api.handle(request, path, serviceAccount);
        await this.controllers.flush();
        return await this.answer("admin", response);
      }
      if (path === liveFeedPath) return this.liveFeed(role!, new URL(request.url).searchParams);
      if (isAppPath(path)) return await openApp(this.api, this.proxy, request, path, () => viewerRedactor(this.store));
      const caller: Caller = { role: role!, user: role === "admin" ? "sandbox:admin" : "sandbox:viewer" };
      const response = await this.api.handle(request, path, caller);
      await this.controllers.flush();
      return await this.answer(role!, response);
    } catch (error) {
      return errorResponse(error);
    }
  }

  override async alarm(): Promise<void> {
    this.alarms.fired();
    this.records.countAlarm();
    if (!this.record) return;
    const now = nowMs();
    const expiresAt = this.record.lastUsedAt + this.record.idleMs;
    if (now >= expiresAt) {
      this.closeStreams();
      await this.wipe();
      return;
    }
    const next = this.controllers.run(now);
    await this.alarms.set(Math.min(expiresAt, next ?? Infinity));
  }

  /** Delete all storage (and the alarm) and re-create nothing: the object answers 404 from now on. */
  private async wipe(): Promise<void> {
    await this.ctx.storage.deleteAll();
    this.record = undefined;
    this.tokenRoles.clear();
    this.records.dropped();
    this.alarms.fired();
  }

  /**
   * A Kubernetes API answer as the caller's role may see it: for the read-only token every Secret value masked, in
   * whole answers and in streams; every stream tracked so that it ends when its token stops being valid.
   */
  private async answer(role: Role, response: Response): Promise<Response> {
    if (response.status === 101 || !response.body) return response;
    const redactor = () => viewerRedactor(this.store);
    if (!isStreamResponse(response)) return role === "view" ? maskAnswer(response, redactor) : response;
    const kind = answerKind(response.headers.get("content-type"));
    const map = role === "view" && kind !== "other" ? (lines: string) => maskBlock(kind, redactor(), lines) : undefined;
    return new Response(this.streams.track(role, response.body, map), { status: response.status, headers: response.headers });
  }

  /**
   * The dashboard's live feed for a page showing the resources named in `resource` parameters (`group/version/resource`,
   * group empty for core): an SSE stream that says `change` when one of their objects changes and `gone` when the
   * token stops being valid. It takes none of the cluster's watch slots.
   */
  private liveFeed(role: Role, query: URLSearchParams): Response {
    const prefixes = query.getAll("resource").flatMap((r) => {
      const [group = "", version = "", resource = ""] = r.split("/");
      const def = table.byResource(group, version, resource);
      return def ? [listPrefix(def)] : [];
    });
    return new Response(this.feed.open(role, prefixes), { headers: liveFeedHeaders });
  }

  /** End the streams opened with a token of `role` (or every stream): its credential is no longer valid. */
  private closeStreams(role?: Role): void {
    this.streams.close(role);
    this.feed.close(role);
  }

  private touch(): void {
    const now = nowMs();
    if (!this.record || now - this.record.lastUsedAt < touchEveryMs) return;
    this.record = { ...this.record, lastUsedAt: now };
    this.records.write(this.record);
  }

  private async deny(token: string | undefined, need: Role): Promise<PlatformResult<never> | undefined> {
    if (!this.record) return { ok: false, status: failure(404, "NotFound", "this sandbox cluster does not exist (it was deleted or has expired)").status };
    const role = await this.authenticate(token);
    if (!role) return { ok: false, status: failure(401, "Unauthorized", "Unauthorized").status };
    if (need === "admin" && role !== "admin") {
      return { ok: false, status: failure(403, "Forbidden", "this needs the cluster's admin token; the read-only token cannot change it").status };
    }
    return undefined;
  }
}

