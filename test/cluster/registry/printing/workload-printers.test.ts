// Deployments, ReplicaSets, ReplicationControllers, DaemonSets and ControllerRevisions.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../../src/api/object";
import { printer as deployments } from "../../../../src/cluster/registry/deployments/printer";
import { printer as replicasets } from "../../../../src/cluster/registry/replicasets/printer";
import { printer as rcs } from "../../../../src/cluster/registry/replicationcontrollers/printer";
import { printer as daemonsets } from "../../../../src/cluster/registry/daemonsets/printer";
import { printer as revisions } from "../../../../src/cluster/registry/controllerrevisions/printer";

const now = Date.parse("2025-06-01T12:00:00Z");
const template = {
  metadata: { labels: { app: "web" } },
  spec: { containers: [{ name: "nginx", image: "nginx:1.27" }, { name: "log", image: "busybox" }] },
};
const obj = (spec: Record<string, unknown>, status: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): KubeObject => ({
  metadata: { name: "web", creationTimestamp: "2025-06-01T09:00:00Z" },
  spec,
  status,
  ...extra,
});

describe("deployment row", () => {
  it("READY ready/desired, UP-TO-DATE, AVAILABLE and wide cells", () => {
    const d = obj(
      { replicas: 3, selector: { matchLabels: { app: "web" } }, template },
      { replicas: 3, updatedReplicas: 3, readyReplicas: 2, availableReplicas: 2 },
    );
    expect(deployments.cells(d, now)).toEqual(["web", "2/3", 3, 2, "3h", "nginx,log", "nginx:1.27,busybox", "app=web"]);
  });

  it("a fresh deployment without status reads 0/n; an empty selector is an empty cell, a broken one <invalid>", () => {
    expect(deployments.cells(obj({ replicas: 2, template }), now).slice(1, 4)).toEqual(["0/2", 0, 0]);
    expect(deployments.cells(obj({ replicas: 1, template, selector: {} }), now)[7]).toBe("");
    const broken = { matchExpressions: [{ key: "app", operator: "Near" }] };
    expect(deployments.cells(obj({ replicas: 1, template, selector: broken }), now)[7]).toBe("<invalid>");
  });
});

describe("replicaset and replicationcontroller rows", () => {
  it("replicaset: DESIRED, CURRENT, READY, AGE, CONTAINERS, IMAGES, SELECTOR", () => {
    const rs = obj(
      { replicas: 3, selector: { matchLabels: { app: "web", "pod-template-hash": "7c5ddbdf54" } }, template },
      { replicas: 3, readyReplicas: 1 },
    );
    expect(replicasets.cells(rs, now)).toEqual([
      "web",
      3,
      3,
      1,
      "3h",
      "nginx,log",
      "nginx:1.27,busybox",
      "app=web,pod-template-hash=7c5ddbdf54",
    ]);
  });

  it("replicationcontroller: map selector, template optional", () => {
    const rc = obj({ replicas: 2, selector: { app: "web" }, template }, { replicas: 2, readyReplicas: 2 });
    expect(rcs.cells(rc, now)).toEqual(["web", 2, 2, 2, "3h", "nginx,log", "nginx:1.27,busybox", "app=web"]);
    expect(rcs.cells(obj({ replicas: 0 }), now).slice(5)).toEqual(["", "", "<none>"]);
  });
});

describe("daemonset row", () => {
  it("the five counters, NODE SELECTOR, AGE and wide cells", () => {
    const ds = obj(
      {
        selector: { matchLabels: { name: "fluentd" } },
        template: { spec: { nodeSelector: { "kubernetes.io/os": "linux" }, containers: [{ name: "fluentd", image: "fluentd:v1" }] } },
      },
      { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2 },
    );
    expect(daemonsets.cells(ds, now)).toEqual([
      "web",
      3,
      3,
      2,
      3,
      2,
      "kubernetes.io/os=linux",
      "3h",
      "fluentd",
      "fluentd:v1",
      "name=fluentd",
    ]);
    expect(daemonsets.columns.map((c) => c.name)).toEqual([
      "Name",
      "Desired",
      "Current",
      "Ready",
      "Up-to-date",
      "Available",
      "Node Selector",
      "Age",
      "Containers",
      "Images",
      "Selector",
    ]);
  });
});

describe("controllerrevision row", () => {
  const rev = (ownerReferences: unknown[]): KubeObject => ({
    metadata: { name: "fluentd-6b7f9c", creationTimestamp: "2025-06-01T11:00:00Z", ownerReferences } as KubeObject["metadata"],
    revision: 3,
  });

  it("CONTROLLER is kind.group/name of the controlling owner", () => {
    const owner = { apiVersion: "apps/v1", kind: "DaemonSet", name: "fluentd", uid: "u", controller: true };
    expect(revisions.cells(rev([owner]), now)).toEqual(["fluentd-6b7f9c", "daemonset.apps/fluentd", 3, "60m"]);
    const core = { apiVersion: "v1", kind: "Pod", name: "p", uid: "u", controller: true };
    expect(revisions.cells(rev([core]), now)[1]).toBe("pod/p");
  });

  it("<none> without a controller reference", () => {
    const notController = { apiVersion: "apps/v1", kind: "StatefulSet", name: "db", uid: "u" };
    expect(revisions.cells(rev([notController]), now)[1]).toBe("<none>");
  });
});
