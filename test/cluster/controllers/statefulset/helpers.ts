// A whole cluster on a fake clock (test/helpers/node-cluster.ts) and the StatefulSet shapes the controller tests use.
import { expect } from "vitest";
import type { NodeCluster } from "../../../helpers/node-cluster";

export const ns = "/api/v1/namespaces/default";
export const stsPath = "/apis/apps/v1/namespaces/default/statefulsets";
const json = { "content-type": "application/json" };

export async function send(cluster: NodeCluster, method: string, path: string, body?: unknown, contentType = "application/json"): Promise<{ status: number; body: any }> {
  const res = await cluster.request(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": contentType } }) });
  return { status: res.status, body: await res.json() };
}

export async function create(cluster: NodeCluster, path: string, body: unknown): Promise<any> {
  const res = await cluster.request(path, { method: "POST", body: JSON.stringify(body), headers: json });
  const created = await res.json();
  expect(res.status, JSON.stringify(created)).toBe(201);
  return created;
}

export async function get(cluster: NodeCluster, path: string): Promise<any> {
  const { status, body } = await send(cluster, "GET", path);
  expect(status, JSON.stringify(body)).toBe(200);
  return body;
}

export async function patch(cluster: NodeCluster, path: string, body: unknown, type = "application/strategic-merge-patch+json"): Promise<any> {
  const r = await send(cluster, "PATCH", path, body, type);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

/** The nginx StatefulSet of the kubernetes.io tutorial, with a readiness probe that passes `readyAfter` seconds in. */
export function webSet(name: string, spec: Record<string, unknown> = {}, readyAfter = 0) {
  const probe = readyAfter ? { readinessProbe: { httpGet: { path: "/", port: 80 }, initialDelaySeconds: readyAfter, periodSeconds: 1 } } : {};
  return {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: { name },
    spec: {
      serviceName: "nginx",
      replicas: 2,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27", ports: [{ containerPort: 80, name: "web" }], ...probe }] } },
      ...spec,
    },
  };
}

/** A set of busybox pods that take `grace` seconds to stop (`sleep` as PID 1 ignores SIGTERM). */
export function slowStopSet(name: string, spec: Record<string, unknown> = {}, grace = 10) {
  const set = webSet(name, spec);
  set.spec.template.spec = { terminationGracePeriodSeconds: grace, containers: [{ name: "app", image: "busybox", command: ["sleep", "3600"] }] } as never;
  return set;
}

/** Pods of a set that are terminating, by name. */
export async function terminating(cluster: NodeCluster, app: string): Promise<string[]> {
  const list = await get(cluster, `${ns}/pods?labelSelector=app%3D${app}`);
  return list.items.filter((p: any) => p.metadata.deletionTimestamp).map((p: any) => p.metadata.name).sort();
}

/** The live (not terminating) pods of a set by name, sorted. */
export async function livePods(cluster: NodeCluster, app: string): Promise<any[]> {
  const list = await get(cluster, `${ns}/pods?labelSelector=app%3D${app}`);
  return list.items.filter((p: any) => !p.metadata.deletionTimestamp).sort((a: any, b: any) => a.metadata.name.localeCompare(b.metadata.name));
}

export async function podNames(cluster: NodeCluster, app: string): Promise<string[]> {
  return (await livePods(cluster, app)).map((p) => p.metadata.name);
}

export const isReady = (pod: any) => pod?.status?.phase === "Running" && (pod.status.conditions ?? []).some((c: any) => c.type === "Ready" && c.status === "True");

export async function eventsOf(cluster: NodeCluster, name: string): Promise<string[]> {
  const { body } = await send(cluster, "GET", `${ns}/events?fieldSelector=involvedObject.name%3D${name}`);
  return body.items.map((e: any) => `${e.type} ${e.reason} ${e.message}`);
}
