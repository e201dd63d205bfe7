// The scheduler's VolumeBinding with the PV controller: a pod waits for a missing claim or an unbound Immediate
// claim with kube-scheduler's messages; WaitForFirstConsumer claims are provisioned on the chosen node; a volume's
// node affinity keeps pods off other nodes.
import { describe, expect, it } from "vitest";
import type { Pod } from "../../../../src/api/schemas/core/pod";
import { pods } from "../../../../src/cluster/registry/pods";
import { pvSetup, ns } from "./helpers";

const scheduled = (pod: Pod | undefined) => pod?.status?.conditions?.find((c) => c.type === "PodScheduled");

describe("WaitForFirstConsumer", () => {
  it("waits for a pod, then provisions on the node the scheduler chose, and the pod runs there", async () => {
    const t = pvSetup({ workers: 1 });
    await t.createClass("local", { provisioner: "k8s.io/minikube-hostpath", volumeBindingMode: "WaitForFirstConsumer" });
    await t.createClaim("late", { storageClassName: "local" });
    expect(t.claim("late")!.status!.phase).toBe("Pending");
    expect(t.eventsFor("late")).toContain("WaitForFirstConsumer: waiting for first consumer to be created before binding");
    expect(t.volumes()).toEqual([]);
    await t.createPod("user", ["late"]);
    const claim = t.claim("late")!;
    const node = claim.metadata.annotations!["volume.kubernetes.io/selected-node"];
    expect(node).toEqual(expect.any(String));
    expect(claim.status!.phase).toBe("Bound");
    const pv = t.volume(claim.spec!.volumeName!)!;
    expect(pv.spec!.nodeAffinity!.required!.nodeSelectorTerms[0].matchExpressions![0]).toEqual({ key: "kubernetes.io/hostname", operator: "In", values: [node] });
    const pod = (await (await t.cluster.request(`${ns}/pods/user`)).json()) as { spec: { nodeName: string } };
    expect(pod.spec.nodeName).toBe(node);
  });
});

describe("VolumeBinding's messages", () => {
  it("keeps a pod whose claim does not exist Pending, and schedules it once the claim is bound", async () => {
    const t = pvSetup();
    await t.createPod("orphan", ["missing"]);
    const pod = t.cluster.registry.get(pods, "default", "orphan");
    expect(pod.spec!.nodeName).toBeUndefined();
    expect(scheduled(pod)).toMatchObject({
      status: "False", reason: "Unschedulable",
      message: '0/3 nodes are available: persistentvolumeclaim "missing" not found. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    });
    expect(t.eventsFor("orphan")[0]).toBe(`FailedScheduling: ${scheduled(pod)!.message}`);
    await t.createClaim("missing");
    expect(t.cluster.registry.get(pods, "default", "orphan").spec!.nodeName).toEqual(expect.any(String));
  });

  it("keeps a pod whose Immediate claim is unbound Pending with pod has unbound immediate PersistentVolumeClaims", async () => {
    const t = pvSetup();
    await t.createClaim("manual", { storageClassName: "manual" });
    await t.createPod("waiter", ["manual"]);
    const pod = t.cluster.registry.get(pods, "default", "waiter");
    expect(scheduled(pod)!.message).toBe(
      "0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
    // A matching volume appears: the claim binds and the pod is scheduled.
    await t.createVolume("fits", { storageClassName: "manual" });
    expect(t.claim("manual")!.status!.phase).toBe("Bound");
    expect(t.cluster.registry.get(pods, "default", "waiter").spec!.nodeName).toEqual(expect.any(String));
  });

  it("keeps pods off nodes their volume does not reach: volume node affinity conflict", async () => {
    const t = pvSetup({ workers: 1 });
    const affinity = (node: string) => ({ required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: [node] }] }] } });
    await t.createVolume("nowhere", { storageClassName: "", local: { path: "/mnt/disk" }, hostPath: undefined, nodeAffinity: affinity("no-such-node") });
    await t.createClaim("pinned", { storageClassName: "" });
    expect(t.claim("pinned")!.spec!.volumeName).toBe("nowhere");
    await t.createPod("stuck", ["pinned"]);
    expect(scheduled(t.cluster.registry.get(pods, "default", "stuck"))!.message).toBe(
      "0/2 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) had volume node affinity conflict. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    );
    const nodeList = (await (await t.cluster.request("/api/v1/nodes")).json()) as { items: Array<{ metadata: { name: string } }> };
    const worker = nodeList.items[1].metadata.name;
    await t.createVolume("there", { storageClassName: "", local: { path: "/mnt/disk" }, hostPath: undefined, nodeAffinity: affinity(worker) });
    await t.createClaim("placed", { storageClassName: "" });
    expect(t.claim("placed")!.spec!.volumeName).toBe("there");
    await t.createPod("follows", ["placed"]);
    expect(t.cluster.registry.get(pods, "default", "follows").spec!.nodeName).toBe(worker);
  });
});

describe("pvc-protection", () => {
  it("keeps a claim used by a pod Terminating until the pod is gone", async () => {
    const t = pvSetup();
    await t.createClaim("used");
    await t.createPod("user", ["used"]);
    expect(t.cluster.registry.get(pods, "default", "user").spec!.nodeName).toEqual(expect.any(String));
    await t.send("DELETE", `${ns}/persistentvolumeclaims/used`);
    const claim = t.claim("used")!;
    expect(claim.metadata.deletionTimestamp).toEqual(expect.any(String));
    expect(claim.metadata.finalizers).toEqual(["kubernetes.io/pvc-protection"]);
    const table = (await (await t.cluster.request(`${ns}/persistentvolumeclaims/used`, { headers: { accept: "application/json;as=Table;v=v1;g=meta.k8s.io" } })).json()) as { rows: Array<{ cells: unknown[] }> };
    expect(table.rows[0].cells[1]).toBe("Terminating");
    const volume = claim.spec!.volumeName!;
    await t.send("DELETE", `${ns}/pods/user?gracePeriodSeconds=0`);
    t.cluster.advance(60_000);
    expect(t.claim("used")).toBeUndefined();
    expect(t.volume(volume)).toBeUndefined();
  });
});
