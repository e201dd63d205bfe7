// NodeResourcesFit (filter, and its default LeastAllocated score) and NodeResourcesBalancedAllocation.
import type { FilterFailure, NodeInfo, PodToSchedule } from "../types";
import { maxNodeScore, plugins, reasons } from "./reasons";

/** Fits when the node has a pod slot and room for every resource the pod requests, next to its bound pods. */
export function nodeResourcesFitFilter(pod: PodToSchedule, node: NodeInfo): FilterFailure | undefined {
  const found: string[] = [];
  if (node.pods.size + 1 > node.allocatable.pods) found.push(reasons.tooManyPods);
  const req = pod.requests;
  const free = (alloc: number, used: number) => alloc - used;
  if (req.milliCpu > 0 && req.milliCpu > free(node.allocatable.milliCpu, node.requested.milliCpu)) found.push(reasons.insufficient("cpu"));
  if (req.memory > 0 && req.memory > free(node.allocatable.memory, node.requested.memory)) found.push(reasons.insufficient("memory"));
  if (req.ephemeralStorage > 0 && req.ephemeralStorage > free(node.allocatable.ephemeralStorage, node.requested.ephemeralStorage)) {
    found.push(reasons.insufficient("ephemeral-storage"));
  }
  for (const [name, amount] of Object.entries(req.scalar)) {
    if (amount > 0 && amount > free(node.allocatable.scalar[name] ?? 0, node.requested.scalar[name] ?? 0)) found.push(reasons.insufficient(name));
  }
  return found.length ? { plugin: plugins.nodeResourcesFit, reasons: found, unresolvable: false } : undefined;
}

function leastAllocated(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * maxNodeScore) / capacity);
}

/**
 * LeastAllocated (the default fit strategy, cpu and memory weighted 1 each): the emptier the node after placing the
 * pod, the higher. Uses the non-zero requests so pods without requests still spread.
 */
export function leastAllocatedScore(pod: PodToSchedule, node: NodeInfo): number {
  const cpu = leastAllocated(node.nonZeroRequested.milliCpu + pod.nonZero.milliCpu, node.allocatable.milliCpu);
  const memory = leastAllocated(node.nonZeroRequested.memory + pod.nonZero.memory, node.allocatable.memory);
  return Math.trunc((cpu + memory) / 2);
}

/**
 * BalancedAllocation: prefers nodes whose CPU and memory end up equally used (1 - the standard deviation of the
 * two fractions). Uses actual requests; a pod that requests nothing gets 0 everywhere (the plugin skips it).
 */
export function balancedAllocationScore(pod: PodToSchedule, node: NodeInfo): number {
  if (pod.requests.milliCpu === 0 && pod.requests.memory === 0) return 0;
  const fractions: number[] = [];
  const add = (requested: number, allocatable: number) => {
    if (allocatable === 0) return;
    fractions.push(Math.min(1, requested / allocatable));
  };
  add(node.requested.milliCpu + pod.requests.milliCpu, node.allocatable.milliCpu);
  add(node.requested.memory + pod.requests.memory, node.allocatable.memory);
  const std = fractions.length === 2 ? Math.abs((fractions[0] - fractions[1]) / 2) : 0;
  return Math.trunc((1 - std) * maxNodeScore);
}
