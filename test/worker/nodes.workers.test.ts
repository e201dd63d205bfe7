// The platform API's node operations (issue 11): add, stop, start and delete a node, their Status errors, and a
// converged cluster with every node up asking for no alarm but its idle expiry.
import { exports } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../src/api/platform";
import { coldStartMs, createCluster, kubeJson, origin } from "../helpers/cluster";
import { alarmOf } from "../helpers/control-loop";
import { fakeClockStart } from "../helpers/fake-clock";
import { settle } from "../cluster/controllers/workload-helpers";

vi.setConfig({ testTimeout: 30_000, hookTimeout: coldStartMs });

let cluster: CreatedCluster;
let t = fakeClockStart();

beforeAll(async () => {
  cluster = await createCluster({ pace: "fast", workers: 2 });
});

afterEach(() => {
  vi.useRealTimers();
});

function start(): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  t += 3600_000;
  vi.setSystemTime(t);
}

async function call(method: string, path: string, options: { token?: string; body?: string } = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${options.token ?? cluster.token}` };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await exports.default.fetch(`${origin}/api/clusters/${cluster.id}${path}`, { method, headers, body: options.body });
  return { status: response.status, body: (await response.json()) as any };
}

const ready = (node: any) => node.status.conditions.find((c: any) => c.type === "Ready");

describe("node operations", () => {
  it("adds a worker that joins NotReady and turns Ready, answering 201 with its name", async () => {
    start();
    await settle(cluster, t);
    const added = await call("POST", "/nodes", { body: JSON.stringify({ labels: { disk: "ssd" } }) });
    expect(added).toMatchObject({ status: 201, body: { name: "worker-3" } });
    const joining = await kubeJson(cluster, "/api/v1/nodes/worker-3");
    expect(ready(joining.body).status).toBe("False");
    expect(joining.body.metadata.labels.disk).toBe("ssd");
    t += 5_000;
    await settle(cluster, t);
    expect(ready((await kubeJson(cluster, "/api/v1/nodes/worker-3")).body).status).toBe("True");
  });

  it("stops and starts a worker, refusing to stop it twice", async () => {
    start();
    await settle(cluster, t);
    expect(await call("POST", "/nodes/worker-1/stop")).toMatchObject({ status: 200, body: { name: "worker-1", state: "stopped" } });
    const again = await call("POST", "/nodes/worker-1/stop");
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ kind: "Status", status: "Failure", reason: "Conflict", message: 'node "worker-1" is already stopped' });
    t += 5_000;
    await settle(cluster, t);
    const down = (await kubeJson(cluster, "/api/v1/nodes/worker-1")).body;
    expect(ready(down)).toMatchObject({ status: "Unknown", message: "Kubelet stopped posting node status." });
    expect(down.spec.taints.map((x: any) => `${x.key}:${x.effect}`)).toContain("node.kubernetes.io/unreachable:NoExecute");
    expect(await call("POST", "/nodes/worker-1/start")).toMatchObject({ status: 200, body: { state: "booting" } });
    t += 5_000;
    await settle(cluster, t);
    const up = (await kubeJson(cluster, "/api/v1/nodes/worker-1")).body;
    expect(ready(up).status).toBe("True");
    expect(up.spec.taints ?? []).toEqual([]);
  });

  it("shows a stopped node on the dashboard: NotReady with the reason, and its NodeNotReady event on its page", async () => {
    start();
    await settle(cluster, t);
    expect((await call("POST", "/nodes/worker-2/stop")).status).toBe(200);
    t += 5_000;
    await settle(cluster, t);
    const page = (path: string) => exports.default.fetch(`${origin}/s/${cluster.viewToken}/${path}`).then((r) => r.text());
    const overview = await page("");
    const card = overview.slice(overview.indexOf('id="node-worker-2"'), overview.indexOf("</article>", overview.indexOf('id="node-worker-2"')));
    expect(card).toContain("NotReady");
    expect(card).toContain("Kubelet stopped posting node status.");
    expect(card).toContain("node.kubernetes.io/unreachable:NoExecute");
    const detail = await page("objects/core~v1/nodes/_/worker-2");
    expect(detail).toContain("NodeNotReady");
    expect(detail).toContain("Node worker-2 status is now: NodeNotReady");
    expect((await call("POST", "/nodes/worker-2/start")).status).toBe(200);
    t += 5_000;
    await settle(cluster, t);
    expect(await page("")).not.toContain("Kubelet stopped posting node status.");
  });

  it("answers Kubernetes-style Status errors: unknown node 404, the control plane 409, a bad body 400, the read-only token 403", async () => {
    const unknown = await call("POST", "/nodes/nowhere/stop");
    expect(unknown).toMatchObject({ status: 404, body: { kind: "Status", reason: "NotFound", message: 'nodes "nowhere" not found' } });
    const plane = await call("DELETE", "/nodes/control-plane");
    expect(plane.status).toBe(409);
    expect(plane.body.message).toMatch(/control-plane node/);
    expect((await call("POST", "/nodes", { body: '{"pods": "many"}' })).status).toBe(400);
    expect((await call("POST", "/nodes", { body: "{" })).status).toBe(400);
    expect((await call("POST", "/nodes/worker-2/stop", { token: cluster.viewToken })).status).toBe(403);
  });

  it("deletes a worker with its Node, and an idle converged cluster has only its expiry as alarm", async () => {
    start();
    await settle(cluster, t);
    expect(await call("DELETE", "/nodes/worker-3")).toMatchObject({ status: 200, body: { name: "worker-3", state: "deleted" } });
    expect((await kubeJson(cluster, "/api/v1/nodes/worker-3")).status).toBe(404);
    t += 5_000;
    await settle(cluster, t);
    t += 60_000;
    await settle(cluster, t);
    const alarm = await alarmOf(cluster);
    expect(alarm === null || alarm > t + 24 * 3600_000).toBe(true);
  });
});
