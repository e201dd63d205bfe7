// The per-kind sections through the Worker on a real cluster: a pod's volumes (a Secret's value never on the page),
// a ResourceQuota's Used / Hard once the quota controller counted, a LimitRange's limits, and both on the
// namespace's page; a Service's app link still on its page.
import { exports } from "cloudflare:workers";
import { runDurableObjectAlarm } from "cloudflare:test";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../src/api/platform";
import { clusterStub, coldStartMs, createCluster, kube, kubeJson, origin } from "../helpers/cluster";

vi.setConfig({ testTimeout: 30_000, hookTimeout: coldStartMs });

let cluster: CreatedCluster;
const secretValue = "v0lume-s3cret-never-shown";
const ns = "team-a";

const page = async (path: string, token = cluster.viewToken) => (await exports.default.fetch(`${origin}/s/${token}/${path}`)).text();
const create = async (path: string, body: Record<string, unknown>) => expect((await kubeJson(cluster, path, { method: "POST", body })).status).toBe(201);

beforeAll(async () => {
  cluster = await createCluster();
  await create("/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: ns } });
  await create(`/api/v1/namespaces/${ns}/resourcequotas`, { apiVersion: "v1", kind: "ResourceQuota", metadata: { name: "myq" }, spec: { hard: { pods: "2", "requests.memory": "1Gi" } } });
  await create(`/api/v1/namespaces/${ns}/limitranges`, {
    apiVersion: "v1",
    kind: "LimitRange",
    metadata: { name: "mem-limit-range" },
    spec: { limits: [{ type: "Container", default: { memory: "512Mi" }, defaultRequest: { memory: "256Mi" } }] },
  });
  await create(`/api/v1/namespaces/${ns}/secrets`, { apiVersion: "v1", kind: "Secret", metadata: { name: "db-creds" }, stringData: { password: secretValue } });
  await create(`/api/v1/namespaces/${ns}/pods`, {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "web" },
    spec: {
      volumes: [
        { name: "shared-data", emptyDir: {} },
        { name: "creds", secret: { secretName: "db-creds" } },
      ],
      containers: [
        { name: "nginx", image: "nginx", volumeMounts: [{ name: "shared-data", mountPath: "/usr/share/nginx/html" }, { name: "creds", mountPath: "/etc/creds", readOnly: true }] },
        { name: "writer", image: "busybox", command: ["sh", "-c", "sleep 3600"], volumeMounts: [{ name: "shared-data", mountPath: "/pod-data", subPath: "site" }] },
      ],
    },
  });
  // The quota controller's pass fills status.used.
  await runDurableObjectAlarm(clusterStub(cluster.id));
  await runDurableObjectAlarm(clusterStub(cluster.id));
});

describe("per-kind sections of an object's page", () => {
  it("a pod's page shows its volumes and mounts, never the Secret's value", async () => {
    for (const token of [cluster.viewToken, cluster.token]) {
      const html = await page(`objects/core~v1/pods/${ns}/web`, token);
      expect(html).toContain('<h2 id="volumes">Volumes</h2>');
      expect(html).toContain("<code>nginx</code> at <code>/usr/share/nginx/html</code>, read-write");
      expect(html).toContain("<code>writer</code> at <code>/pod-data</code> (subPath <code>site</code>), read-write");
      expect(html).toContain(`Secret <a href="../../../../objects/core~v1/secrets/${ns}/db-creds">db-creds</a>`);
      // The service account token the admission plugin adds.
      expect(html).toMatch(/<code>kube-api-access-[a-z0-9]{5}<\/code>/);
      expect(html).not.toContain(secretValue);
      expect(html).not.toContain(btoa(secretValue));
    }
  });

  it("a quota's page shows Used / Hard once counted; the namespace's page shows it and the LimitRange", async () => {
    const quota = (await kubeJson(cluster, `/api/v1/namespaces/${ns}/resourcequotas/myq`)).body;
    expect(quota.status?.used?.pods).toBe("1");
    const html = await page(`objects/core~v1/resourcequotas/${ns}/myq`);
    expect(html).toContain('<tr><th scope="row"><code>pods</code></th><td>1</td><td>2</td></tr>');
    expect(html).toContain('<tr><th scope="row"><code>requests.memory</code></th><td>512Mi</td><td>1Gi</td></tr>');
    const nsPage = await page(`objects/core~v1/namespaces/_/${ns}`);
    expect(nsPage).toContain(`ResourceQuota <a href="../../../../objects/core~v1/resourcequotas/${ns}/myq">myq</a>`);
    expect(nsPage).toContain('<tr><th scope="row"><code>pods</code></th><td>1</td><td>2</td></tr>');
    expect(nsPage).toContain('<tr><th scope="row">Container</th><td>memory</td><td>-</td><td>-</td><td>256Mi</td><td>512Mi</td><td>-</td></tr>');
    const limits = await page(`objects/core~v1/limitranges/${ns}/mem-limit-range`);
    expect(limits).toContain('<th scope="col">Max Limit/Request Ratio</th>');
  });

  it("a Service's page keeps its app link", async () => {
    await kube(cluster, "/api/v1/namespaces/default/services", { method: "POST", body: { apiVersion: "v1", kind: "Service", metadata: { name: "web" }, spec: { ports: [{ port: 80 }] } } });
    expect(await page("objects/core~v1/services/default/web")).toContain('<h2 id="open-app">Open the app</h2>');
  });
});
