// metrics.k8s.io/v1beta1 (NodeMetrics, PodMetrics), served as metrics-server serves it through the aggregator:
// computed when read from the MetricsSource, available while a metrics-server pod in kube-system is Ready.
import type { KubeObject } from "../../../api/object";
import type { Node, Pod } from "../../../api/schemas";
import { NodeMetrics, PodMetrics } from "../../../api/schemas/metrics/metrics";
import { parseLabelSelector } from "../../../api/selectors/label-selector";
import { notFound } from "../../../api/status";
import { defineResource } from "../define";
import type { RegistryStore } from "../generic-store";
import { nodes } from "../nodes";
import { pods } from "../pods";
import type { VirtualReadRequest } from "../types";
import type { ContainerMetrics } from "./source";

export const metricsGroup = "metrics.k8s.io";
export const metricsServerLabel = { key: "k8s-app", value: "metrics-server" };

/** Is a metrics-server pod in kube-system Ready (the APIService v1beta1.metrics.k8s.io Available)? */
export function metricsServerReady(registry: RegistryStore): boolean {
  return registry
    .list(pods, "kube-system")
    .some(
      (p) =>
        p.metadata.labels?.[metricsServerLabel.key] === metricsServerLabel.value &&
        !p.metadata.deletionTimestamp &&
        p.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True"),
    );
}

const cpu = (millis: number) => `${Math.round(millis * 1_000_000)}n`;
const memory = (bytes: number) => `${Math.round(bytes / 1024)}Ki`;
const seconds = (ms: number) => `${Math.round(ms / 1000)}s`;
const usageOf = (c: { cpuMillis: number; memoryBytes: number }) => ({ cpu: cpu(c.cpuMillis), memory: memory(c.memoryBytes) });

function labelsFilter(query: URLSearchParams) {
  const selector = query.get("labelSelector");
  const matcher = selector ? parseLabelSelector(selector) : undefined;
  return (labels: Record<string, string> | undefined) => !matcher || matcher.matches(labels ?? {});
}

function podMetrics(pod: Pod, req: VirtualReadRequest): KubeObject | undefined {
  const usage = req.metrics.pod(pod, req.now);
  if (!usage) return undefined;
  return {
    metadata: {
      name: pod.metadata.name,
      namespace: pod.metadata.namespace,
      creationTimestamp: req.rfc3339(req.now),
      ...(pod.metadata.labels ? { labels: pod.metadata.labels } : {}),
    },
    timestamp: req.rfc3339(usage.timestampMs),
    window: seconds(usage.windowMs),
    containers: usage.containers.map((c: ContainerMetrics) => ({ name: c.name, usage: usageOf(c) })),
  };
}

function nodeReady(node: Node): boolean {
  return node.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false;
}

function nodeMetrics(node: Node, req: VirtualReadRequest): KubeObject | undefined {
  if (!nodeReady(node)) return undefined;
  const onNode = req.registry.list(pods).filter((p) => p.spec?.nodeName === node.metadata.name);
  const usage = req.metrics.node(node, onNode, req.now);
  return {
    metadata: {
      name: node.metadata.name,
      creationTimestamp: req.rfc3339(req.now),
      ...(node.metadata.labels ? { labels: node.metadata.labels } : {}),
    },
    timestamp: req.rfc3339(usage.timestampMs),
    window: seconds(usage.windowMs),
    usage: usageOf(usage),
  };
}

const common = { group: metricsGroup, version: "v1beta1", verbs: ["get" as const, "list" as const], aggregatedAvailable: metricsServerReady };

export const podMetricsResource = defineResource({
  ...common,
  kind: "PodMetrics",
  resource: "pods",
  namespaced: true,
  schema: PodMetrics,
  virtualRead: {
    get(req) {
      const pod = req.registry.tryGet(pods, req.namespace, req.name!);
      const found = pod && podMetrics(pod, req);
      if (!found) throw notFound("pods", metricsGroup, req.name!);
      return found;
    },
    list(req) {
      const matches = labelsFilter(req.query);
      return req.registry
        .list(pods, req.namespace)
        .filter((p) => matches(p.metadata.labels))
        .flatMap((p) => podMetrics(p, req) ?? []);
    },
  },
});

export const nodeMetricsResource = defineResource({
  ...common,
  kind: "NodeMetrics",
  resource: "nodes",
  namespaced: false,
  schema: NodeMetrics,
  virtualRead: {
    get(req) {
      const node = req.registry.tryGet(nodes, undefined, req.name!);
      const found = node && nodeMetrics(node, req);
      if (!found) throw notFound("nodes", metricsGroup, req.name!);
      return found;
    },
    list(req) {
      const matches = labelsFilter(req.query);
      return req.registry
        .list(nodes)
        .filter((n) => matches(n.metadata.labels))
        .flatMap((n) => nodeMetrics(n, req) ?? []);
    },
  },
});
