// The HorizontalPodAutoscaler in the Workers runtime, driven by the Durable Object's alarm on a fake clock (fast
// pace: 1 s syncs, a 10 s scale-down window): `kubectl autoscale`'s v1 HPA over the walkthrough's php-apache scales
// up under a busybox wget loop with SuccessfulRescale events and its conditions, and back to 1 when the load is gone;
// a missing target gives FailedGetScale; without an HPA nothing periodic is due.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../../src/api/platform";
import { coldStartMs, createCluster, kubeJson } from "../../helpers/cluster";
import { alarmOf } from "../../helpers/control-loop";
import { fakeClockStart } from "../../helpers/fake-clock";
import { create, eventsFor, getJson, settle } from "./workload-helpers";

vi.setConfig({ testTimeout: 300_000, hookTimeout: coldStartMs });

const ns = "/api/v1/namespaces/default";
const apps = "/apis/apps/v1/namespaces/default";
const hpaV1 = "/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers";
const hpaV2 = "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers";

let cluster: CreatedCluster;
let t = fakeClockStart();

beforeAll(async () => {
  cluster = await createCluster({ pace: "fast", workers: 1 });
});

afterEach(() => {
  vi.useRealTimers();
});

function start(): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  t = (Math.floor(t / 3600_000) + 3) * 3600_000 + 10_000;
  vi.setSystemTime(t);
}

async function step(ms: number): Promise<void> {
  t += ms;
  await settle(cluster, t);
}

const autoscale = (name: string, target: string) => ({
  apiVersion: "autoscaling/v1",
  kind: "HorizontalPodAutoscaler",
  metadata: { name },
  spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: target }, minReplicas: 1, maxReplicas: 10, targetCPUUtilizationPercentage: 50 },
});

describe("the HorizontalPodAutoscaler controller", () => {
  it("scales php-apache up under load and back down after the window", async () => {
    start();
    await create(cluster, `${apps}/deployments`, {
      metadata: { name: "php-apache" },
      spec: {
        selector: { matchLabels: { run: "php-apache" } },
        template: {
          metadata: { labels: { run: "php-apache" } },
          spec: { containers: [{ name: "php-apache", image: "registry.k8s.io/hpa-example", ports: [{ containerPort: 80 }], resources: { limits: { cpu: "500m" }, requests: { cpu: "200m" } } }] },
        },
      },
    });
    await create(cluster, `${ns}/services`, { metadata: { name: "php-apache" }, spec: { ports: [{ port: 80 }], selector: { run: "php-apache" } } });
    await step(5_000);
    await create(cluster, hpaV1, autoscale("php-apache", "php-apache"));
    // A new HPA is first synced at the next moment of the sync grid after the controller saw it.
    await step(1_000);
    await step(20_000);
    const idle = await getJson(cluster, `${hpaV1}/php-apache`);
    expect(idle.status).toMatchObject({ currentReplicas: 1, desiredReplicas: 1, currentCPUUtilizationPercentage: 0 });

    await create(cluster, `${ns}/pods`, {
      metadata: { name: "load-generator" },
      spec: { restartPolicy: "Never", containers: [{ name: "load-generator", image: "busybox:1.28", command: ["/bin/sh", "-c", "while sleep 0.01; do wget -q -O- http://php-apache; done"] }] },
    });
    const up: number[] = [];
    for (let i = 0; i < 10; i++) {
      await step(10_000);
      up.push((await getJson(cluster, `${apps}/deployments/php-apache`)).spec.replicas);
    }
    // ~100 requests a second at ~7m of CPU each over pods of 200m at a 50% target: 7 or 8 replicas (the usage's
    // wobble and when the syncs fall against the scrapes).
    expect(Math.max(...up), `replicas: ${up.join(" ")}`).toBeGreaterThanOrEqual(6);
    expect(Math.max(...up), `replicas: ${up.join(" ")}`).toBeLessThanOrEqual(9);
    const busy = await getJson(cluster, `${hpaV2}/php-apache`);
    expect(busy.status.conditions.map((c: { type: string; status: string }) => [c.type, c.status])).toEqual([
      ["AbleToScale", "True"],
      ["ScalingActive", "True"],
      ["ScalingLimited", "False"],
    ]);
    const rescales = (await eventsFor(cluster, "default", "php-apache")).filter((e) => e.reason === "SuccessfulRescale");
    expect(rescales[0].message).toMatch(/^New size: \d; reason: cpu resource utilization \(percentage of request\) above target$/);

    expect((await kubeJson(cluster, `${ns}/pods/load-generator`, { method: "DELETE" })).status).toBe(200);
    const down: number[] = [];
    for (let i = 0; i < 10; i++) {
      await step(10_000);
      down.push((await getJson(cluster, `${apps}/deployments/php-apache`)).spec.replicas);
    }
    expect(down.at(-1), `replicas: ${down.join(" ")}`).toBe(1);
    const after = (await eventsFor(cluster, "default", "php-apache")).filter((e) => e.reason === "SuccessfulRescale");
    expect(after.at(-1)?.message).toBe("New size: 1; reason: All metrics below target");
  });

  it("reports a missing target, and costs no wake-up once its HPA is gone", async () => {
    start();
    await create(cluster, hpaV2, { ...autoscale("ghost", "nope"), apiVersion: "autoscaling/v2", spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "nope" }, maxReplicas: 3 } });
    await step(1_000);
    await step(2_000);
    const ghost = await getJson(cluster, `${hpaV2}/ghost`);
    expect(ghost.status.conditions[0]).toMatchObject({ type: "AbleToScale", status: "False", reason: "FailedGetScale" });
    expect((await eventsFor(cluster, "default", "ghost")).map((e) => [e.type, e.reason, e.message])).toContainEqual(["Warning", "FailedGetScale", 'deployments.apps "nope" not found']);

    for (const path of [`${hpaV2}/ghost`, `${hpaV1}/php-apache`, `${apps}/deployments/php-apache`]) expect((await kubeJson(cluster, path, { method: "DELETE" })).status).toBe(200);
    await step(60_000);
    await step(5_000);
    // Nothing periodic is left: the alarm is the idle expiry, far away, not the next sync.
    const alarm = await alarmOf(cluster);
    expect(alarm === null || alarm > t + 60_000).toBe(true);
  });
});
