// DefaultTolerationSeconds admission: pods get not-ready and unreachable NoExecute tolerations for 300 s unless they
// tolerate those taints already (an empty key or an empty effect covers them); DaemonSet pods bring their own.
import { describe, expect, it } from "vitest";
import { withDefaultTolerations } from "../../../src/cluster/admission/default-toleration-seconds";
import { nodeCluster, type NodeCluster } from "../../helpers/node-cluster";

const notReady = { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 };
const unreachable = { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 };
const realistic = { spec: { pace: "realistic" as const } };

async function send(cluster: NodeCluster, method: string, path: string, body?: unknown, contentType = "application/json"): Promise<any> {
  const res = await cluster.request(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": contentType } }) });
  return res.json();
}

describe("DefaultTolerationSeconds", () => {
  it("appends both tolerations after the pod's own", () => {
    const own = { key: "dedicated", operator: "Equal", value: "gpu", effect: "NoSchedule" };
    expect(withDefaultTolerations([own], 300)).toEqual([own, notReady, unreachable]);
    expect(withDefaultTolerations(undefined, 300)).toEqual([notReady, unreachable]);
  });

  it("adds only what the pod does not tolerate yet", () => {
    const mine = { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 5 };
    expect(withDefaultTolerations([mine], 300)).toEqual([mine, unreachable]);
    const anyEffect = { key: "node.kubernetes.io/unreachable", operator: "Exists" };
    expect(withDefaultTolerations([anyEffect], 300)).toEqual([anyEffect, notReady]);
    const everything = [{ operator: "Exists" }];
    expect(withDefaultTolerations(everything, 300)).toBe(everything);
    const noExecute = [{ operator: "Exists", effect: "NoExecute" }];
    expect(withDefaultTolerations(noExecute, 300)).toBe(noExecute);
    const otherEffect = { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoSchedule" };
    expect(withDefaultTolerations([otherEffect], 300)).toEqual([otherEffect, notReady, unreachable]);
  });

  it("is what a created pod, a Deployment's pods and CoreDNS show, while kube-proxy and static pods keep their own", async () => {
    const cluster = nodeCluster(realistic);
    cluster.runUntilIdle();
    const ns = "/api/v1/namespaces/default";
    const created = await send(cluster, "POST", `${ns}/pods`, { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [{ name: "c", image: "nginx:1.27" }] } });
    expect(created.spec.tolerations).toEqual([notReady, unreachable]);
    cluster.runUntilIdle();
    const system = await send(cluster, "GET", "/api/v1/namespaces/kube-system/pods");
    const byPrefix = (prefix: string) => system.items.find((p: any) => p.metadata.name.startsWith(prefix));
    expect(byPrefix("coredns-").spec.tolerations).toEqual([
      { key: "CriticalAddonsOnly", operator: "Exists" },
      { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" },
      notReady,
      unreachable,
    ]);
    expect(byPrefix("kube-proxy-").spec.tolerations.some((t: any) => t.tolerationSeconds)).toBe(false);
    expect(byPrefix("etcd-").spec.tolerations).toEqual([{ operator: "Exists", effect: "NoExecute" }]);
  });

  it("lasts 10 s on the fast pace (the apiserver's flags set lower), 300 s on the realistic one", async () => {
    const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [{ name: "c", image: "nginx:1.27" }] } };
    const seconds = async (cluster: NodeCluster) =>
      (await send(cluster, "POST", "/api/v1/namespaces/default/pods", pod)).spec.tolerations.map((t: any) => t.tolerationSeconds);
    expect(await seconds(nodeCluster({ spec: { pace: "fast" } }))).toEqual([10, 10]);
    expect(await seconds(nodeCluster(realistic))).toEqual([300, 300]);
  });

  it("adds them on an update of a pod that lacks them, never through the status subresource", async () => {
    const cluster = nodeCluster(realistic);
    cluster.runUntilIdle();
    const path = "/api/v1/namespaces/default/pods/p";
    const created = await send(cluster, "POST", "/api/v1/namespaces/default/pods", {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "p" },
      spec: { tolerations: [{ operator: "Exists" }], containers: [{ name: "c", image: "nginx:1.27" }] },
    });
    expect(created.spec.tolerations).toEqual([{ operator: "Exists" }]);
    const status = await send(cluster, "PUT", `${path}/status`, { ...created, status: { ...created.status, conditions: [] } });
    expect(status.spec.tolerations).toEqual([{ operator: "Exists" }]);
    const labelled = await send(cluster, "PATCH", path, { metadata: { labels: { a: "b" } } }, "application/merge-patch+json");
    expect(labelled.spec.tolerations).toEqual([{ operator: "Exists" }]);
  });
});
