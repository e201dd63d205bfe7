// The Job kind and controller, driven through the API with the alarm and a fake clock; the tests play the kubelet.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../../src/api/platform";
import { coldStartMs, createCluster, kubeJson } from "../../helpers/cluster";
import { create, eventsFor, finishPod, getJson, podsMatching, settle } from "./workload-helpers";
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

const jobsPath = "/apis/batch/v1/namespaces/default/jobs";

function jobBody(name: string, spec: Record<string, unknown> = {}, podSpec: Record<string, unknown> = {}) {
  return {
    metadata: { name },
    spec: {
      template: { spec: { restartPolicy: "Never", containers: [{ name: "work", image: "busybox:1.36", command: ["sh", "-c", "echo hi"] }], ...podSpec } },
      ...spec,
    },
  };
}

async function start(): Promise<void> {
  vi.useFakeTimers({ toFake: ["Date"] });
  t += 3600_000;
  vi.setSystemTime(t);
}

describe("Job kind", () => {
  it("defaults the spec and generates the selector and labels of 1.33", async () => {
    const job = await create(cluster, jobsPath, jobBody("defaults"));
    expect(job.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6, completionMode: "NonIndexed", suspend: false });
    const uid = job.metadata.uid;
    expect(job.spec.selector).toEqual({ matchLabels: { "batch.kubernetes.io/controller-uid": uid } });
    expect(job.spec.template.metadata.labels).toEqual({
      "batch.kubernetes.io/controller-uid": uid,
      "batch.kubernetes.io/job-name": "defaults",
      "controller-uid": uid,
      "job-name": "defaults",
    });
    expect(job.metadata.labels["job-name"]).toBe("defaults");
    expect(job.metadata.generation).toBe(1);
  });

  it("rejects restartPolicy Always with the apiserver's message", async () => {
    const { status, body } = await kubeJson(cluster, jobsPath, { method: "POST", body: jobBody("always", {}, { restartPolicy: "Always" }) });
    expect(status).toBe(422);
    expect(body.message).toBe('Job.batch "always" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"');
  });

  it("keeps the template immutable", async () => {
    const job = await create(cluster, jobsPath, jobBody("frozen"));
    job.spec.template.spec.containers[0].image = "busybox:1.37";
    const { status, body } = await kubeJson(cluster, `${jobsPath}/frozen`, { method: "PUT", body: job });
    expect(status).toBe(422);
    expect(body.message).toMatch(/^Job\.batch "frozen" is invalid: spec\.template: Invalid value: .*: field is immutable$/);
  });

  it("accepts a Job owned by a CronJob (kubectl create job --from=cronjob/x)", async () => {
    const body = jobBody("manual-run");
    (body.metadata as any).annotations = { "cronjob.kubernetes.io/instantiate": "manual" };
    (body.metadata as any).ownerReferences = [{ apiVersion: "batch/v1", kind: "CronJob", name: "nightly", uid: "8d9e2a4c-0000-4000-8000-000000000001", controller: true }];
    const job = await create(cluster, jobsPath, body);
    expect(job.metadata.ownerReferences[0].kind).toBe("CronJob");
  });
});

describe("Job controller", () => {
  it("runs completions 3 with parallelism 2 to Complete, releasing the tracking finalizer of counted pods", async () => {
    await start();
    await create(cluster, jobsPath, jobBody("three", { completions: 3, parallelism: 2 }));
    await settle(cluster, t);
    let pods = await podsMatching(cluster, "default", "job-name=three");
    expect(pods).toHaveLength(2);
    expect(pods[0].metadata.finalizers).toEqual(["batch.kubernetes.io/job-tracking"]);
    expect(pods[0].metadata.ownerReferences[0]).toMatchObject({ kind: "Job", name: "three", controller: true, blockOwnerDeletion: true });
    expect(pods[0].metadata.generateName).toBe("three-");
    let job = await getJson(cluster, `${jobsPath}/three`);
    expect(job.status).toMatchObject({ active: 2, ready: 0, startTime: expect.any(String) });

    await finishPod(cluster, pods[0], 0, t);
    await settle(cluster, (t += 2000));
    pods = await podsMatching(cluster, "default", "job-name=three");
    expect(pods).toHaveLength(3);
    expect(pods.find((p) => p.status.phase === "Succeeded").metadata.finalizers).toBeUndefined();
    job = await getJson(cluster, `${jobsPath}/three`);
    expect(job.status).toMatchObject({ active: 2, succeeded: 1 });

    for (const pod of pods.filter((p) => p.status.phase !== "Succeeded")) await finishPod(cluster, pod, 0, t);
    await settle(cluster, (t += 2000));
    job = await getJson(cluster, `${jobsPath}/three`);
    expect(job.status.succeeded).toBe(3);
    expect(job.status.active).toBeUndefined();
    expect(job.status.completionTime).toBe(new Date(t).toISOString().replace(".000Z", "Z"));
    expect(job.status.conditions.map((c: any) => [c.type, c.status, c.reason])).toEqual([
      ["SuccessCriteriaMet", "True", "CompletionsReached"],
      ["Complete", "True", "CompletionsReached"],
    ]);
    expect(await podsMatching(cluster, "default", "job-name=three")).toHaveLength(3);
    const events = await eventsFor(cluster, "default", "three");
    expect(events.filter((e) => e.reason === "SuccessfulCreate")).toHaveLength(3);
    expect(events).toContainEqual({ type: "Normal", reason: "Completed", message: "Job completed" });
  });

  it("fails with BackoffLimitExceeded after backoffLimit+1 failed pods, waiting out the back-off between them", async () => {
    await start();
    await create(cluster, jobsPath, jobBody("flaky", { backoffLimit: 1 }));
    await settle(cluster, t);
    let [pod] = await podsMatching(cluster, "default", "job-name=flaky");
    await finishPod(cluster, pod, 1, t);
    await settle(cluster, t + 100);
    // The fast pace's back-off base is 1 s: no new pod before it.
    expect((await podsMatching(cluster, "default", "job-name=flaky")).filter((p) => p.status.phase === "Pending")).toHaveLength(0);
    expect((await getJson(cluster, `${jobsPath}/flaky`)).status.failed).toBe(1);
    await settle(cluster, (t += 1500));
    const pending = (await podsMatching(cluster, "default", "job-name=flaky")).filter((p) => p.status.phase === "Pending");
    expect(pending).toHaveLength(1);
    await finishPod(cluster, pending[0], 1, t);
    await settle(cluster, (t += 100));
    const job = await getJson(cluster, `${jobsPath}/flaky`);
    expect(job.status.failed).toBe(2);
    const failed = job.status.conditions.find((c: any) => c.type === "Failed");
    expect(failed).toMatchObject({ status: "True", reason: "BackoffLimitExceeded", message: "Job has reached the specified backoff limit" });
    expect(job.status.conditions.map((c: any) => c.type)).toEqual(["FailureTarget", "Failed"]);
    expect(await eventsFor(cluster, "default", "flaky")).toContainEqual({
      type: "Warning",
      reason: "BackoffLimitExceeded",
      message: "Job has reached the specified backoff limit",
    });
  });

  it("fails with DeadlineExceeded at activeDeadlineSeconds and removes its running pods", async () => {
    await start();
    await create(cluster, jobsPath, jobBody("slow", { activeDeadlineSeconds: 30, parallelism: 2, completions: 2 }));
    await settle(cluster, t);
    expect(await podsMatching(cluster, "default", "job-name=slow")).toHaveLength(2);
    await settle(cluster, t + 29_000);
    expect((await getJson(cluster, `${jobsPath}/slow`)).status.conditions).toBeUndefined();
    await settle(cluster, (t += 30_000));
    const job = await getJson(cluster, `${jobsPath}/slow`);
    expect(job.status.conditions.find((c: any) => c.type === "Failed")).toMatchObject({
      reason: "DeadlineExceeded",
      message: "Job was active longer than specified deadline",
    });
    expect(job.status.active).toBeUndefined();
    expect(await podsMatching(cluster, "default", "job-name=slow")).toHaveLength(0);
  });

  it("runs an Indexed Job: index annotation, label, hostname and JOB_COMPLETION_INDEX; completedIndexes as ranges", async () => {
    await start();
    await create(cluster, jobsPath, jobBody("indexed", { completionMode: "Indexed", completions: 3, parallelism: 3 }));
    await settle(cluster, t);
    const pods = await podsMatching(cluster, "default", "job-name=indexed");
    const byIndex = new Map(pods.map((p) => [p.metadata.annotations["batch.kubernetes.io/job-completion-index"], p]));
    expect([...byIndex.keys()].sort()).toEqual(["0", "1", "2"]);
    const one = byIndex.get("1");
    expect(one.metadata.labels["batch.kubernetes.io/job-completion-index"]).toBe("1");
    expect(one.metadata.name).toMatch(/^indexed-1-/);
    expect(one.spec.hostname).toBe("indexed-1");
    expect(one.spec.containers[0].env).toContainEqual({
      name: "JOB_COMPLETION_INDEX",
      valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } },
    });
    await finishPod(cluster, byIndex.get("0"), 0, t);
    await finishPod(cluster, byIndex.get("2"), 0, t);
    await settle(cluster, (t += 1000));
    let job = await getJson(cluster, `${jobsPath}/indexed`);
    expect(job.status).toMatchObject({ completedIndexes: "0,2", succeeded: 2, active: 1 });
    await finishPod(cluster, byIndex.get("1"), 0, t);
    await settle(cluster, (t += 1000));
    job = await getJson(cluster, `${jobsPath}/indexed`);
    expect(job.status.completedIndexes).toBe("0-2");
    expect(job.status.conditions.some((c: any) => c.type === "Complete")).toBe(true);
  });

  it("fails at once on a pod failure policy FailJob rule, and ignores Ignore matches", async () => {
    await start();
    await create(
      cluster,
      jobsPath,
      jobBody("policy", {
        backoffLimit: 0,
        podFailurePolicy: {
          rules: [
            { action: "Ignore", onExitCodes: { operator: "In", values: [3] } },
            { action: "FailJob", onExitCodes: { containerName: "work", operator: "In", values: [42] } },
          ],
        },
      }),
    );
    await settle(cluster, t);
    let [pod] = await podsMatching(cluster, "default", "job-name=policy");
    await finishPod(cluster, pod, 3, t);
    await settle(cluster, (t += 2000));
    let job = await getJson(cluster, `${jobsPath}/policy`);
    expect(job.status.failed).toBeUndefined();
    expect(job.status.conditions).toBeUndefined();
    pod = (await podsMatching(cluster, "default", "job-name=policy")).find((p) => p.status.phase === "Pending");
    await finishPod(cluster, pod, 42, t);
    await settle(cluster, (t += 100));
    job = await getJson(cluster, `${jobsPath}/policy`);
    expect(job.status.conditions.find((c: any) => c.type === "Failed")).toMatchObject({
      reason: "PodFailurePolicy",
      message: `Container work for pod default/${pod.metadata.name} failed with exit code 42 matching FailJob rule at index 1`,
    });
  });

  it("deletes a finished Job ttlSecondsAfterFinished later, with its pods", async () => {
    await start();
    await create(cluster, jobsPath, jobBody("short-lived", { ttlSecondsAfterFinished: 60 }));
    await settle(cluster, t);
    const [pod] = await podsMatching(cluster, "default", "job-name=short-lived");
    await finishPod(cluster, pod, 0, t);
    await settle(cluster, t);
    expect((await kubeJson(cluster, `${jobsPath}/short-lived`)).status).toBe(200);
    await settle(cluster, t + 59_000);
    expect((await kubeJson(cluster, `${jobsPath}/short-lived`)).status).toBe(200);
    await settle(cluster, (t += 61_000));
    expect((await kubeJson(cluster, `${jobsPath}/short-lived`)).status).toBe(404);
    expect(await podsMatching(cluster, "default", "job-name=short-lived")).toHaveLength(0);
  });

  it("releases the finalizers of a deleted Job's pods so they go with it", async () => {
    await start();
    await create(cluster, jobsPath, jobBody("doomed", { parallelism: 2, completions: 4 }));
    await settle(cluster, t);
    expect(await podsMatching(cluster, "default", "job-name=doomed")).toHaveLength(2);
    const deleted = await kubeJson(cluster, `${jobsPath}/doomed`, { method: "DELETE", body: { propagationPolicy: "Background" } });
    expect(deleted.status).toBe(200);
    await settle(cluster, (t += 1000));
    expect(await podsMatching(cluster, "default", "job-name=doomed")).toHaveLength(0);
  });
});
