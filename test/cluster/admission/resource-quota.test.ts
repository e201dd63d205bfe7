// ResourceQuota admission: each refusal with Kubernetes' message (exceeded quota, failed quota: must specify), pod
// usage as Kubernetes adds it up (init containers, terminal pods), object counts, Service node ports, and scopes.
import { describe, expect, it } from "vitest";
import { nodeCluster, type NodeCluster } from "../../helpers/node-cluster";

const json = { "content-type": "application/json" };
async function send(cluster: NodeCluster, method: string, path: string, body?: unknown): Promise<{ code: number; body: any }> {
  const res = await cluster.request(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: json }) });
  return { code: res.status, body: await res.json() };
}
const core = "/api/v1/namespaces/default";

type Resources = { requests?: Record<string, string>; limits?: Record<string, string> };
function pod(name: string, containers: Record<string, Resources> = { app: {} }, extra: Record<string, unknown> = {}) {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name },
    spec: { ...extra, containers: Object.entries(containers).map(([n, resources]) => ({ name: n, image: "nginx", resources })) },
  };
}
function quota(name: string, hard: Record<string, string>, spec: Record<string, unknown> = {}) {
  return { apiVersion: "v1", kind: "ResourceQuota", metadata: { name }, spec: { hard, ...spec } };
}
async function created(cluster: NodeCluster, path: string, body: unknown) {
  const res = await send(cluster, "POST", path, body);
  expect(res.code, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
async function refused(cluster: NodeCluster, path: string, body: unknown): Promise<string> {
  const res = await send(cluster, "POST", path, body);
  expect(res.code, JSON.stringify(res.body)).toBe(403);
  expect(res.body.reason).toBe("Forbidden");
  return res.body.message;
}
const cpu = (request: string, limit?: string): Resources => ({ requests: { cpu: request, memory: "64Mi" }, limits: { cpu: limit ?? request, memory: "64Mi" } });

describe("ResourceQuota admission", () => {
  it("refuses the third pod under pods=2 with exceeded quota", async () => {
    const cluster = nodeCluster({ spec: { workers: 1 } });
    await created(cluster, `${core}/resourcequotas`, quota("myq", { pods: "2" }));
    await created(cluster, `${core}/pods`, pod("a"));
    await created(cluster, `${core}/pods`, pod("b"));
    expect(await refused(cluster, `${core}/pods`, pod("c"))).toBe(
      'pods "c" is forbidden: exceeded quota: myq, requested: pods=1, used: pods=2, limited: pods=2',
    );
  });

  it("asks for the constrained compute resources every container must state", async () => {
    const cluster = nodeCluster({ spec: { workers: 1 } });
    await created(cluster, `${core}/resourcequotas`, quota("compute", { "requests.cpu": "2", "limits.memory": "2Gi", pods: "10" }));
    expect(await refused(cluster, `${core}/pods`, pod("bare"))).toBe(
      'pods "bare" is forbidden: failed quota: compute: must specify limits.memory for: app; requests.cpu for: app',
    );
    const message = await refused(cluster, `${core}/pods`, pod("two", { web: { requests: { cpu: "100m" } }, side: {} }));
    expect(message).toBe('pods "two" is forbidden: failed quota: compute: must specify limits.memory for: side,web; requests.cpu for: side');
    await created(cluster, `${core}/pods`, pod("ok", { app: { requests: { cpu: "100m" }, limits: { memory: "64Mi" } } }));
  });

  it("adds requests and limits up, with quantities printed as Kubernetes prints them", async () => {
    const cluster = nodeCluster({ spec: { workers: 1 } });
    await created(cluster, `${core}/resourcequotas`, quota("compute", { "requests.cpu": "1", "limits.memory": "1Gi", cpu: "1" }));
    await created(cluster, `${core}/pods`, pod("a", { app: { requests: { cpu: "400m" }, limits: { memory: "512Mi" } } }));
    expect(await refused(cluster, `${core}/pods`, pod("b", { app: { requests: { cpu: "700m" }, limits: { memory: "256Mi" } } }))).toBe(
      'pods "b" is forbidden: exceeded quota: compute, requested: cpu=700m,requests.cpu=700m, used: cpu=400m,requests.cpu=400m, limited: cpu=1,requests.cpu=1',
    );
    expect(await refused(cluster, `${core}/pods`, pod("c", { app: { requests: { cpu: "100m" }, limits: { memory: "768Mi" } } }))).toBe(
      'pods "c" is forbidden: exceeded quota: compute, requested: limits.memory=768Mi, used: limits.memory=512Mi, limited: limits.memory=1Gi',
    );
  });

  it("charges init containers as the larger of the biggest one and the app containers' sum", async () => {
    const cluster = nodeCluster({ spec: { workers: 1 } });
    await created(cluster, `${core}/resourcequotas`, quota("compute", { "requests.cpu": "1" }));
    const initHeavy = pod("init", { app: { requests: { cpu: "200m" } }, side: { requests: { cpu: "200m" } } });
    (initHeavy.spec as any).initContainers = [{ name: "setup", image: "busybox", resources: { requests: { cpu: "1200m" } } }];
    expect(await refused(cluster, `${core}/pods`, initHeavy)).toBe(
      'pods "init" is forbidden: exceeded quota: compute, requested: requests.cpu=1200m, used: requests.cpu=0, limited: requests.cpu=1',
    );
    (initHeavy.spec as any).initContainers[0].resources.requests.cpu = "300m";
    await created(cluster, `${core}/pods`, initHeavy);
    expect(await refused(cluster, `${core}/pods`, pod("more", { app: { requests: { cpu: "700m" } } }))).toContain(
      "requested: requests.cpu=700m, used: requests.cpu=400m, limited: requests.cpu=1",
    );
  });

  it("does not charge pods in a terminal phase", async () => {
    const cluster = nodeCluster({ spec: { workers: 1 } });
    await created(cluster, `${core}/resourcequotas`, quota("myq", { pods: "1", "count/pods": "2" }));
    const done = await created(cluster, `${core}/pods`, pod("done"));
    const status = await send(cluster, "PUT", `${core}/pods/done/status`, { ...done, status: { phase: "Succeeded" } });
    expect(status.code).toBe(200);
    await created(cluster, `${core}/pods`, pod("next"));
    expect(await refused(cluster, `${core}/pods`, pod("third"))).toBe(
      'pods "third" is forbidden: exceeded quota: myq, requested: count/pods=1,pods=1, used: count/pods=2,pods=1, limited: count/pods=2,pods=1',
    );
  });

  it("counts objects by their legacy names and by count/<resource>.<group>", async () => {
    const cluster = nodeCluster({ spec: { workers: 1 } });
    await created(cluster, `${core}/resourcequotas`, quota("objects", { configmaps: "2", "count/deployments.apps": "1", "count/secrets": "0" }));
    // The namespace's kube-root-ca.crt ConfigMap counts.
    const existing = (await send(cluster, "GET", `${core}/configmaps`)).body.items.length;
    for (let i = existing; i < 2; i++) await created(cluster, `${core}/configmaps`, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: `c${i}` } });
    expect(await refused(cluster, `${core}/configmaps`, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "over" } })).toBe(
      'configmaps "over" is forbidden: exceeded quota: objects, requested: configmaps=1, used: configmaps=2, limited: configmaps=2',
    );
    expect(await refused(cluster, `${core}/secrets`, { apiVersion: "v1", kind: "Secret", metadata: { name: "s" } })).toBe(
      'secrets "s" is forbidden: exceeded quota: objects, requested: count/secrets=1, used: count/secrets=0, limited: count/secrets=0',
    );
    const deployment = (name: string) => ({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name },
      spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "web", image: "nginx" }] } } },
    });
    await created(cluster, "/apis/apps/v1/namespaces/default/deployments", deployment("one"));
    expect(await refused(cluster, "/apis/apps/v1/namespaces/default/deployments", deployment("two"))).toBe(
      'deployments.apps "two" is forbidden: exceeded quota: objects, requested: count/deployments.apps=1, used: count/deployments.apps=1, limited: count/deployments.apps=1',
    );
  });

  it("charges a Service its node ports and load balancer, also when an update changes its type", async () => {
    const cluster = nodeCluster({ spec: { workers: 1 } });
    await created(cluster, `${core}/resourcequotas`, quota("svc", { "services.nodeports": "1", "services.loadbalancers": "0" }));
    const service = (name: string, type: string) => ({
      apiVersion: "v1",
      kind: "Service",
      metadata: { name },
      spec: { type, selector: { app: "x" }, ports: [{ name: "a", port: 80 }, { name: "b", port: 81 }] },
    });
    expect(await refused(cluster, `${core}/services`, service("np", "NodePort"))).toBe(
      'services "np" is forbidden: exceeded quota: svc, requested: services.nodeports=2, used: services.nodeports=0, limited: services.nodeports=1',
    );
    const plain = await created(cluster, `${core}/services`, service("plain", "ClusterIP"));
    const update = await send(cluster, "PUT", `${core}/services/plain`, { ...plain, spec: { ...plain.spec, type: "LoadBalancer" } });
    expect(update.code).toBe(403);
    expect(update.body.message).toBe(
      'services "plain" is forbidden: exceeded quota: svc, requested: services.loadbalancers=1,services.nodeports=2, used: services.loadbalancers=0,services.nodeports=0, limited: services.loadbalancers=0,services.nodeports=1',
    );
  });

  it("applies a scoped quota only to the pods its scopes select, and only to pods", async () => {
    const cluster = nodeCluster({ spec: { workers: 1 } });
    await created(cluster, `${core}/resourcequotas`, quota("besteffort", { pods: "1", configmaps: "0" }, { scopes: ["BestEffort"] }));
    await created(cluster, `${core}/resourcequotas`, quota("high", { pods: "0" }, {
      scopeSelector: { matchExpressions: [{ scopeName: "PriorityClass", operator: "In", values: ["high"] }] },
    }));
    await created(cluster, "/apis/scheduling.k8s.io/v1/priorityclasses", { apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: { name: "high" }, value: 1000 });
    await created(cluster, `${core}/pods`, pod("free"));
    expect(await refused(cluster, `${core}/pods`, pod("free2"))).toBe(
      'pods "free2" is forbidden: exceeded quota: besteffort, requested: pods=1, used: pods=1, limited: pods=1',
    );
    await created(cluster, `${core}/pods`, pod("burstable", { app: cpu("100m") }));
    expect(await refused(cluster, `${core}/pods`, pod("vip", { app: cpu("100m") }, { priorityClassName: "high" }))).toBe(
      'pods "vip" is forbidden: exceeded quota: high, requested: pods=1, used: pods=0, limited: pods=0',
    );
    await created(cluster, `${core}/configmaps`, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "unscoped" } });
  });

  it("refuses by the Terminating scope, also a pod an update makes Terminating, and leaves other namespaces alone", async () => {
    const cluster = nodeCluster({ spec: { workers: 1 } });
    await created(cluster, `${core}/resourcequotas`, quota("jobs", { pods: "0" }, { scopes: ["Terminating"] }));
    expect(await refused(cluster, `${core}/pods`, pod("deadline", { app: {} }, { activeDeadlineSeconds: 60 }))).toContain("exceeded quota: jobs");
    const forever = await created(cluster, `${core}/pods`, pod("forever"));
    // An update that makes the pod Terminating moves it into the quota's scope: charged in full.
    const update = await send(cluster, "PUT", `${core}/pods/forever`, { ...forever, spec: { ...forever.spec, activeDeadlineSeconds: 60 } });
    expect(update.code, JSON.stringify(update.body)).toBe(403);
    expect(update.body.message).toBe('pods "forever" is forbidden: exceeded quota: jobs, requested: pods=1, used: pods=0, limited: pods=0');
    await created(cluster, "/api/v1/namespaces/kube-public/pods", pod("elsewhere", { app: {} }, { activeDeadlineSeconds: 60 }));
  });
});
