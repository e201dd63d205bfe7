// Builders for scheduler unit tests: API-shaped nodes and pods, and a cache holding them.
import type { KubeObject } from "../../../src/api/object";
import { SchedulerCache } from "../../../src/cluster/scheduler/cache";
import { assignedPod, nodeUpdate, podToSchedule, type ParseOptions } from "../../../src/cluster/scheduler/parse";
import type { NodeInfo, PodToSchedule } from "../../../src/cluster/scheduler/types";

type Json = Record<string, any>;

export function nodeObject(
  name: string,
  opts: { cpu?: string; memory?: string; pods?: number; labels?: Record<string, string>; taints?: Json[]; unschedulable?: boolean } = {},
): KubeObject {
  const allocatable = { cpu: opts.cpu ?? "2", memory: opts.memory ?? "4Gi", pods: String(opts.pods ?? 110), "ephemeral-storage": "100Gi" };
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name, labels: { "kubernetes.io/hostname": name, ...opts.labels } },
    spec: { ...(opts.taints ? { taints: opts.taints } : {}), ...(opts.unschedulable ? { unschedulable: true } : {}) },
    status: { allocatable, capacity: allocatable },
  };
}

export const controlPlaneTaint = { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" };

export function podObject(
  name: string,
  opts: { namespace?: string; labels?: Record<string, string>; cpu?: string; memory?: string; node?: string; spec?: Json; uid?: string } = {},
): KubeObject {
  const requests: Json = {};
  if (opts.cpu) requests.cpu = opts.cpu;
  if (opts.memory) requests.memory = opts.memory;
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: opts.namespace ?? "default", uid: opts.uid ?? `uid-${name}`, labels: opts.labels ?? {} },
    spec: {
      containers: [{ name: "app", image: "nginx", resources: Object.keys(requests).length ? { requests } : {} }],
      ...(opts.node ? { nodeName: opts.node } : {}),
      ...opts.spec,
    },
    status: { phase: "Pending" },
  };
}

export function cacheOf(nodes: KubeObject[], pods: KubeObject[] = []): SchedulerCache {
  const cache = new SchedulerCache();
  for (const n of nodes) cache.upsertNode(nodeUpdate(n));
  for (const p of pods) cache.upsertPod(assignedPod(p));
  return cache;
}

export function toSchedule(pod: KubeObject, options?: ParseOptions): PodToSchedule {
  return podToSchedule(pod, options);
}

export function nodeInfo(cache: SchedulerCache, name: string): NodeInfo {
  const info = cache.node(name);
  if (!info) throw new Error(`no node ${name}`);
  return info;
}
