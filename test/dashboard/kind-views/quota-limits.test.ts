// ResourceQuota (Used / Hard), LimitRange (kubectl describe's limits table) and a namespace's page showing both.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../src/api/object";
import { LimitsTable, limitRows } from "../../../src/dashboard/kind-views/limit-range";
import { namespaceView } from "../../../src/dashboard/kind-views/namespace";
import { QuotaTable, quotaRows, resourceQuotaView } from "../../../src/dashboard/kind-views/resource-quota";
import { kindViewOf } from "../../../src/dashboard/kind-views/registry";
import { liveKinds } from "../../../src/dashboard/live";
import { catalog, fakeClient, html, kindDef, pageContext, tableAfter, text } from "./render";

const quota = (spec: Record<string, unknown>, status?: Record<string, unknown>, name = "myq"): KubeObject => ({
  apiVersion: "v1",
  kind: "ResourceQuota",
  metadata: { name, namespace: "team-a" },
  spec,
  ...(status ? { status } : {}),
});

// `kubectl create quota myq --hard=pods=2,requests.cpu=1,requests.memory=1Gi` with two pods of 600m/128Mi... counted.
const counted = quota(
  { hard: { pods: "2", "requests.cpu": "1", "requests.memory": "1Gi" } },
  { hard: { pods: "2", "requests.cpu": "1", "requests.memory": "1Gi" }, used: { pods: "2", "requests.cpu": "600m", "requests.memory": "128Mi" } },
);

// kubernetes.io "Configure Default Memory Requests and Limits" and "Minimum and Maximum CPU Constraints" together.
const limitRange: KubeObject = {
  apiVersion: "v1",
  kind: "LimitRange",
  metadata: { name: "limits", namespace: "team-a" },
  spec: {
    limits: [
      { type: "Container", default: { memory: "512Mi", cpu: "800m" }, defaultRequest: { memory: "256Mi" }, max: { cpu: "800m" }, min: { cpu: "200m" }, maxLimitRequestRatio: { cpu: "4" } },
      { type: "Pod", max: { memory: "2Gi" } },
      { type: "PersistentVolumeClaim", min: { storage: "1Gi" }, max: { storage: "2Gi" } },
    ],
  },
};

describe("ResourceQuota", () => {
  it("shows Used and Hard per resource from the status, sorted as kubectl describe quota prints them", async () => {
    const markup = await html(QuotaTable, { ctx: pageContext(), quota: counted });
    expect(tableAfter(markup, "Used and hard limits")).toEqual([
      ["pods", "2 at limit", "2"],
      ["requests.cpu", "600m", "1"],
      ["requests.memory", "128Mi", "1Gi"],
    ]);
  });

  it("a resource the controller counted nothing of is 0 used", () => {
    expect(quotaRows(quota({ hard: { secrets: "5" } }, { hard: { secrets: "5" }, used: {} }))).toEqual([{ resource: "secrets", used: "0", hard: "5", full: false }]);
  });

  it("a quota without status (not counted yet) shows its spec's limits with nothing used, and says so", async () => {
    const fresh = quota({ hard: { pods: "4" }, scopes: ["BestEffort"] });
    const markup = await html(QuotaTable, { ctx: pageContext(), quota: fresh });
    expect(tableAfter(markup, "Used and hard limits")).toEqual([["pods", "-", "4"]]);
    expect(text(markup)).toContain("Scopes: BestEffort. Not counted yet: the quota controller fills Used within seconds.");
    const empty = await html(QuotaTable, { ctx: pageContext(), quota: { apiVersion: "v1", kind: "ResourceQuota", metadata: { name: "e" } } });
    expect(text(empty)).toContain("This quota limits nothing.");
  });

  it("is the quota kind's view", async () => {
    expect(kindViewOf(kindDef("", "resourcequotas"))).toBe(resourceQuotaView);
    expect(tableAfter(await html(await resourceQuotaView.sections(pageContext(), counted)), "Used and hard limits")).toHaveLength(3);
  });
});

describe("LimitRange", () => {
  it("lists type, resource, min, max, default request, default limit and ratio per resource, `-` where unset", async () => {
    const markup = await html(LimitsTable, { ctx: pageContext(), range: limitRange });
    expect(text(markup)).toContain("Type Resource Min Max Default Request Default Limit Max Limit/Request Ratio");
    expect(tableAfter(markup, "Limits")).toEqual([
      ["Container", "cpu", "200m", "800m", "-", "800m", "4"],
      ["Container", "memory", "-", "-", "256Mi", "512Mi", "-"],
      ["Pod", "memory", "-", "2Gi", "-", "-", "-"],
      ["PersistentVolumeClaim", "storage", "1Gi", "2Gi", "-", "-", "-"],
    ]);
  });

  it("a LimitRange without spec renders a note", async () => {
    const bare: KubeObject = { apiVersion: "v1", kind: "LimitRange", metadata: { name: "bare" } };
    expect(limitRows(bare)).toEqual([]);
    expect(text(await html(LimitsTable, { ctx: pageContext(), range: bare }))).toContain("This LimitRange sets no limits.");
  });
});

describe("a namespace's page", () => {
  it("shows each quota's Used / Hard table and each LimitRange's limits, linked to their pages", async () => {
    const other = quota({ hard: { "count/configmaps": "10" } }, { hard: { "count/configmaps": "10" }, used: { "count/configmaps": "1" } }, "objects");
    const { client, asked } = fakeClient({
      "/api/v1/namespaces/team-a/resourcequotas": [counted, other],
      "/api/v1/namespaces/team-a/limitranges": [limitRange],
    });
    const ns: KubeObject = { apiVersion: "v1", kind: "Namespace", metadata: { name: "team-a" } };
    const markup = await html(await kindViewOf(kindDef("", "namespaces"))!.sections(pageContext(client), ns));
    expect(asked.sort()).toEqual(["/api/v1/namespaces/team-a/limitranges", "/api/v1/namespaces/team-a/resourcequotas"]);
    expect(tableAfter(markup, "ResourceQuota myq")).toEqual([
      ["pods", "2 at limit", "2"],
      ["requests.cpu", "600m", "1"],
      ["requests.memory", "128Mi", "1Gi"],
    ]);
    expect(tableAfter(markup, "ResourceQuota objects")).toEqual([["count/configmaps", "1", "10"]]);
    expect(tableAfter(markup, "LimitRange limits")[0]).toEqual(["Container", "cpu", "200m", "800m", "-", "800m", "4"]);
    expect(markup).toContain('href="../../../../objects/core~v1/resourcequotas/team-a/myq"');
    expect(markup).toContain('href="../../../../objects/core~v1/limitranges/team-a/limits"');
  });

  it("a namespace without quotas or LimitRanges says so", async () => {
    const ns: KubeObject = { apiVersion: "v1", kind: "Namespace", metadata: { name: "free" } };
    const shown = text(await html(await namespaceView.sections(pageContext(), ns)));
    expect(shown).toContain("ResourceQuotas (0) No ResourceQuota");
    expect(shown).toContain("LimitRanges (0) No LimitRange");
  });

  it("updates live when a quota or LimitRange changes", () => {
    const kinds = liveKinds(catalog, "objects", kindDef("", "namespaces")).map((d) => d.resource);
    expect(kinds).toEqual(expect.arrayContaining(["namespaces", "resourcequotas", "limitranges", "pods", "events"]));
  });
});
