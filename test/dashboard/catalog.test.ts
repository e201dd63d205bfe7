// The dashboard's view of the cluster's discovery: workload kinds, paths and links, and what it may show of a Secret.
import { describe, expect, it } from "vitest";
import type { APIGroupDiscoveryList } from "../../src/api/discovery";
import type { KubeObject } from "../../src/api/object";
import { aggregatedDiscovery } from "../../src/cluster/apiserver/discovery";
import { ResourceTable } from "../../src/cluster/registry/resource-table";
import { resources } from "../../src/cluster/registry/resources";
import { Catalog, detailHref, displayable, listPath, objectPath, parseGroupVersionSegment, secretPlaceholder } from "../../src/dashboard/catalog";
import { endpointsText } from "../../src/dashboard/pages/services";
import { quotaLines } from "../../src/dashboard/pages/namespaces";
import { newestFirst, type CoreEvent } from "../../src/dashboard/pages/events";

/** The catalog the dashboard builds from what a cluster's `/api` and `/apis` answer. */
const table = new ResourceTable(resources);
const catalog = Catalog.fromDiscovery([true, false].map((core) => JSON.parse(JSON.stringify(aggregatedDiscovery(table, "v2", core))) as APIGroupDiscoveryList));

describe("catalog", () => {
  it("knows every listable kind the cluster's discovery names", () => {
    expect(catalog.core("pods")).toMatchObject({ group: "", version: "v1", kind: "Pod", namespaced: true });
    expect(catalog.core("nodes")).toMatchObject({ kind: "Node", namespaced: false });
    expect(catalog.find("apps", "v1", "deployments")).toMatchObject({ kind: "Deployment", namespaced: true });
    expect(catalog.ofKind("apps/v1", "Deployment")).toBe(catalog.find("apps", "v1", "deployments"));
    expect(catalog.ofKind("v1", "Pod")).toBe(catalog.core("pods"));
    expect(catalog.find("", "v1", "bindings")).toBeUndefined();
  });

  it("workloads are the pod controllers of kubectl's `all` category", () => {
    const names = catalog.workloads().map((d) => `${d.group}/${d.resource}`);
    expect(names).toEqual(expect.arrayContaining(["apps/deployments", "apps/replicasets", "apps/daemonsets", "batch/jobs", "batch/cronjobs"]));
    expect(names).not.toContain("/pods");
    expect(names).not.toContain("/services");
  });

  it("paths and detail links for core and group kinds", () => {
    const deployments = catalog.find("apps", "v1", "deployments")!;
    expect(listPath(deployments)).toBe("/apis/apps/v1/deployments");
    expect(listPath(deployments, "team a")).toBe("/apis/apps/v1/namespaces/team%20a/deployments");
    expect(objectPath(catalog.core("nodes")!, undefined, "n1")).toBe("/api/v1/nodes/n1");
    expect(detailHref(deployments, "default", "web")).toBe("objects/apps~v1/deployments/default/web");
    expect(detailHref(catalog.core("nodes")!, undefined, "n1")).toBe("objects/core~v1/nodes/_/n1");
    expect(catalog.hrefOf({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: "default" } })).toBe("objects/apps~v1/deployments/default/web");
    expect(parseGroupVersionSegment("core~v1")).toEqual({ group: "", version: "v1" });
    expect(parseGroupVersionSegment("~v1")).toEqual({ group: "", version: "v1" });
    expect(parseGroupVersionSegment("apps~v1")).toEqual({ group: "apps", version: "v1" });
    expect(parseGroupVersionSegment("apps/v1")).toBeUndefined();
  });

  it("a Secret shows keys with a placeholder, never its values or last-applied configuration", () => {
    const secret = {
      apiVersion: "v1",
      kind: "Secret",
      metadata: { name: "s", namespace: "default", annotations: { "kubectl.kubernetes.io/last-applied-configuration": '{"data":{"k":"c2VjcmV0"}}' } },
      data: { k: "c2VjcmV0" },
      stringData: { other: "secret" },
    } as KubeObject;
    const shown = displayable(catalog.core("secrets")!, secret);
    expect(JSON.stringify(shown)).not.toMatch(/c2VjcmV0|"secret"/);
    expect(shown.data).toEqual({ k: secretPlaceholder });
    expect(shown.stringData).toEqual({ other: secretPlaceholder });
    expect(shown.metadata.annotations).toBeUndefined();
    const labelled = { ...secret, metadata: { ...secret.metadata, annotations: { note: "kept" } } } as KubeObject;
    expect(displayable(catalog.core("secrets")!, labelled).metadata.annotations).toEqual({ note: "kept" });
    const cm = { metadata: { name: "c" }, data: { k: "visible" } } as KubeObject;
    expect(displayable(catalog.core("configmaps")!, cm)).toBe(cm);
  });
});

describe("page helpers", () => {
  it("endpoints text lists ready addresses with ports and counts the not-ready", () => {
    const ep = { metadata: { name: "s" }, subsets: [{ addresses: [{ ip: "10.0.0.1" }, { ip: "10.0.0.2" }], notReadyAddresses: [{ ip: "10.0.0.3" }], ports: [{ port: 80 }] }] } as KubeObject;
    expect(endpointsText(ep)).toBe("10.0.0.1:80, 10.0.0.2:80 (+1 not ready)");
    expect(endpointsText(undefined)).toBe("none");
    expect(endpointsText({ metadata: {} } as KubeObject)).toBe("none ready");
  });

  it("quota lines are used/hard per resource", () => {
    const q = { metadata: { name: "q" }, spec: { hard: { pods: "10" } }, status: { hard: { pods: "10", cpu: "4" }, used: { pods: "3", cpu: "500m" } } } as KubeObject;
    expect(quotaLines(q)).toEqual(["cpu: 500m/4", "pods: 3/10"]);
  });

  it("events sort newest first by last timestamp", () => {
    const ev = (name: string, lastTimestamp: string) => ({ metadata: { name }, lastTimestamp }) as CoreEvent;
    expect(newestFirst([ev("a", "2026-01-01T00:00:00Z"), ev("b", "2026-01-03T00:00:00Z"), ev("c", "2026-01-02T00:00:00Z")]).map((e) => e.metadata.name)).toEqual(["b", "c", "a"]);
  });
});
