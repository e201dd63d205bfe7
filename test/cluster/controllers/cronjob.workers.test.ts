// The CronJob kind and controller, driven through the API with the alarm and a fake clock.
import { runInDurableObject } from "cloudflare:test";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../../src/api/platform";
import { clusterStub, coldStartMs, createCluster, kubeJson } from "../../helpers/cluster";
import { create, eventsFor, getJson, settle } from "./workload-helpers";
import { fakeClockStart } from "../../helpers/fake-clock";

vi.setConfig({ testTimeout: 30_000, hookTimeout: coldStartMs });

let cluster: CreatedCluster;
let t = fakeClockStart();

beforeAll(async () => {
  // No workers: pods stay unscheduled, so the kubelet leaves their (hand-written) statuses alone.
  cluster = await createCluster({ pace: "fast", workers: 0 });
});

afterEach(() => {
  vi.useRealTimers();
});

const cronJobsPath = "/apis/batch/v1/namespaces/default/cronjobs";
const jobsPath = "/apis/batch/v1/namespaces/default/jobs";

function cronJobBody(name: string, spec: Record<string, unknown> = {}) {
  return {
    metadata: { name },
    spec: {
      schedule: "*/1 * * * *",
      jobTemplate: {
        metadata: { labels: { app: name } },
        spec: { template: { spec: { restartPolicy: "OnFailure", containers: [{ name: "hello", image: "busybox:1.36", command: ["date"] }] } } },
      },
      ...spec,
    },
  };
}

/** Start a test 10 s past an hour later than any time an earlier test reached (the clock only moves forward). */
function start(): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  t = (Math.floor(t / 3600_000) + 3) * 3600_000 + 10_000;
  vi.setSystemTime(t);
}

async function jobsOf(name: string): Promise<any[]> {
  return (await getJson(cluster, `${jobsPath}?labelSelector=app%3D${name}`)).items;
}

async function completeJob(job: any, at: number): Promise<void> {
  const time = new Date(Math.floor(at / 1000) * 1000).toISOString().replace(".000Z", "Z");
  const body = {
    status: {
      ...job.status,
      startTime: job.status.startTime ?? time,
      completionTime: time,
      succeeded: 1,
      active: 0,
      conditions: [
        { type: "SuccessCriteriaMet", status: "True", reason: "CompletionsReached", message: "Reached expected number of succeeded pods", lastProbeTime: time, lastTransitionTime: time },
        { type: "Complete", status: "True", reason: "CompletionsReached", message: "Reached expected number of succeeded pods", lastProbeTime: time, lastTransitionTime: time },
      ],
    },
  };
  const r = await kubeJson(cluster, `${jobsPath}/${job.metadata.name}/status`, { method: "PATCH", body, contentType: "application/merge-patch+json" });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

describe("CronJob kind", () => {
  it("defaults the spec and its job template", async () => {
    const cj = await create(cluster, cronJobsPath, cronJobBody("defaults"));
    expect(cj.spec).toMatchObject({ concurrencyPolicy: "Allow", suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
    expect(cj.spec.jobTemplate.spec).toMatchObject({ backoffLimit: 6, completionMode: "NonIndexed" });
    expect(cj.spec.jobTemplate.spec.template.spec.terminationGracePeriodSeconds).toBe(30);
  });

  it("rejects an unparseable schedule and an unknown time zone with the apiserver's messages", async () => {
    const bad = await kubeJson(cluster, cronJobsPath, { method: "POST", body: cronJobBody("bad", { schedule: "61 * * * *" }) });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toBe('CronJob.batch "bad" is invalid: spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61');
    const zone = await kubeJson(cluster, cronJobsPath, { method: "POST", body: cronJobBody("zone", { timeZone: "Mars/Olympus" }) });
    expect(zone.status).toBe(422);
    expect(zone.body.message).toBe('CronJob.batch "zone" is invalid: spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus');
  });
});

describe("CronJob controller", () => {
  it("creates a Job when the minute comes, named after the scheduled minute, and waits for the next one", async () => {
    start();
    await create(cluster, cronJobsPath, cronJobBody("every-minute"));
    await settle(cluster, t);
    expect(await jobsOf("every-minute")).toHaveLength(0);
    const next = await runInDurableObject(clusterStub(cluster.id), (_i, state) => state.storage.getAlarm());
    const minute = Math.ceil(t / 60_000) * 60_000;
    expect(next).toBeLessThanOrEqual(minute);
    await settle(cluster, minute + 1000);
    const jobs = await jobsOf("every-minute");
    expect(jobs).toHaveLength(1);
    const job = jobs[0];
    expect(job.metadata.name).toBe(`every-minute-${minute / 60_000}`);
    expect(job.metadata.annotations["batch.kubernetes.io/cronjob-scheduled-timestamp"]).toBe(new Date(minute).toISOString().replace(".000Z", "Z"));
    expect(job.metadata.ownerReferences[0]).toMatchObject({ kind: "CronJob", name: "every-minute", controller: true });
    const cj = await getJson(cluster, `${cronJobsPath}/every-minute`);
    expect(cj.status.lastScheduleTime).toBe(new Date(minute).toISOString().replace(".000Z", "Z"));
    expect(cj.status.active).toEqual([expect.objectContaining({ kind: "Job", name: job.metadata.name, uid: job.metadata.uid })]);
    expect(await eventsFor(cluster, "default", "every-minute")).toContainEqual({ type: "Normal", reason: "SuccessfulCreate", message: `Created job ${job.metadata.name}` });

    await completeJob(job, minute + 20_000);
    await settle(cluster, minute + 20_000);
    const after = await getJson(cluster, `${cronJobsPath}/every-minute`);
    expect(after.status.active).toBeUndefined();
    expect(after.status.lastSuccessfulTime).toBe(new Date(minute + 20_000).toISOString().replace(".000Z", "Z"));
    expect(await eventsFor(cluster, "default", "every-minute")).toContainEqual({
      type: "Normal",
      reason: "SawCompletedJob",
      message: `Saw completed job: ${job.metadata.name}, condition: Complete`,
    });
    await settle(cluster, minute + 61_000);
    expect(await jobsOf("every-minute")).toHaveLength(2);
    await kubeJson(cluster, `${cronJobsPath}/every-minute`, { method: "DELETE" });
  });

  it("Forbid skips a run while one is active; Replace deletes the active one", async () => {
    start();
    await create(cluster, cronJobsPath, cronJobBody("forbid", { concurrencyPolicy: "Forbid" }));
    await create(cluster, cronJobsPath, cronJobBody("replace", { concurrencyPolicy: "Replace" }));
    const minute = Math.ceil(t / 60_000) * 60_000;
    await settle(cluster, minute + 1000);
    const [firstReplace] = await jobsOf("replace");
    await settle(cluster, minute + 61_000);
    expect(await jobsOf("forbid")).toHaveLength(1);
    const replaced = await jobsOf("replace");
    expect(replaced.map((j) => j.metadata.name)).toEqual([`replace-${minute / 60_000 + 1}`]);
    expect(await eventsFor(cluster, "default", "replace")).toContainEqual({ type: "Normal", reason: "SuccessfulDelete", message: `Deleted job ${firstReplace.metadata.name}` });
    for (const name of ["forbid", "replace"]) await kubeJson(cluster, `${cronJobsPath}/${name}`, { method: "DELETE" });
  });

  it("does nothing while suspended", async () => {
    start();
    await create(cluster, cronJobsPath, cronJobBody("paused", { suspend: true }));
    await settle(cluster, t + 180_000);
    expect(await jobsOf("paused")).toHaveLength(0);
    await kubeJson(cluster, `${cronJobsPath}/paused`, { method: "DELETE" });
  });

  it("skips a run missed by more than startingDeadlineSeconds, and starts one still within it", async () => {
    start();
    await create(cluster, cronJobsPath, cronJobBody("deadline", { schedule: "0 * * * *", startingDeadlineSeconds: 30 }));
    const hour = Math.ceil(t / 3600_000) * 3600_000;
    await settle(cluster, hour + 45_000);
    expect(await jobsOf("deadline")).toHaveLength(0);
    await settle(cluster, hour + 3600_000 + 20_000);
    const jobs = await jobsOf("deadline");
    expect(jobs.map((j) => j.metadata.name)).toEqual([`deadline-${(hour + 3600_000) / 60_000}`]);
    await kubeJson(cluster, `${cronJobsPath}/deadline`, { method: "DELETE" });
  });

  it("keeps successfulJobsHistoryLimit finished Jobs", async () => {
    start();
    await create(cluster, cronJobsPath, cronJobBody("history", { successfulJobsHistoryLimit: 1, concurrencyPolicy: "Allow" }));
    const minute = Math.ceil(t / 60_000) * 60_000;
    for (let i = 0; i < 3; i++) {
      await settle(cluster, minute + i * 60_000 + 1000);
      const jobs = await jobsOf("history");
      for (const job of jobs.filter((j) => !j.status.completionTime)) await completeJob(job, minute + i * 60_000 + 2000);
      await settle(cluster, minute + i * 60_000 + 2000);
    }
    const left = await jobsOf("history");
    expect(left.map((j) => j.metadata.name)).toEqual([`history-${minute / 60_000 + 2}`]);
    await kubeJson(cluster, `${cronJobsPath}/history`, { method: "DELETE" });
  });

  it("runs in its time zone: the scheduled timestamp carries the zone's offset", async () => {
    start();
    await create(cluster, cronJobsPath, cronJobBody("berlin", { schedule: "0 * * * *", timeZone: "Europe/Berlin" }));
    const hour = Math.ceil(t / 3600_000) * 3600_000;
    await settle(cluster, hour + 1000);
    const [job] = await jobsOf("berlin");
    // Berlin is an hour ahead of UTC in winter and two in summer: the offset is the one it has at that hour.
    const offset = new Intl.DateTimeFormat("en", { timeZone: "Europe/Berlin", timeZoneName: "longOffset" }).format(hour).split("GMT")[1];
    expect(offset).toMatch(/^\+0[12]:00$/);
    const local = new Date(hour + Number(offset.slice(1, 3)) * 3600_000).toISOString().slice(0, 19);
    expect(job.metadata.annotations["batch.kubernetes.io/cronjob-scheduled-timestamp"]).toBe(`${local}${offset}`);
    await kubeJson(cluster, `${cronJobsPath}/berlin`, { method: "DELETE" });
  });
});
