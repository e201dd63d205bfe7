// Ingress, IngressClass and NetworkPolicy through the API as kubectl uses them: create with defaults (the default
// class, policyTypes, protocols), the apiserver's 422s, the Tables of kubectl get, get/list/delete.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../../../src/api/platform";
import { coldStartMs, createCluster, kubeJson } from "../../../helpers/cluster";

vi.setConfig({ testTimeout: 30_000, hookTimeout: coldStartMs });

let cluster: CreatedCluster;
const networking = "/apis/networking.k8s.io/v1";
const ingresses = `${networking}/namespaces/default/ingresses`;
const policies = `${networking}/namespaces/default/networkpolicies`;
const tableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";
type Row = { cells: unknown[] };

beforeAll(async () => {
  cluster = await createCluster({ pace: "fast" });
});

describe("IngressClass", () => {
  it("lists the built-in default class nginx as kubectl get ingressclass prints it", async () => {
    const { body } = await kubeJson(cluster, `${networking}/ingressclasses`, { accept: tableAccept });
    expect(body.columnDefinitions.map((c: { name: string }) => c.name)).toEqual(["Name", "Controller", "Parameters", "Age"]);
    expect(body.rows.map((r: Row) => r.cells.slice(0, 3))).toEqual([["nginx", "k8s.io/ingress-nginx", "<none>"]]);
  });

  it("refuses a class without a controller and a change of controller", async () => {
    const missing = await kubeJson(cluster, `${networking}/ingressclasses`, { method: "POST", body: { metadata: { name: "bad" }, spec: {} } });
    expect(missing.status).toBe(422);
    expect(missing.body.message).toBe('IngressClass.networking.k8s.io "bad" is invalid: spec.controller: Required value');
    const { body: nginx } = await kubeJson(cluster, `${networking}/ingressclasses/nginx`);
    const changed = await kubeJson(cluster, `${networking}/ingressclasses/nginx`, { method: "PUT", body: { ...nginx, spec: { controller: "example.com/other" } } });
    expect(changed.status).toBe(422);
    expect(changed.body.message).toContain('spec.controller: Invalid value: "example.com/other": field is immutable');
  });
});

describe("Ingress", () => {
  const web = {
    apiVersion: "networking.k8s.io/v1",
    kind: "Ingress",
    metadata: { name: "web" },
    spec: {
      tls: [{ hosts: ["web.test"], secretName: "web-tls" }],
      rules: [{ host: "web.test", http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "web", port: { number: 80 } } } }] } }],
    },
  };

  it("is created with the default class and an empty status", async () => {
    const { status, body } = await kubeJson(cluster, ingresses, { method: "POST", body: web });
    expect(status).toBe(201);
    expect(body.spec.ingressClassName).toBe("nginx");
    expect(body.status).toEqual({ loadBalancer: {} });
    expect(body.metadata.generation).toBe(1);
  });

  it("refuses what the apiserver refuses, with its messages", async () => {
    const { status, body } = await kubeJson(cluster, ingresses, {
      method: "POST",
      body: { metadata: { name: "bad" }, spec: { rules: [{ host: "*", http: { paths: [{ path: "api", pathType: "Exact", backend: { service: { name: "api", port: {} } } }] } }] } },
    });
    expect(status).toBe(422);
    expect(body.details.causes.map((c: { field: string }) => c.field)).toEqual(["spec.rules[0].host", "spec.rules[0].http.paths[0].path", "spec.rules[0].http.paths[0].backend"]);
    expect(body.message).toMatch(/^Ingress\.networking\.k8s\.io "bad" is invalid: \[spec\.rules\[0\]\.host: Invalid value: "\*": a wildcard DNS-1123 subdomain/);
  });

  it("prints the columns of kubectl get ingress", async () => {
    const { body } = await kubeJson(cluster, ingresses, { accept: tableAccept });
    expect(body.columnDefinitions.map((c: { name: string }) => c.name)).toEqual(["Name", "Class", "Hosts", "Address", "Ports", "Age"]);
    const [row] = body.rows as Row[];
    expect(row.cells.slice(0, 3)).toEqual(["web", "nginx", "web.test"]);
    expect(row.cells[4]).toBe("80, 443");
  });

  it("is listed by discovery with its short name and deleted", async () => {
    const { body } = await kubeJson(cluster, networking);
    expect(body.resources.map((r: { name: string }) => r.name)).toEqual(["ingressclasses", "ingresses", "ingresses/status", "networkpolicies"]);
    expect((await kubeJson(cluster, `${ingresses}/web`, { method: "DELETE" })).status).toBe(200);
    expect((await kubeJson(cluster, `${ingresses}/web`)).status).toBe(404);
  });
});

describe("NetworkPolicy", () => {
  it("is created with policyTypes and protocols defaulted", async () => {
    const { status, body } = await kubeJson(cluster, policies, {
      method: "POST",
      body: {
        metadata: { name: "db" },
        spec: { podSelector: { matchLabels: { app: "db" } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: "web" } } }], ports: [{ port: 5432 }] }], egress: [{}] },
      },
    });
    expect(status).toBe(201);
    expect(body.spec.policyTypes).toEqual(["Ingress", "Egress"]);
    expect(body.spec.ingress[0].ports).toEqual([{ protocol: "TCP", port: 5432 }]);
    const denyAll = await kubeJson(cluster, policies, { method: "POST", body: { metadata: { name: "deny-all" }, spec: { podSelector: {} } } });
    expect(denyAll.body.spec).toEqual({ podSelector: {}, policyTypes: ["Ingress"] });
  });

  it("refuses an ipBlock whose exception is outside it", async () => {
    const { status, body } = await kubeJson(cluster, policies, {
      method: "POST",
      body: { metadata: { name: "bad" }, spec: { podSelector: {}, egress: [{ to: [{ ipBlock: { cidr: "10.0.0.0/16", except: ["10.1.0.0/24"] } }] }] } },
    });
    expect(status).toBe(422);
    expect(body.message).toBe('NetworkPolicy.networking.k8s.io "bad" is invalid: spec.egress[0].to[0].ipBlock.except[0]: Invalid value: "10.1.0.0/24": must be a strict subset of `cidr`');
  });

  it("prints the columns of kubectl get netpol, then is deleted", async () => {
    const { body } = await kubeJson(cluster, policies, { accept: tableAccept });
    expect(body.rows.map((r: Row) => r.cells.slice(0, 2))).toEqual([["db", "app=db"], ["deny-all", "<none>"]]);
    expect((await kubeJson(cluster, `${policies}/db`, { method: "DELETE" })).status).toBe(200);
    const list = await kubeJson(cluster, policies);
    expect(list.body.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(["deny-all"]);
  });
});
