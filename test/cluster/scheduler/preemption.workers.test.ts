// Preemption in a real cluster object: a high-priority pod that fits on no node evicts a low-priority pod (gracefully,
// through its kubelet), is nominated to that node, and runs there once the victim is gone. Time is a fake clock
// driven through the cluster's alarm, on the fast pace.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../../src/api/platform";
import { coldStartMs, createCluster, kubeJson } from "../../helpers/cluster";
import { create, getJson, settle } from "../controllers/workload-helpers";
import { fakeClockStart } from "../../helpers/fake-clock";

vi.setConfig({ testTimeout: 60_000, hookTimeout: coldStartMs });

let cluster: CreatedCluster;
let t = fakeClockStart();

beforeAll(async () => {
  // One worker with 2 CPUs; the control plane is tainted, so the worker is the only place for user pods.
  cluster = await createCluster({ workers: 1, pace: "fast", nodeResources: { cpu: "2", memory: "4Gi", pods: 110 } });
});

afterEach(() => {
  vi.useRealTimers();
});

async function advance(ms: number, step = 100): Promise<void> {
  for (let at = step; at <= ms; at += step) await settle(cluster, t + at);
  t += ms;
}

const podsPath = "/api/v1/namespaces/default/pods";
const getPod = (name: string) => kubeJson(cluster, `${podsPath}/${name}`);

async function eventsOf(name: string): Promise<any[]> {
  const list = await getJson(cluster, `/api/v1/namespaces/default/events?fieldSelector=${encodeURIComponent(`involvedObject.name=${name}`)}`);
  return list.items;
}

function sleeper(name: string, cpu: string, spec: Record<string, unknown> = {}) {
  const container = { name: "app", image: "busybox:1.36", command: ["sh", "-c", "sleep 3600"], resources: { requests: { cpu } } };
  return { metadata: { name }, spec: { containers: [container], ...spec } };
}

describe("preemption", () => {
  it("evicts a lower-priority pod for a pod that fits nowhere, which then runs in its place", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(t);
    await create(cluster, "/apis/scheduling.k8s.io/v1/priorityclasses", { metadata: { name: "high" }, value: 1000 });
    // `sleep` ignores SIGTERM: the victim may take its whole 30 s grace period to go.
    await create(cluster, podsPath, sleeper("low", "1500m"));
    await advance(1000);
    const low = (await getPod("low")).body;
    expect(low.spec.nodeName).toBe("worker-1");
    expect(low.status.phase).toBe("Running");

    const high = await create(cluster, podsPath, sleeper("high", "1", { priorityClassName: "high" }));
    expect(high.spec.priority).toBe(1000);
    // The victim has up to its 30 s grace period to stop; the preemptor waits for it.
    await advance(32_000, 1000);

    // The victim: deleted gracefully (its kubelet stopped it), told who preempted it.
    expect((await getPod("low")).status).toBe(404);
    const victimEvents = await eventsOf("low");
    expect(victimEvents.find((e) => e.reason === "Preempted")).toMatchObject({
      type: "Normal",
      message: `Preempted by pod ${high.metadata.uid} on node worker-1`,
      source: { component: "default-scheduler" },
    });
    expect(victimEvents.map((e) => e.reason)).toContain("Killing");

    // The preemptor: a FailedScheduling without a preemption part (preemption found room); retried while the victim
    // terminates, it waits instead of preempting more; then it is bound to the node it was nominated to (kube-scheduler
    // 1.33 leaves status.nominatedNodeName in place) and runs.
    const running = (await getPod("high")).body;
    expect(running.spec.nodeName).toBe("worker-1");
    expect(running.status.nominatedNodeName).toBe("worker-1");
    expect(running.status.phase).toBe("Running");
    const fits = "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.";
    const scheduling = (await eventsOf("high")).filter((e) => e.reason === "FailedScheduling" || e.reason === "Scheduled");
    expect(scheduling[0]).toMatchObject({ reason: "FailedScheduling", message: fits });
    for (const e of scheduling.slice(1, -1)) {
      expect(e).toMatchObject({ reason: "FailedScheduling", message: `${fits} preemption: not eligible due to a terminating pod on the nominated node.` });
    }
    expect(scheduling.at(-1)).toMatchObject({ reason: "Scheduled", message: "Successfully assigned default/high to worker-1" });
  });

  it("lets a pod of equal priority preempt nobody, saying so in its FailedScheduling message", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    t += 60_000;
    vi.setSystemTime(t);
    expect((await getPod("high")).body.spec.nodeName).toBe("worker-1");
    // worker-1 now runs `high` (1 CPU of 2) and the ingress-nginx controller (100m, priority 0): a second pod of
    // priority 1000 may not preempt `high`, and evicting the controller would not free enough, so the preemption
    // attempt reports the filter's reason (SelectVictimsOnNode) rather than "No preemption victims found".
    await create(cluster, podsPath, sleeper("peer", "1500m", { priorityClassName: "high" }));
    await settle(cluster, t + 10);
    const peer = (await getPod("peer")).body;
    expect(peer.spec.nodeName).toBeUndefined();
    expect(peer.status.nominatedNodeName).toBeUndefined();
    expect(peer.status.conditions.find((c: any) => c.type === "PodScheduled").message).toBe(
      "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. " +
        "preemption: 0/2 nodes are available: 1 Insufficient cpu, 1 Preemption is not helpful for scheduling.",
    );
  });

  it("binds the preemptor at once when its victims go at once (grace period 0)", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    t += 60_000;
    vi.setSystemTime(t);
    for (const name of ["peer", "high"]) {
      const gone = await kubeJson(cluster, `${podsPath}/${name}`, { method: "DELETE", body: { gracePeriodSeconds: 0 } });
      expect(gone.status).toBe(200);
    }
    await create(cluster, podsPath, sleeper("quick", "1500m", { terminationGracePeriodSeconds: 0 }));
    await advance(1000);
    expect((await getPod("quick")).body.spec.nodeName).toBe("worker-1");
    await create(cluster, podsPath, sleeper("urgent", "1", { priorityClassName: "high" }));
    await settle(cluster, t + 10);
    expect((await getPod("quick")).status).toBe(404);
    const urgent = (await getPod("urgent")).body;
    expect(urgent.spec.nodeName).toBe("worker-1");
    const scheduling = (await eventsOf("urgent")).filter((e) => e.reason === "FailedScheduling" || e.reason === "Scheduled");
    expect(scheduling.map((e) => e.reason)).toEqual(["FailedScheduling", "Scheduled"]);
  });
});
