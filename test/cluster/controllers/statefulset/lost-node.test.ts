// A StatefulSet pod on a lost node: evicted by the taint manager it stays Terminating while the node is unreachable,
// and the controller does not make another pod of that name (two pods with one identity) until the old one is gone —
// here when the node comes back and its kubelet removes it; OrderedReady halts meanwhile.
import { describe, expect, it } from "vitest";
import { paces } from "../../../../src/cluster/timing";

const fast = paces.fast;
import { machineCluster } from "../../nodes/harness";
import { webSet } from "./helpers";

const stsPath = "/apis/apps/v1/namespaces/default/statefulsets";
const tolerations = ["node.kubernetes.io/unreachable", "node.kubernetes.io/not-ready"].map((key) => ({ key, operator: "Exists", effect: "NoExecute", tolerationSeconds: 5 }));

describe("StatefulSet controller: a pod on a lost node", () => {
  it("is not replaced while it exists, and is made again under its name once the node has removed it", async () => {
    const cluster = machineCluster();
    cluster.runUntilIdle();
    const set = webSet("web", { replicas: 2 });
    (set.spec.template.spec as Record<string, unknown>).tolerations = tolerations;
    await cluster.create(stsPath, set);
    cluster.runUntilIdle();
    const node = (name: string) => cluster.pods().find((p) => p.metadata.name === name)!.spec.nodeName;
    const lost = node("web-1");
    const before = cluster.pods().find((p) => p.metadata.name === "web-1")!.metadata.uid;

    cluster.node("stop", lost);
    cluster.advance(fast.nodeMonitorGraceMs + 10_000);
    cluster.advance(120_000);
    const stuck = cluster.pods().filter((p) => p.metadata.name === "web-1");
    expect(stuck).toHaveLength(1);
    expect(stuck[0].metadata.uid).toBe(before);
    expect(stuck[0].metadata.deletionTimestamp).toBeDefined();
    // OrderedReady halts at the Terminating pod: a scale-up makes nothing yet.
    const scaled = await cluster.request(`${stsPath}/web`, { method: "PATCH", body: JSON.stringify({ spec: { replicas: 3 } }), headers: { "content-type": "application/merge-patch+json" } });
    expect(scaled.status).toBe(200);
    cluster.advance(10_000);
    expect(cluster.pods().map((p) => p.metadata.name).sort()).toEqual(["web-0", "web-1"]);

    cluster.node("start", lost);
    cluster.runUntilIdle();
    const again = cluster.pods().filter((p) => p.metadata.name === "web-1");
    expect(again).toHaveLength(1);
    expect(again[0].metadata.uid).not.toBe(before);
    expect(again[0].metadata.deletionTimestamp).toBeUndefined();
    expect(again[0].status.phase).toBe("Running");
    expect(cluster.pods().map((p) => p.metadata.name).sort()).toEqual(["web-0", "web-1", "web-2"]);
  });
});
