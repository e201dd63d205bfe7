// Issue 9's spin: a Deployment that completed, then is scaled beyond the cluster's capacity and stays unavailable
// past progressDeadlineSeconds. Kubernetes keeps Progressing=True/NewReplicaSetAvailable (a scale-up is no rollout,
// DeploymentTimedOut never fires from a completed one), and nothing is due before the clock moves: the alarm does
// not refire at once. The real scheduler and kubelet run (one worker that takes 6 pods, fast pace).
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../../../src/api/platform";
import { coldStartMs, createCluster, kubeJson } from "../../../helpers/cluster";
import { alarmOf } from "../../../helpers/control-loop";
import { fakeClockStart } from "../../../helpers/fake-clock";
import { create, getJson, settle } from "../workload-helpers";

vi.setConfig({ testTimeout: 60_000, hookTimeout: coldStartMs });

const deployPath = "/apis/apps/v1/namespaces/default/deployments";
let cluster: CreatedCluster;
let t = fakeClockStart();

beforeAll(async () => {
  // 6 pods: room for the system pods (kube-proxy, CoreDNS, the ingress-nginx controller) and the two replicas.
  cluster = await createCluster({ pace: "fast", workers: 1, nodeResources: { pods: 6 } });
});

function condition(d: any, type: string): any {
  return d.status.conditions?.find((c: any) => c.type === type);
}

/** Move the clock by `stepMs` and settle, until `done` holds (at most `steps` times). */
async function settleUntil(done: () => Promise<boolean>, stepMs = 1000, steps = 30): Promise<void> {
  for (let i = 0; i < steps; i++) {
    await settle(cluster, (t += stepMs));
    if (await done()) return;
  }
  throw new Error("the cluster did not get there");
}

describe("a completed Deployment scaled beyond capacity", () => {
  it("stays NewReplicaSetAvailable past its progress deadline, and nothing is due before the clock moves", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(t);
    await create(cluster, deployPath, {
      metadata: { name: "web" },
      spec: {
        replicas: 2,
        progressDeadlineSeconds: 5,
        selector: { matchLabels: { app: "web" } },
        template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.25" }] } },
      },
    });
    const available = async () => condition(await getJson(cluster, `${deployPath}/web`), "Available")?.status === "True";
    await settleUntil(available);
    const complete = condition(await getJson(cluster, `${deployPath}/web`), "Progressing");
    expect(complete).toMatchObject({ status: "True", reason: "NewReplicaSetAvailable" });

    const scaled = await kubeJson(cluster, `${deployPath}/web/scale`, {
      method: "PATCH",
      body: { spec: { replicas: 20 } },
      contentType: "application/merge-patch+json",
    });
    expect(scaled.status).toBe(200);
    // Past the 5 s deadline several times over; `settle` fails if anything is still due at its time.
    for (let i = 0; i < 12; i++) await settle(cluster, (t += 1000));

    const d = await getJson(cluster, `${deployPath}/web`);
    expect(d.status.replicas).toBe(20);
    expect(d.status.availableReplicas).toBeLessThan(20);
    expect(condition(d, "Available")).toMatchObject({ status: "False", reason: "MinimumReplicasUnavailable" });
    expect(condition(d, "Progressing")).toEqual(complete);
    const alarm = await alarmOf(cluster);
    expect(alarm === null || alarm > t).toBe(true);
    vi.useRealTimers();
  });
});
