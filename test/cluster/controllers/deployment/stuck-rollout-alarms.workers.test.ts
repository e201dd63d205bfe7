// Issue 9's number, on the real clock: how often the alarm of a cluster with a stuck rollout runs once its progress
// deadline has passed. Before the fix the alarm refired at once (~4,700 runs a minute here); now it runs only at due
// times (a young cluster's system pods' kubelet steps), and the stuck rollout adds none. Prints the rate per minute.
import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../../../src/api/platform";
import { coldStartMs, createCluster, kubeJson, origin } from "../../../helpers/cluster";

vi.setConfig({ testTimeout: 60_000, hookTimeout: coldStartMs });

const deployPath = "/apis/apps/v1/namespaces/default/deployments";
/** How long the idle, stuck cluster is watched (real time). */
const windowMs = 5000;
let cluster: CreatedCluster;

beforeAll(async () => {
  // 6 pods: room for the system pods (kube-proxy, CoreDNS, the ingress-nginx controller) and the two replicas.
  cluster = await createCluster({ pace: "fast", workers: 1, nodeResources: { pods: 6 } });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function alarmRuns(): Promise<number> {
  const response = await exports.default.fetch(`${origin}/api/clusters/${cluster.id}`, { headers: { authorization: `Bearer ${cluster.token}` } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { alarmRuns: number }).alarmRuns;
}

async function progressing(): Promise<any> {
  const { body } = await kubeJson(cluster, `${deployPath}/web`);
  return Object.fromEntries((body.status?.conditions ?? []).map((c: any) => [c.type, c]));
}

describe("a stuck rollout on the real clock", () => {
  it("runs no alarm once its progress deadline has passed and nothing is due", async () => {
    const created = await kubeJson(cluster, deployPath, {
      method: "POST",
      body: {
        metadata: { name: "web" },
        spec: {
          replicas: 2,
          progressDeadlineSeconds: 1,
          selector: { matchLabels: { app: "web" } },
          template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.25" }] } },
        },
      },
    });
    expect(created.status).toBe(201);
    for (let i = 0; i < 100 && (await progressing()).Available?.status !== "True"; i++) await sleep(100);
    expect((await progressing()).Progressing?.reason).toBe("NewReplicaSetAvailable");
    const scaled = await kubeJson(cluster, `${deployPath}/web/scale`, {
      method: "PATCH",
      body: { spec: { replicas: 20 } },
      contentType: "application/merge-patch+json",
    });
    expect(scaled.status).toBe(200);
    await sleep(3000); // the scale-up settles and the 1 s deadline (+1 s of requeue margin) passes
    const before = await alarmRuns();
    await sleep(windowMs);
    const runs = (await alarmRuns()) - before;
    console.log(`stuck rollout: ${runs} alarm runs in ${windowMs} ms (${Math.round((runs * 60_000) / windowMs)} per minute)`);
    expect((await progressing()).Available?.status).toBe("False");
    // The young cluster's system pods may still have a kubelet step due or two; the spin ran ~400 times in 5 s.
    expect(runs).toBeLessThanOrEqual(5);
  });
});
