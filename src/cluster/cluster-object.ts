// One sandbox cluster: its apiserver, its etcd and (from its alarm) its control loop, in one Durable Object. This
// class only wires the parts together; each part lives in its own folder.
import { DurableObject } from "cloudflare:workers";
import type { ClusterSpec, ClusterSummary } from "../api/platform";
import { failure, tooManyRequests, type Status } from "../api/status";
import { bearerToken, sha256Hex } from "../api/tokens";
import type { Env } from "../env";
import { ApiServer } from "./apiserver/server";
import { errorResponse, statusResponse } from "./apiserver/respond";
import { WatchHub } from "./apiserver/watch";
import { bootstrapCluster } from "./bootstrap-cluster";
import { ClusterRecordTable, type ClusterRecord } from "./cluster-record";
import { EventRecorder } from "./controllers/event-recorder";
import { Indexes } from "./controllers/indexes";
import { ControllerManager } from "./controllers/manager";
import { admissionPlugins } from "./admission";
import { defaultMaxObjects, RegistryStore } from "./registry/generic-store";
import { bucketOfKind } from "./registry/keys";
import { ResourceTable } from "./registry/resource-table";
import { resources } from "./registry/resources";
import { AlarmScheduler } from "./runtime/alarm";
import { RateLimiter } from "./runtime/rate-limit";
import { nowMs, rfc3339 } from "./runtime/clock";
import { randomNameSuffix, randomToken, randomUid } from "./runtime/random";
import { Store } from "./storage/store";
import type { Caller } from "./registry/types";

const dayMs = 24 * 3600 * 1000;
/** How often (at most) the last-used time is written back. */
const touchEveryMs = 60_000;
/** Events of history kept for watches to resume from. */
/** Requests per second a cluster accepts on average (bursts of twice that). */
const defaultRate = 500;

export type Role = "admin" | "view";

export type PlatformResult<T> = { ok: true; value: T } | { ok: false; status: Status };

export interface CreatedTokens {
  token: string;
  viewToken: string;
  expiresAt: string;
}

const table = new ResourceTable(resources);

export class ClusterObject extends DurableObject<Env> {
  private readonly records: ClusterRecordTable;
  private readonly store: Store;
  private readonly registry: RegistryStore;
  private readonly watches: WatchHub;
  private readonly api: ApiServer;
  private readonly alarms: AlarmScheduler;
  private readonly controllers: ControllerManager;
  private record: ClusterRecord | undefined;
  private readonly tokenRoles = new Map<string, Role>();
  private readonly limiter: RateLimiter;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    const sql = ctx.storage.sql;
    this.records = new ClusterRecordTable(sql);
    this.record = this.records.read();
    this.store = new Store(sql, (fn) => ctx.storage.transactionSync(fn), { coldBuckets: table.defs.filter((d) => d.cold).map(bucketOfKind) });
    this.registry = new RegistryStore(
      this.store,
      { now: nowMs, rfc3339, uid: randomUid, nameSuffix: randomNameSuffix },
      Number(env.MAX_OBJECTS ?? defaultMaxObjects) || defaultMaxObjects,
    );
    for (const check of admissionPlugins(this.registry, table)) this.registry.addAdmission(check);
    for (const def of table.defs) if (def.uncounted) this.registry.declareUncounted(def);
    this.watches = new WatchHub(this.store);
    this.api = new ApiServer({ table, registry: this.registry, watches: this.watches, now: nowMs });
    this.alarms = new AlarmScheduler(ctx.storage);
    const rate = Number(env.RATE_LIMIT_RPS ?? defaultRate) || defaultRate;
    this.limiter = new RateLimiter(rate, rate * 2);
    const indexes = new Indexes(this.store);
    const events = new EventRecorder(this.registry, table.byResource("", "v1", "events")!, rfc3339);
    this.controllers = new ControllerManager({
      registry: this.registry,
      table,
      store: this.store,
      sql,
      events,
      indexes,
      cluster: () => this.record?.spec,
      now: nowMs,
      wake: (at) => this.alarms.atOrBefore(at),
    });
  }

  /** Create this cluster (once): tokens, nodes, namespaces, system objects. */
  async create(id: string, spec: ClusterSpec): Promise<PlatformResult<CreatedTokens>> {
    if (this.record) return { ok: false, status: failure(409, "AlreadyExists", `cluster ${id} already exists`).status };
    const token = `${id}.${randomToken(32)}`;
    const viewToken = `${id}.${randomToken(32)}`;
    const now = nowMs();
    const idleDays = Number(this.env.IDLE_DAYS ?? "7");
    const record: ClusterRecord = {
      id,
      spec,
      adminTokenHash: await sha256Hex(token),
      viewTokenHash: await sha256Hex(viewToken),
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
    const nodes = this.store.list("/core/nodes/");
    const ready = nodes.filter((n) =>
      ((n.status as { conditions?: Array<{ type: string; status: string }> })?.conditions ?? []).some(
        (c) => c.type === "Ready" && c.status === "True",
      ),
    ).length;
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
        nodes: { total: nodes.length, ready },
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
    return { ok: true, value: { viewToken } };
  }

  /** Delete every object, the history and the record: the cluster's API answers 404 afterwards. */
  async destroy(token: string | undefined): Promise<PlatformResult<null>> {
    const denied = await this.deny(token, "admin");
    if (denied) return denied;
    await this.wipe();
    return { ok: true, value: null };
  }

  /** The Kubernetes API. The Worker has stripped the cluster prefix into the `x-sandbox-path` header. */
  override async fetch(request: Request): Promise<Response> {
    try {
      const path = request.headers.get("x-sandbox-path") ?? new URL(request.url).pathname;
      if (!this.record) return statusResponse(failure(404, "NotFound", "this sandbox cluster does not exist (it was deleted or has expired)").status);
      const role = await this.authenticate(bearerToken(request));
      if (!role) return statusResponse(failure(401, "Unauthorized", "Unauthorized").status);
      if (!this.limiter.take()) {
        return statusResponse(tooManyRequests(`this sandbox takes at most ${this.env.RATE_LIMIT_RPS ?? defaultRate} requests per second; slow down and retry`).status, { "Retry-After": "1" });
      }
      this.touch();
      const caller: Caller = { role, user: role === "admin" ? "sandbox:admin" : "sandbox:viewer" };
      const response = await this.api.handle(request, path, caller);
      await this.controllers.flush();
      return response;
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
      await this.wipe();
      return;
    }
    const next = this.controllers.run(now);
    await this.alarms.set(Math.min(expiresAt, next ?? Infinity));
  }

  private async wipe(): Promise<void> {
    await this.ctx.storage.deleteAll();
    this.record = undefined;
    this.tokenRoles.clear();
    this.records.createSchema();
    this.store.reset();
    this.controllers.reset();
    this.alarms.fired();
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

