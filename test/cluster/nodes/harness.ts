// A Node-side cluster (test/helpers/node-cluster.ts) with the sandbox's node operations and a few readers.
import type { KubeObject } from "../../../src/api/object";
import { nodeKeyPrefix } from "../../../src/cluster/kubelet/node-agent";
import { runNodeOperation, type NodeOperation } from "../../../src/cluster/nodes/operations";
import { rfc3339 } from "../../../src/runtime/clock";
import { paces } from "../../../src/cluster/timing";
import { nodeCluster, type NodeClusterOptions } from "../../helpers/node-cluster";

export type Obj = KubeObject & { spec?: any; status?: any };

export function machineCluster(options: NodeClusterOptions = {}) {
  const cluster = nodeCluster(options);
  let uids = 0;
  const def = (group: string, resource: string) => cluster.table.byResource(group, "v1", resource)!;
  return Object.assign(cluster, {
    /** A node operation as the platform API runs it. */
    node(op: NodeOperation, name?: string, body?: unknown) {
      return cluster.store.batch(() =>
        runNodeOperation(
          {
            registry: cluster.registry,
            machines: cluster.machines,
            spec: cluster.spec,
            timing: paces[cluster.spec.pace],
            now: cluster.now,
            rfc3339,
            uid: () => `00000000-0000-4000-9000-${String(++uids).padStart(12, "0")}`,
            wakeKubelet: (n) => cluster.controllers.wakeKey("kubelet", nodeKeyPrefix + n),
          },
          op,
          name,
          body,
        ),
      );
    },
    getNode(name: string): Obj | undefined {
      return cluster.registry.tryGet(def("", "nodes"), undefined, name) as Obj | undefined;
    },
    pods(namespace = "default"): Obj[] {
      return cluster.registry.list(def("", "pods"), namespace) as Obj[];
    },
    events(reason: string): any[] {
      return (cluster.registry.list(def("", "events")) as any[]).filter((e) => (e as { reason?: string }).reason === reason);
    },
    ready(node: Obj | undefined) {
      return node?.status?.conditions?.find((c: { type: string }) => c.type === "Ready");
    },
    taints(node: Obj | undefined): string[] {
      return (node?.spec?.taints ?? []).map((t: { key: string; effect: string }) => `${t.key}:${t.effect}`);
    },
    async create(path: string, body: unknown) {
      const response = await cluster.request(path, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
      if (response.status !== 201) throw new Error(`create ${path}: ${response.status} ${await response.text()}`);
      return response;
    },
  });
}

export function deployment(name: string, replicas: number, tolerationSeconds?: number) {
  const tolerations =
    tolerationSeconds === undefined
      ? undefined
      : ["node.kubernetes.io/unreachable", "node.kubernetes.io/not-ready"].map((key) => ({ key, operator: "Exists", effect: "NoExecute", tolerationSeconds }));
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: "default" },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          tolerations,
          containers: [{ name: "web", image: "nginx:1.27" }],
        },
      },
    },
  };
}
