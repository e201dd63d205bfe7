// PriorityClasses and the Priority admission plugin through the API of a real cluster object: the system classes a
// cluster starts with, `kubectl create priorityclass` (a protobuf body), and the priority pods get or are refused.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { CreatedCluster } from "../../../src/api/platform";
import { coldStartMs, createCluster, kubeJson } from "../../helpers/cluster";
import { settle } from "../controllers/workload-helpers";
import { fakeClockStart } from "../../helpers/fake-clock";

vi.setConfig({ testTimeout: 30_000, hookTimeout: coldStartMs });

let cluster: CreatedCluster;

beforeAll(async () => {
  cluster = await createCluster({ workers: 1, pace: "fast" });
});

afterEach(() => {
  vi.useRealTimers();
});

const classes = "/apis/scheduling.k8s.io/v1/priorityclasses";
const pods = "/api/v1/namespaces/default/pods";
const table = { accept: "application/json;as=Table;v=v1;g=meta.k8s.io" };

/** `kubectl create priorityclass high --value=1000 --description=x` as kubectl 1.33 sends it (fixtures/priorityclass.bin). */
const createHighProtobuf =
  "6b3873000a250a147363686564756c696e672e6b38732e696f2f7631120d5072696f72697479436c61737312340a140a046869676812001a00" +
  "22002a0032003800420010e80718002201782a14507265656d70744c6f7765725072696f726974791a002200";

function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g)!.map((b) => parseInt(b, 16)));
}

function podBody(name: string, spec: Record<string, unknown> = {}) {
  return { apiVersion: "v1", kind: "Pod", metadata: { name }, spec: { containers: [{ name: "app", image: "nginx:1.25" }], ...spec } };
}

async function createPod(name: string, spec: Record<string, unknown> = {}) {
  return kubeJson(cluster, pods, { method: "POST", body: podBody(name, spec) });
}

describe("PriorityClass", () => {
  it("exists as the two system classes in a new cluster, printed as kubectl get priorityclasses prints them", async () => {
    const { status, body } = await kubeJson(cluster, classes, table);
    expect(status).toBe(200);
    expect(body.columnDefinitions.map((c: any) => c.name)).toEqual(["Name", "Value", "Global-Default", "Age", "PreemptionPolicy"]);
    const rows = body.rows.map((r: any) => [r.cells[0], r.cells[1], r.cells[2], r.cells[4]]);
    expect(rows).toEqual([
      ["system-cluster-critical", 2000000000, false, "PreemptLowerPriority"],
      ["system-node-critical", 2000001000, false, "PreemptLowerPriority"],
    ]);
    const node = await kubeJson(cluster, `${classes}/system-node-critical`);
    expect(node.body.description).toBe("Used for system critical pods that must not be moved from their current node.");
  });

  it("gives kube-system's pods the priorities of their classes", async () => {
    const { body } = await kubeJson(cluster, "/api/v1/namespaces/kube-system/pods");
    const byName = (prefix: string) => body.items.filter((p: any) => p.metadata.name.startsWith(prefix));
    const priorities = (prefix: string) => byName(prefix).map((p: any) => [p.spec.priorityClassName, p.spec.priority, p.spec.preemptionPolicy]);
    expect(byName("coredns-").length).toBeGreaterThan(0);
    for (const entry of priorities("coredns-")) expect(entry).toEqual(["system-cluster-critical", 2000000000, "PreemptLowerPriority"]);
    expect(byName("kube-proxy-").length).toBeGreaterThan(0);
    for (const prefix of ["kube-proxy-", "kube-apiserver-", "etcd-"]) {
      for (const entry of priorities(prefix)) expect(entry).toEqual(["system-node-critical", 2000001000, "PreemptLowerPriority"]);
    }
  });

  it("is created from kubectl create priorityclass's protobuf body, and names a priority for pods", async () => {
    const created = await kubeJson(cluster, classes, {
      method: "POST",
      raw: hexBytes(createHighProtobuf),
      contentType: "application/vnd.kubernetes.protobuf",
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ kind: "PriorityClass", metadata: { name: "high" }, value: 1000, description: "x", preemptionPolicy: "PreemptLowerPriority" });
    const pod = await createPod("important", { priorityClassName: "high" });
    expect(pod.status).toBe(201);
    expect(pod.body.spec).toMatchObject({ priorityClassName: "high", priority: 1000, preemptionPolicy: "PreemptLowerPriority" });
    const plain = await createPod("plain");
    expect(plain.body.spec.priority).toBe(0);
    expect(plain.body.spec.priorityClassName).toBeUndefined();
  });

  it("refuses a pod naming a class that does not exist, or stating another priority than its class", async () => {
    const unknown = await createPod("x", { priorityClassName: "foo" });
    expect(unknown.status).toBe(403);
    expect(unknown.body).toMatchObject({ reason: "Forbidden", message: 'pods "x" is forbidden: no PriorityClass with name foo was found' });
    const stated = await createPod("y", { priorityClassName: "system-cluster-critical", priority: 5 });
    expect(stated.status).toBe(403);
    expect(stated.body.message).toBe(
      'pods "y" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 2000000000 from the given PriorityClass name',
    );
    // Zero is a stated value too, not "unset".
    const zero = await createPod("z", { priorityClassName: "system-cluster-critical", priority: 0 });
    expect(zero.status).toBe(403);
    expect(zero.body.message).toContain("the integer value of priority (0) must not be provided in pod spec");
  });

  it("validates values and reserved names like the apiserver", async () => {
    const huge = await kubeJson(cluster, classes, { method: "POST", body: { metadata: { name: "huge" }, value: 1_000_000_001 } });
    expect(huge.status).toBe(422);
    expect(huge.body.message).toBe('PriorityClass.scheduling.k8s.io "huge" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000');
    const reserved = await kubeJson(cluster, classes, { method: "POST", body: { metadata: { name: "system-mine" }, value: 1 } });
    expect(reserved.status).toBe(422);
    expect(reserved.body.message).toBe(
      "PriorityClass.scheduling.k8s.io \"system-mine\" is invalid: metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class",
    );
    const removed = await kubeJson(cluster, `${classes}/system-node-critical`, { method: "DELETE" });
    expect(removed.status).toBe(403);
    expect(removed.body.message).toBe('priorityclasses.scheduling.k8s.io "system-node-critical" is forbidden: this is a system priority class and cannot be deleted');
    const changed = await kubeJson(cluster, `${classes}/high`, { method: "PATCH", body: { value: 2000 }, contentType: "application/merge-patch+json" });
    expect(changed.status).toBe(422);
    expect(changed.body.message).toBe('PriorityClass.scheduling.k8s.io "high" is invalid: value: Forbidden: may not be changed in an update.');
  });

  it("allows one global default, which pods without a class then get", async () => {
    const first = await kubeJson(cluster, classes, { method: "POST", body: { metadata: { name: "dflt" }, value: 10, globalDefault: true, preemptionPolicy: "Never" } });
    expect(first.status).toBe(201);
    const second = await kubeJson(cluster, classes, { method: "POST", body: { metadata: { name: "dflt2" }, value: 20, globalDefault: true } });
    expect(second.status).toBe(403);
    expect(second.body.message).toBe('priorityclasses.scheduling.k8s.io "dflt2" is forbidden: PriorityClass dflt is already marked as default. Only one default can exist');
    const pod = await createPod("defaulted");
    expect(pod.body.spec).toMatchObject({ priorityClassName: "dflt", priority: 10, preemptionPolicy: "Never" });
    expect((await kubeJson(cluster, `${classes}/dflt`, { method: "DELETE" })).status).toBe(200);
    expect((await createPod("undefaulted")).body.spec.priority).toBe(0);
  });

  // Last: it moves the clock forward (the cluster's rate limiter must not see it go back).
  it("reports a Deployment's pods refused for an unknown class on its ReplicaSet, named by generateName", async () => {
    const t = fakeClockStart();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(t);
    const template = { metadata: { labels: { app: "bad" } }, spec: { priorityClassName: "nope", containers: [{ name: "app", image: "nginx:1.25" }] } };
    const deployment = await kubeJson(cluster, "/apis/apps/v1/namespaces/default/deployments", {
      method: "POST",
      body: { metadata: { name: "bad" }, spec: { replicas: 1, selector: { matchLabels: { app: "bad" } }, template } },
    });
    expect(deployment.status).toBe(201);
    await settle(cluster, t + 1000);
    const { body } = await kubeJson(cluster, `/api/v1/namespaces/default/events?fieldSelector=${encodeURIComponent("reason=FailedCreate")}`);
    const messages = body.items.map((e: any) => e.message);
    expect(messages).toContainEqual(expect.stringMatching(/^Error creating: pods "bad-[a-z0-9]+-" is forbidden: no PriorityClass with name nope was found$/));
  });
});
