// LimitRanger admission on a cluster: a LimitRange's Container defaults fill the limits and requests a new pod's
// containers and init containers lack (with the kubernetes.io/limit-ranger annotation), and min, max and
// maxLimitRequestRatio of Container and Pod items refuse pods with Kubernetes' messages; updates are not judged.
import { describe, expect, it } from "vitest";
import { nodeCluster, type NodeCluster } from "../../helpers/node-cluster";

const json = { "content-type": "application/json" };
async function send(cluster: NodeCluster, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await cluster.request(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: json }) });
  return { status: res.status, body: await res.json() };
}
const limitRangesPath = "/api/v1/namespaces/default/limitranges";
const podsPath = "/api/v1/namespaces/default/pods";

type Resources = { requests?: Record<string, string>; limits?: Record<string, string> };
type Item = { type: string } & Partial<Record<"max" | "min" | "default" | "defaultRequest" | "maxLimitRequestRatio", Record<string, string>>>;

const limitRange = (name: string, limits: Item[]) => ({ apiVersion: "v1", kind: "LimitRange", metadata: { name }, spec: { limits } });
const container = (name: string, resources: Resources = {}) => ({ name, image: "nginx:1.25", resources });
const pod = (name: string, containers: unknown[], initContainers?: unknown[]) => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name },
  spec: { containers, ...(initContainers ? { initContainers } : {}) },
});

async function withLimits(...items: Item[]): Promise<NodeCluster> {
  const cluster = nodeCluster({ spec: { workers: 1 } });
  const created = await send(cluster, "POST", limitRangesPath, limitRange("limits", items));
  expect(created.status).toBe(201);
  return cluster;
}

async function refusal(cluster: NodeCluster, body: unknown): Promise<[number, string]> {
  const { status, body: answer } = await send(cluster, "POST", podsPath, body);
  return [status, answer.message];
}

describe("LimitRanger admission: defaults", () => {
  it("gives a container with `resources: {}` the default limits and requests, and says so in the annotation", async () => {
    const cluster = await withLimits({ type: "Container", default: { cpu: "500m", memory: "256Mi" }, defaultRequest: { cpu: "100m", memory: "128Mi" } });
    const { status, body } = await send(cluster, "POST", podsPath, pod("app", [container("app")]));
    expect(status).toBe(201);
    expect(body.spec.containers[0].resources).toEqual({ limits: { cpu: "500m", memory: "256Mi" }, requests: { cpu: "100m", memory: "128Mi" } });
    expect(body.metadata.annotations["kubernetes.io/limit-ranger"]).toBe(
      "LimitRanger plugin set: cpu, memory request for container app; cpu, memory limit for container app",
    );
    expect(body.status.qosClass).toBe("Burstable");
  });

  it("requests the default limit when the LimitRange has no default request (its own defaulting)", async () => {
    const cluster = await withLimits({ type: "Container", default: { memory: "512Mi" } });
    const { body } = await send(cluster, "POST", podsPath, pod("app", [container("app")]));
    expect(body.spec.containers[0].resources).toEqual({ limits: { memory: "512Mi" }, requests: { memory: "512Mi" } });
    expect(body.status.qosClass).toBe("Burstable");
  });

  it("fills only what each container and init container lacks, containers first in the annotation", async () => {
    const cluster = await withLimits({ type: "Container", default: { cpu: "500m", memory: "256Mi" }, defaultRequest: { cpu: "100m", memory: "128Mi" } });
    const body = pod("mixed", [container("app", { requests: { cpu: "200m" } }), container("full", { limits: { cpu: "300m", memory: "64Mi" } })], [container("init")]);
    const created = (await send(cluster, "POST", podsPath, body)).body;
    const [app, full] = created.spec.containers;
    expect(app.resources).toEqual({ limits: { cpu: "500m", memory: "256Mi" }, requests: { cpu: "200m", memory: "128Mi" } });
    // The apiserver's defaults already requested the limits it had.
    expect(full.resources).toEqual({ limits: { cpu: "300m", memory: "64Mi" }, requests: { cpu: "300m", memory: "64Mi" } });
    expect(created.spec.initContainers[0].resources).toEqual({ limits: { cpu: "500m", memory: "256Mi" }, requests: { cpu: "100m", memory: "128Mi" } });
    expect(created.metadata.annotations["kubernetes.io/limit-ranger"]).toBe(
      "LimitRanger plugin set: memory request for container app; cpu, memory limit for container app; " +
        "cpu, memory request for init container init; cpu, memory limit for init container init",
    );
  });

  it("leaves pods of other namespaces, and pod updates, alone", async () => {
    const cluster = nodeCluster({ spec: { workers: 1 } });
    expect((await send(cluster, "POST", podsPath, pod("before", [container("app")]))).status).toBe(201);
    await send(cluster, "POST", limitRangesPath, limitRange("limits", [{ type: "Container", max: { cpu: "100m" } }]));
    const other = await send(cluster, "POST", "/api/v1/namespaces/kube-system/pods", pod("elsewhere", [container("app")]));
    expect(other.body.spec.containers[0].resources).toEqual({});
    const stored = (await send(cluster, "GET", `${podsPath}/before`)).body;
    stored.metadata.labels = { touched: "yes" };
    const updated = await send(cluster, "PUT", `${podsPath}/before`, stored);
    expect(updated.status).toBe(200);
    expect(updated.body.spec.containers[0].resources).toEqual({});
  });

  it("refuses, as pod validation does, a request above the default limit it was given", async () => {
    const cluster = await withLimits({ type: "Container", default: { cpu: "500m" } });
    expect(await refusal(cluster, pod("greedy", [container("app", { requests: { cpu: "1" } })]))).toEqual([
      422,
      'Pod "greedy" is invalid: spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m',
    ]);
  });
});

describe("LimitRanger admission: min, max and ratio", () => {
  it("refuses a container over its max with every violation listed", async () => {
    const cluster = await withLimits({ type: "Container", max: { cpu: "500m", memory: "1Gi" } });
    expect(await refusal(cluster, pod("big", [container("app", { limits: { cpu: "1", memory: "2Gi" } })]))).toEqual([
      403,
      'pods "big" is forbidden: [maximum cpu usage per Container is 500m, but limit is 1, maximum memory usage per Container is 1Gi, but limit is 2Gi]',
    ]);
    // The max is also the default limit (and request) of a container that names none.
    const small = (await send(cluster, "POST", podsPath, pod("small", [container("app")]))).body;
    expect(small.spec.containers[0].resources.limits).toEqual({ cpu: "500m", memory: "1Gi" });
  });

  it("refuses a request under the min, in an init container too", async () => {
    const cluster = await withLimits({ type: "Container", min: { memory: "100Mi" } });
    expect(await refusal(cluster, pod("tiny", [container("app")], [container("init", { requests: { memory: "50Mi" } })]))).toEqual([
      403,
      'pods "tiny" is forbidden: minimum memory usage per Container is 100Mi, but request is 50Mi',
    ]);
  });

  it("refuses a limit too far above the request", async () => {
    const cluster = await withLimits({ type: "Container", maxLimitRequestRatio: { cpu: "2" } });
    expect(await refusal(cluster, pod("bursty", [container("app", { requests: { cpu: "250m" }, limits: { cpu: "1" } })]))).toEqual([
      403,
      'pods "bursty" is forbidden: cpu max limit to request ratio per Container is 2, but provided ratio is 4.000000',
    ]);
    expect(await refusal(cluster, pod("unbounded", [container("app", { requests: { cpu: "250m" } })]))).toEqual([
      403,
      'pods "unbounded" is forbidden: cpu max limit to request ratio per Container is 2, but no limit is specified or limit is 0',
    ]);
    expect((await send(cluster, "POST", podsPath, pod("fine", [container("app", { requests: { cpu: "500m" }, limits: { cpu: "1" } })]))).status).toBe(201);
  });

  it("sums the containers of a pod against a Pod item", async () => {
    const cluster = await withLimits({ type: "Pod", max: { cpu: "1" } });
    const two = pod("pair", [container("a", { limits: { cpu: "600m" } }), container("b", { limits: { cpu: "600m" } })]);
    expect(await refusal(cluster, two)).toEqual([403, 'pods "pair" is forbidden: maximum cpu usage per Pod is 1, but limit is 1200m']);
    expect(await refusal(cluster, pod("open", [container("a")]))).toEqual([403, 'pods "open" is forbidden: maximum cpu usage per Pod is 1.  No limit is specified']);
    // An init container runs alone: the pod counts the largest of it and the app containers' sum.
    const init = pod("init", [container("a", { limits: { cpu: "400m" } })], [container("i", { limits: { cpu: "900m" } })]);
    expect((await send(cluster, "POST", podsPath, init)).status).toBe(201);
  });

  it("names a pod created with generateName by its prefix", async () => {
    const cluster = await withLimits({ type: "Container", max: { cpu: "500m" } });
    const body = { ...pod("", [container("app", { limits: { cpu: "2" } })]), metadata: { generateName: "web-" } };
    expect(await refusal(cluster, body)).toEqual([403, 'pods "web-" is forbidden: maximum cpu usage per Container is 500m, but limit is 2']);
  });
});
