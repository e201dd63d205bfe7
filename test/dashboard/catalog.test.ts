// The dashboard's view of the resource table: workload kinds, paths and links, and what it may show of a Secret.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../src/api/object";
import { coreDef, detailHref, displayable, findDef, listPath, objectPath, parseGroupVersionSegment, secretPlaceholder, workloadDefs } from "../../src/dashboard/catalog";
import { endpointsText } from "../../src/dashboard/pages/services";
import { quotaLines } from "../../src/dashboard/pages/namespaces";
import { newestFirst, type CoreEvent } from "../../src/dashboard/pages/events";

describe("catalog", () => {
  it("workloads are the pod controllers of kubectl's `all` category", () => {
    const names = workloadDefs().map((d) => `${d.group}/${d.resource}`);
    expect(names).toEqual(expect.arrayContaining(["apps/deployments", "apps/replicasets", "apps/daemonsets", "batch/jobs", "batch/cronjobs"]));
    expect(names).not.toContain("/pods");
    expect(names).not.toContain("/services");
  });

  it("paths and detail links for core and group kinds", () => {
    const deployments = findDef("apps", "v1", "deployments")!;
    expect(listPath(deployments)).toBe("/apis/apps/v1/deployments");
    expect(listPath(deployments, "team a")).toBe("/apis/apps/v1/namespaces/team%20a/deployments");
    expect(objectPath(coreDef("nodes")!, undefined, "n1")).toBe("/api/v1/nodes/n1");
    expect(detailHref(deployments, "default", "web")).toBe("objects/apps~v1/deployments/default/web");
    expect(detailHref(coreDef("nodes")!, undefined, "n1")).toBe("objects/core~v1/nodes/_/n1");
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
    } as KubeObject;
    const shown = JSON.stringify(displayable(coreDef("secrets")!, secret));
    expect(shown).not.toContain("c2VjcmV0");
    expect(displayable(coreDef("secrets")!, secret).data).toEqual({ k: secretPlaceholder });
    const cm = { metadata: { name: "c" }, data: { k: "visible" } } as KubeObject;
    expect(displayable(coreDef("configmaps")!, cm)).toBe(cm);
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
