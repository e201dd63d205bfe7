// The manager's routing of store events (control-loop/watch-routes.ts): `for` wakes the object's own key, `owns`
// wakes the controller owner of the object and of its previous state, custom watches add their keys, a kind nobody
// watches reaches nobody, and an event's keys come in controller-list order.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { anyKind, type Controller } from "../../../src/cluster/control-loop/types";
import { keysFor, WatchRoutes } from "../../../src/cluster/control-loop/watch-routes";
import { configMaps } from "../../../src/cluster/registry/configmaps";
import { namespaces } from "../../../src/cluster/registry/namespaces";
import { pods } from "../../../src/cluster/registry/pods";
import { replicaSets } from "../../../src/cluster/registry/replicasets";
import type { StoreEvent } from "../../../src/cluster/storage/store";

const idle = { resync: () => [], reconcile: () => undefined };

function event(type: StoreEvent["type"], key: string, object: KubeObject, prev?: KubeObject): StoreEvent {
  return { rev: 1, key, type, object, ...(prev ? { prev } : {}) };
}

function pod(name: string, owner?: { kind: string; apiVersion: string; name: string }): KubeObject {
  const ownerReferences = owner ? [{ ...owner, uid: `uid-${owner.name}`, controller: true }] : undefined;
  return { apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "default", ...(ownerReferences ? { ownerReferences } : {}) } };
}

const rsOwner = (name: string) => ({ kind: "ReplicaSet", apiVersion: "apps/v1", name });

describe("watch routes", () => {
  const replicas: Controller = { name: "rs", for: replicaSets, owns: [pods], ...idle };

  it("wakes the object's own key for events of the `for` kind, deletions included unless ignored", () => {
    const rs: KubeObject = { metadata: { name: "web", namespace: "default" } };
    expect(keysFor(replicas, event("ADDED", "/apps/replicasets/default/web", rs))).toEqual(["default/web"]);
    expect(keysFor(replicas, event("DELETED", "/apps/replicasets/default/web", rs))).toEqual(["default/web"]);
    const ns: KubeObject = { metadata: { name: "team" } };
    const defaults: Controller = { name: "ns", for: namespaces, ignoreDeleted: true, ...idle };
    expect(keysFor(defaults, event("MODIFIED", "/core/namespaces/team", ns))).toEqual(["team"]);
    expect(keysFor(defaults, event("DELETED", "/core/namespaces/team", ns))).toEqual([]);
  });

  it("wakes the controller owner of an owned object, before and after, when it is of the `for` kind", () => {
    expect(keysFor(replicas, event("ADDED", "/core/pods/default/a", pod("a", rsOwner("web"))))).toEqual(["default/web"]);
    expect(keysFor(replicas, event("MODIFIED", "/core/pods/default/a", pod("a"), pod("a", rsOwner("web"))))).toEqual(["default/web"]);
    expect(keysFor(replicas, event("ADDED", "/core/pods/default/a", pod("a", { kind: "Job", apiVersion: "batch/v1", name: "web" })))).toEqual([]);
    expect(keysFor(replicas, event("ADDED", "/core/pods/default/a", pod("a", { kind: "ReplicaSet", apiVersion: "extensions/v1beta1", name: "web" })))).toEqual([]);
    expect(keysFor(replicas, event("ADDED", "/core/pods/default/a", pod("a")))).toEqual([]);
  });

  it("adds custom watches after `for` and `owns`, and `anyKind` sees every kind", () => {
    const custom: Controller = {
      ...replicas,
      watches: [
        { kind: pods, keys: (e) => [`pod:${e.object.metadata.name}`] },
        { kind: anyKind, keys: (e) => [`any:${e.key}`] },
      ],
    };
    expect(keysFor(custom, event("ADDED", "/core/pods/default/a", pod("a", rsOwner("web"))))).toEqual(["default/web", "pod:a", "any:/core/pods/default/a"]);
    expect(keysFor(custom, event("ADDED", "/core/configmaps/default/c", { metadata: { name: "c", namespace: "default" } }))).toEqual([
      "any:/core/configmaps/default/c",
    ]);
  });

  it("routes an event only to the controllers watching its kind, in list order", () => {
    const calls: string[] = [];
    const watching = (name: string, kind: typeof pods | typeof anyKind): Controller => ({
      name,
      watches: [{ kind, keys: () => (calls.push(name), [name]) }],
      ...idle,
    });
    const routes = new WatchRoutes([watching("first", pods), watching("config", configMaps), watching("all", anyKind), watching("last", pods)]);
    const woken = routes.routes("/core/pods/default/a").flatMap((r) => r.keys(event("ADDED", "/core/pods/default/a", pod("a"))));
    expect(woken).toEqual(["first", "all", "last"]);
    expect(calls).toEqual(["first", "all", "last"]);
    expect(routes.routes("/apps/deployments/default/web").map((r) => r.controller.name)).toEqual(["all"]);
  });

  it("refuses `owns` without a `for` kind", () => {
    expect(() => new WatchRoutes([{ name: "bad", owns: [pods], ...idle }])).toThrow(/no `for` kind/);
  });
});
