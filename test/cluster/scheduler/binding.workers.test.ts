// One bind path: `POST .../pods/<name>/binding` and the scheduler both bind through the registry's pods/binding code.
// Through the API: its checks and answers; in a cluster: a pod bound by hand stays where it was put and costs the
// scheduler nothing; and the scheduler's own bind, on a pod that changed since it read it (as kube-scheduler's
// informer cache can lag), is refused by those checks and handled as kube-scheduler handles a bind error.
import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import type { CreatedCluster } from "../../../src/api/platform";
import { EventRecorder } from "../../../src/cluster/control-loop/event-recorder";
import { Indexes } from "../../../src/cluster/control-loop/indexes";
import type { ControllerContext } from "../../../src/cluster/control-loop/types";
import { keysFor } from "../../../src/cluster/control-loop/watch-routes";
import { RegistryStore } from "../../../src/cluster/registry/generic-store";
import { assignPod } from "../../../src/cluster/registry/pods/binding";
import { ResourceTable } from "../../../src/cluster/registry/resource-table";
import { resources } from "../../../src/cluster/registry/resources";
import { rfc3339 } from "../../../src/runtime/clock";
import { bindRetryMs } from "../../../src/cluster/scheduler/binding-cycle";
import { SchedulerController } from "../../../src/cluster/scheduler/controller";
import { Store } from "../../../src/cluster/storage/store";
import { paces } from "../../../src/cluster/timing";
import { coldStartMs, createCluster, kubeJson } from "../../helpers/cluster";
import { fakeClockStart } from "../../helpers/fake-clock";
import { create, getJson, settle } from "../controllers/workload-helpers";

vi.setConfig({ testTimeout: 60_000, hookTimeout: coldStartMs });

const podsPath = "/api/v1/namespaces/default/pods";

function container(cpu = "100m") {
  return { name: "app", image: "nginx:1.25", resources: { requests: { cpu } } };
}

/** A pod no scheduler of this cluster places (another scheduler's), so only the test binds it. */
function foreignPod(name: string, extra: { metadata?: Record<string, unknown>; spec?: Record<string, unknown> } = {}) {
  return { metadata: { name, ...extra.metadata }, spec: { schedulerName: "my-scheduler", containers: [container()], ...extra.spec } };
}

function binding(name: string, node: string, metadata: Record<string, unknown> = {}) {
  return { apiVersion: "v1", kind: "Binding", metadata: { name, ...metadata }, target: { apiVersion: "v1", kind: "Node", name: node } };
}

describe("the binding subresource", () => {
  let cluster: CreatedCluster;
  const bind = (pod: string, body: unknown) => kubeJson(cluster, `${podsPath}/${pod}/binding`, { method: "POST", body });

  beforeAll(async () => {
    cluster = await createCluster({ workers: 1, pace: "fast" });
  });

  it("binds an unbound pod (PodScheduled, the binding's annotations) once, then answers 409 Conflict", async () => {
    await create(cluster, podsPath, foreignPod("manual"));
    const first = await bind("manual", binding("manual", "worker-1", { annotations: { "example.com/by": "hand" } }));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ kind: "Status", status: "Success", code: 201 });
    const pod = await getJson(cluster, `${podsPath}/manual`);
    expect(pod.spec.nodeName).toBe("worker-1");
    expect(pod.metadata.annotations).toMatchObject({ "example.com/by": "hand" });
    expect(pod.status.conditions.find((c: any) => c.type === "PodScheduled")).toMatchObject({ status: "True" });

    const again = await bind("manual", binding("manual", "control-plane"));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      reason: "Conflict",
      message: `Operation cannot be fulfilled on pods/binding "manual": pod manual is already assigned to node "worker-1"`,
      details: { name: "manual", kind: "pods/binding" },
    });
    expect((await getJson(cluster, `${podsPath}/manual`)).spec.nodeName).toBe("worker-1");
  });

  it("refuses a pod being deleted, a gated pod, a missing pod and a failed uid precondition, binding nothing", async () => {
    await create(cluster, podsPath, foreignPod("held", { metadata: { finalizers: ["example.com/hold"] } }));
    expect((await kubeJson(cluster, `${podsPath}/held`, { method: "DELETE" })).status).toBe(200);
    const deleting = await bind("held", binding("held", "worker-1"));
    expect(deleting.status).toBe(409);
    expect(deleting.body.message).toBe(`Operation cannot be fulfilled on pods/binding "held": pod held is being deleted, cannot be assigned to a host`);

    await create(cluster, podsPath, foreignPod("gated", { spec: { schedulingGates: [{ name: "example.com/wait" }] } }));
    const gated = await bind("gated", binding("gated", "worker-1"));
    expect(gated.status).toBe(409);
    expect(gated.body.message).toBe(`Operation cannot be fulfilled on pods/binding "gated": pod gated has non-empty .spec.schedulingGates`);

    const missing = await bind("nobody", binding("nobody", "worker-1"));
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe(`pods "nobody" not found`);

    const pod = await create(cluster, podsPath, foreignPod("precise"));
    const stale = await bind("precise", binding("precise", "worker-1", { uid: "0badc0de-0000-0000-0000-000000000000" }));
    expect(stale.status).toBe(409);
    expect(stale.body.message).toBe(
      `Operation cannot be fulfilled on pods "precise": StorageError: invalid object, Code: 4, Key: /registry/pods/default/precise, ` +
        `ResourceVersion: 0, AdditionalErrorMsg: Precondition failed: UID in precondition: 0badc0de-0000-0000-0000-000000000000, UID in object meta: ${pod.metadata.uid}`,
    );
    for (const name of ["held", "gated", "precise"]) expect((await getJson(cluster, `${podsPath}/${name}`)).spec.nodeName).toBeUndefined();
    expect((await bind("precise", binding("precise", "worker-1", { uid: pod.metadata.uid }))).status).toBe(201);

    await kubeJson(cluster, `${podsPath}/held`, { method: "PATCH", body: { metadata: { finalizers: null } }, contentType: "application/merge-patch+json" });
  });

  it("answers 400 to a Binding for another namespace, another name or a target that is not a node", async () => {
    await create(cluster, podsPath, foreignPod("picky"));
    const elsewhere = await bind("picky", binding("picky", "worker-1", { namespace: "kube-system" }));
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.message).toBe("the namespace of the provided object does not match the namespace sent on the request");
    const renamed = await bind("picky", binding("other", "worker-1"));
    expect(renamed.status).toBe(400);
    expect(renamed.body.message).toBe("name in URL does not match name in Binding object");
    const notNode = await bind("picky", { ...binding("picky", "worker-1"), target: { kind: "Pod", name: "worker-1" } });
    expect(notNode.status).toBe(400);
    expect((await getJson(cluster, `${podsPath}/picky`)).spec.nodeName).toBeUndefined();
  });
});

describe("the scheduler and pods bound by hand", () => {
  let cluster: CreatedCluster;
  let t = fakeClockStart();

  beforeAll(async () => {
    // One worker with 2 CPUs; the control plane is tainted, so the worker is the only place for user pods.
    cluster = await createCluster({ workers: 1, pace: "fast", nodeResources: { cpu: "2", memory: "4Gi", pods: 110 } });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  async function schedulerEvents(name: string): Promise<any[]> {
    const list = await getJson(cluster, `/api/v1/namespaces/default/events?fieldSelector=${encodeURIComponent(`involvedObject.name=${name}`)}`);
    return list.items.filter((e: any) => e.source?.component === "default-scheduler");
  }

  it("leaves a pod bound through pods/binding or spec.nodeName where it is, counts it, and settles", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(t);
    // Both created while no alarm runs (the fake clock is ahead of workerd's): the scheduler sees them bound.
    await create(cluster, podsPath, { metadata: { name: "by-binding" }, spec: { containers: [container("1")] } });
    const bound = await kubeJson(cluster, `${podsPath}/by-binding/binding`, { method: "POST", body: binding("by-binding", "worker-1") });
    expect(bound.status).toBe(201);
    await create(cluster, podsPath, { metadata: { name: "by-spec" }, spec: { nodeName: "worker-1", containers: [container("500m")] } });
    // Fits only if the scheduler does not count the two pods above on worker-1 (2 CPUs, 1.5 taken).
    await create(cluster, podsPath, { metadata: { name: "too-much" }, spec: { containers: [container("1")] } });

    for (let at = 0; at <= 2000; at += 500) await settle(cluster, t + at);
    t += 2000;

    for (const name of ["by-binding", "by-spec"]) {
      const pod = await getJson(cluster, `${podsPath}/${name}`);
      expect(pod.spec.nodeName).toBe("worker-1");
      expect(pod.status.phase).toBe("Running");
      expect(await schedulerEvents(name)).toEqual([]);
    }
    const waiting = await getJson(cluster, `${podsPath}/too-much`);
    expect(waiting.spec.nodeName).toBeUndefined();
    expect(waiting.status.conditions.find((c: any) => c.type === "PodScheduled")).toMatchObject({ status: "False", reason: "Unschedulable" });
    expect((await schedulerEvents("too-much")).map((e) => [e.reason, e.count])).toEqual([["FailedScheduling", 1]]);
  });
});

/**
 * The scheduler over a fresh store, driven by hand. `ctx(meanwhile)` runs `meanwhile` right after the scheduler's
 * first read of a pod: someone else changes the pod between the scheduler's read and its bind.
 */
function withScheduler<T>(fn: (h: { registry: RegistryStore; scheduler: SchedulerController; ctx: (meanwhile?: () => void) => ControllerContext }) => T): Promise<T> {
  return runInDurableObject(env.CLUSTER.getByName(`binding-test-${crypto.randomUUID()}`), (_instance, state) => {
    const store = new Store(state.storage.sql, (f) => state.storage.transactionSync(f));
    store.reset();
    let n = 0;
    const now = 1_000_000;
    const registry = new RegistryStore(store, { now: () => now, rfc3339, uid: () => `uid-${n++}`, nameSuffix: () => `s${n++}` });
    const table = new ResourceTable(resources);
    const scheduler = new SchedulerController();
    // As the manager does: every write reaches the scheduler's event handlers (its cache stays current).
    store.subscribe((events) => events.forEach((e) => keysFor(scheduler, e)));
    const events = new EventRecorder(registry, table.byResource("", "v1", "events")!, rfc3339);
    const indexes = new Indexes(store);
    const cluster = { name: "sandbox", workers: 1, nodeResources: { cpu: "1", memory: "4Gi", pods: 110 }, pace: "fast" as const };
    const changing = (meanwhile: () => void): RegistryStore => {
      let pending: (() => void) | undefined = meanwhile;
      return new Proxy(registry, {
        get(target, prop) {
          if (prop === "tryGet") {
            return (def: any, ns: string | undefined, name: string) => {
              const found = target.tryGet(def, ns, name);
              const run = def.resource === "pods" ? pending : undefined;
              if (run) (pending = undefined), run();
              return found;
            };
          }
          const value = Reflect.get(target, prop, target);
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
    };
    const ctx = (meanwhile?: () => void): ControllerContext => ({
      registry: meanwhile ? changing(meanwhile) : registry,
      table,
      now,
      timing: paces.fast,
      events,
      indexes,
      cluster,
    });
    const nodes = table.byResource("", "v1", "nodes")!;
    const allocatable = { cpu: "1", memory: "4Gi", pods: "110" };
    registry.create(nodes, undefined, { apiVersion: "v1", kind: "Node", metadata: { name: "worker-1" }, status: { capacity: allocatable, allocatable } });
    return fn({ registry, scheduler, ctx });
  });
}

const pods = new ResourceTable(resources).byResource("", "v1", "pods")!;

function cpuPod(name: string, metadata: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "default", ...metadata }, spec: { containers: [container("1")] } };
}

function schedulerEventsOf(registry: RegistryStore, name: string): Array<{ reason: string; message: string }> {
  const events = registry.list(new ResourceTable(resources).byResource("", "v1", "events")!, "default") as any[];
  return events.filter((e) => e.involvedObject.name === name && e.source?.component === "default-scheduler");
}

const refusal = (why: string) => `running Bind plugin "DefaultBinder": ${why}`;

describe("the scheduler's bind goes through the binding checks", () => {
  it("does not bind a pod deleted since it was read, records the refusal, and frees the room it had assumed", () =>
    withScheduler(({ registry, scheduler, ctx }) => {
      registry.create(pods, "default", cpuPod("doomed", { finalizers: ["example.com/hold"] }));
      const deleted = () => registry.delete(pods, "default", "doomed");

      expect(scheduler.reconcile("default/doomed", ctx(deleted))).toBeUndefined();
      const doomed = registry.get(pods, "default", "doomed") as any;
      expect(doomed.metadata.deletionTimestamp).toBeDefined();
      expect(doomed.spec.nodeName).toBeUndefined();
      const message = refusal(`Operation cannot be fulfilled on pods/binding "doomed": pod doomed is being deleted, cannot be assigned to a host`);
      expect(doomed.status.conditions.find((c: any) => c.type === "PodScheduled")).toMatchObject({ status: "False", reason: "SchedulerError", message });
      expect(schedulerEventsOf(registry, "doomed")).toMatchObject([{ reason: "FailedScheduling", type: "Warning", message }]);

      // Its whole CPU is free again: the next pod takes it.
      registry.create(pods, "default", cpuPod("next"));
      scheduler.reconcile("default/next", ctx());
      expect((registry.get(pods, "default", "next").spec as any).nodeName).toBe("worker-1");
    }));

  it("does not re-bind a pod bound by hand since it was read, and leaves its PodScheduled alone", () =>
    withScheduler(({ registry, scheduler, ctx }) => {
      registry.create(pods, "default", cpuPod("claimed"));
      const boundByHand = () => assignPod(registry, { namespace: "default", name: "claimed", node: "elsewhere" });

      expect(scheduler.reconcile("default/claimed", ctx(boundByHand))).toBeUndefined();
      const claimed = registry.get(pods, "default", "claimed") as any;
      expect(claimed.spec.nodeName).toBe("elsewhere");
      expect(claimed.status.conditions.find((c: any) => c.type === "PodScheduled")).toMatchObject({ status: "True" });
      expect(schedulerEventsOf(registry, "claimed").map((e) => e.message)).toEqual([
        refusal(`Operation cannot be fulfilled on pods/binding "claimed": pod claimed is already assigned to node "elsewhere"`),
      ]);
    }));

  it("retries after a back-off a pod recreated under the same name (the uid precondition fails), then binds it", () =>
    withScheduler(({ registry, scheduler, ctx }) => {
      const first = registry.create(pods, "default", cpuPod("reborn"));
      let reborn: KubeObject | undefined;
      const recreated = () => {
        registry.delete(pods, "default", "reborn");
        reborn = registry.create(pods, "default", cpuPod("reborn"));
      };

      const result = scheduler.reconcile("default/reborn", ctx(recreated));
      expect(result).toEqual({ requeueAt: ctx().now + bindRetryMs });
      const waiting = registry.get(pods, "default", "reborn") as any;
      expect(waiting.spec.nodeName).toBeUndefined();
      expect(waiting.status.conditions.find((c: any) => c.type === "PodScheduled")).toMatchObject({
        status: "False",
        reason: "SchedulerError",
        message: refusal(
          `Operation cannot be fulfilled on pods "reborn": StorageError: invalid object, Code: 4, Key: /registry/pods/default/reborn, ResourceVersion: 0, ` +
            `AdditionalErrorMsg: Precondition failed: UID in precondition: ${first.metadata.uid}, UID in object meta: ${reborn!.metadata.uid}`,
        ),
      });

      expect(scheduler.reconcile("default/reborn", ctx())).toBeUndefined();
      const bound = registry.get(pods, "default", "reborn") as any;
      expect(bound.spec.nodeName).toBe("worker-1");
      expect(bound.status.conditions.find((c: any) => c.type === "PodScheduled")).toMatchObject({ status: "True" });
    }));
});
