// Helpers for the workload controller tests (Job, CronJob, DaemonSet): drive the cluster's alarm at a chosen time,
// and play the kubelet by writing pod status.
import { expect, vi } from "vitest";
import type { CreatedCluster } from "../../../src/api/platform";
import { kubeJson } from "../../helpers/cluster";
import { settleAndCheck } from "../../helpers/control-loop";

/**
 * Set the clock to `at` and run the cluster's alarm (the controllers' pass) until no work is queued right now; then
 * fail if anything is still due at `at` (a reconcile that spins instead of converging).
 */
export async function settle(cluster: CreatedCluster, at: number): Promise<void> {
  vi.setSystemTime(at);
  await settleAndCheck(cluster);
}

export async function getJson(cluster: CreatedCluster, path: string): Promise<any> {
  const { status, body } = await kubeJson(cluster, path);
  expect(status, JSON.stringify(body)).toBe(200);
  return body;
}

export async function create(cluster: CreatedCluster, path: string, body: unknown): Promise<any> {
  const response = await kubeJson(cluster, path, { method: "POST", body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

/** Pods of a namespace matching a label selector, oldest first. */
export async function podsMatching(cluster: CreatedCluster, namespace: string, selector: string): Promise<any[]> {
  const list = await getJson(cluster, `/api/v1/namespaces/${namespace}/pods?labelSelector=${encodeURIComponent(selector)}`);
  return list.items;
}

/** Play the kubelet: the pod's containers terminated with `exitCode` (Succeeded for 0, Failed otherwise). */
export async function finishPod(cluster: CreatedCluster, pod: any, exitCode: number, at: number): Promise<void> {
  const time = new Date(Math.floor(at / 1000) * 1000).toISOString().replace(".000Z", "Z");
  const status = {
    ...pod.status,
    phase: exitCode === 0 ? "Succeeded" : "Failed",
    containerStatuses: pod.spec.containers.map((c: any) => ({
      name: c.name,
      image: c.image,
      imageID: "",
      ready: false,
      restartCount: 0,
      started: false,
      state: { terminated: { exitCode, reason: exitCode === 0 ? "Completed" : "Error", startedAt: time, finishedAt: time } },
    })),
  };
  await writePodStatus(cluster, pod, status);
}

/** Play the kubelet: the pod runs and is Ready since `at`. */
export async function readyPod(cluster: CreatedCluster, pod: any, at: number): Promise<void> {
  const time = new Date(Math.floor(at / 1000) * 1000).toISOString().replace(".000Z", "Z");
  await writePodStatus(cluster, pod, {
    ...pod.status,
    phase: "Running",
    conditions: [{ type: "Ready", status: "True", lastTransitionTime: time, lastProbeTime: null }],
  });
}

async function writePodStatus(cluster: CreatedCluster, pod: any, status: unknown): Promise<void> {
  const path = `/api/v1/namespaces/${pod.metadata.namespace}/pods/${pod.metadata.name}/status`;
  const response = await kubeJson(cluster, path, {
    method: "PATCH",
    body: { status },
    contentType: "application/merge-patch+json",
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}

/** Events about one object, as `kubectl describe` lists them. */
export async function eventsFor(cluster: CreatedCluster, namespace: string, name: string): Promise<Array<{ type: string; reason: string; message: string }>> {
  const list = await getJson(cluster, `/api/v1/namespaces/${namespace}/events?fieldSelector=${encodeURIComponent(`involvedObject.name=${name}`)}`);
  return list.items.map((e: any) => ({ type: e.type, reason: e.reason, message: e.message }));
}
