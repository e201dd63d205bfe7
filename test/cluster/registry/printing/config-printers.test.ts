// Namespaces, ConfigMaps, Secrets, ServiceAccounts, Leases, ResourceQuotas, LimitRanges and PodTemplates.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../../../src/api/object";
import { printer as namespaces } from "../../../../src/cluster/registry/namespaces/printer";
import { printer as configmaps } from "../../../../src/cluster/registry/configmaps/printer";
import { printer as secrets } from "../../../../src/cluster/registry/secrets/printer";
import { printer as serviceaccounts } from "../../../../src/cluster/registry/serviceaccounts/printer";
import { printer as leases } from "../../../../src/cluster/registry/leases/printer";
import { printer as quotas } from "../../../../src/cluster/registry/resourcequotas/printer";
import { printer as limitranges } from "../../../../src/cluster/registry/limitranges/printer";
import { printer as podtemplates } from "../../../../src/cluster/registry/podtemplates/printer";

const now = Date.parse("2025-06-01T12:00:00Z");
const meta = { name: "x", creationTimestamp: "2025-06-01T11:59:15Z" };
const of = (fields: Record<string, unknown>): KubeObject => ({ metadata: meta, ...fields });

describe("simple rows", () => {
  it("namespace STATUS is the phase", () => {
    expect(namespaces.cells(of({ status: { phase: "Terminating" } }), now)).toEqual(["x", "Terminating", "45s"]);
  });

  it("configmap DATA counts data and binaryData", () => {
    expect(configmaps.cells(of({ data: { a: "1", b: "2" }, binaryData: { c: "AA==" } }), now)).toEqual(["x", 3, "45s"]);
    expect(configmaps.cells(of({}), now)).toEqual(["x", 0, "45s"]);
  });

  it("secret TYPE and DATA", () => {
    expect(secrets.cells(of({ type: "kubernetes.io/tls", data: { "tls.crt": "", "tls.key": "" } }), now)).toEqual([
      "x",
      "kubernetes.io/tls",
      2,
      "45s",
    ]);
  });

  it("serviceaccount SECRETS counts references", () => {
    expect(serviceaccounts.cells(of({ secrets: [{ name: "tok" }] }), now)).toEqual(["x", 1, "45s"]);
    expect(serviceaccounts.cells(of({}), now)[1]).toBe(0);
  });

  it("lease HOLDER, empty when unheld", () => {
    expect(leases.cells(of({ spec: { holderIdentity: "node-1" } }), now)).toEqual(["x", "node-1", "45s"]);
    expect(leases.cells(of({ spec: {} }), now)[1]).toBe("");
  });
});

describe("resourcequota REQUEST / LIMIT", () => {
  it("sorted resource: used/hard pairs, limits.* in LIMIT, missing usage as 0", () => {
    const q = of({
      status: {
        hard: { pods: "10", "requests.cpu": "1", "limits.memory": "2Gi", "limits.cpu": "2" },
        used: { pods: "3", "requests.cpu": "500m" },
      },
    });
    expect(quotas.cells(q, now)).toEqual(["x", "pods: 3/10, requests.cpu: 500m/1", "limits.cpu: 0/2, limits.memory: 0/2Gi", "45s"]);
  });

  it("empty before the quota controller fills status", () => {
    expect(quotas.cells(of({ spec: { hard: { pods: "1" } } }), now).slice(1, 3)).toEqual(["", ""]);
  });
});

describe("limitrange default table", () => {
  it("NAME and CREATED AT as an RFC 3339 UTC date", () => {
    expect(limitranges.columns.map((c) => [c.name, c.type])).toEqual([
      ["Name", "string"],
      ["Created At", "date"],
    ]);
    const lr = { metadata: { name: "limits", creationTimestamp: "2025-05-01T12:30:00.250+02:00" } };
    expect(limitranges.cells(lr, now)).toEqual(["limits", "2025-05-01T10:30:00Z"]);
  });
});

describe("podtemplate row", () => {
  it("CONTAINERS, IMAGES, POD LABELS and no AGE", () => {
    const pt = of({
      template: {
        metadata: { labels: { tier: "web", app: "shop" } },
        spec: { containers: [{ name: "a", image: "img-a" }, { name: "b", image: "img-b" }] },
      },
    });
    expect(podtemplates.cells(pt, now)).toEqual(["x", "a,b", "img-a,img-b", "app=shop,tier=web"]);
    expect(podtemplates.columns.map((c) => c.name)).toEqual(["Name", "Containers", "Images", "Pod Labels"]);
  });
});
