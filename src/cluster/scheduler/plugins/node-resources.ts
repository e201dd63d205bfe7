// NodeResourcesFit (filter, and its default LeastAllocated score) and NodeResourcesBalancedAllocation.
import type { FilterFailure, NodeInfo, PodToSchedule } from "../types";
import { maxNodeScore, plugins, reasons } from "./reasons";

/** Fits when the node has a pod slot and room for every resource the pod requests, next to its bound pods. */
export function nodeResourcesFitFilter(pod: PodToSchedule, node: NodeInfo): FilterFailure | undefined {
  const req = pod.requests;
  const alloc = node.allocatable;
  const used = node.requested;
  const tooMany = node.pods.size + 1 > alloc.pods;
  const cpu = req.milliCpu > 0 && req.milliCpu > alloc.milliCpu - used.milliCpu;
  const memory = req.memory > 0 && req.memory > alloc.memory - used.memory;
  const storage = req.ephemeralStorage > 0 && req.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage;
  let scalar: string[] | undefined;
  for (const name in req.scalar) {
    const amount = req.scalar[name];
    if (amount > 0 && amount > (alloc.scalar[name] ?? 0) - (used.scalar[name] ?? 0)) (scalar ??= []).push(reasons.insufficient(name));
  }
  if (!tooMany && !cpu && !memory && !storage && !scalar) return undefined;
  const found: string[] = [];
  if (tooMany) found.push(reasons.tooManyPods);
  if (cpu) found.push(reasons.insufficient("cpu"));
  if (memory) found.push(reasons.insufficient("memory"));
  if (storage) found.push(reasons.insufficient("ephemeral-storage"));
  if (scalar) found.push(...scalar);
  return { plugin: plugins.nodeResourcesFit, reasons: found, unresolvable: false };
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
  const cpuAlloc = node.allocatable.milliCpu;
  const memAlloc = node.allocatable.memory;
  // With one resource (the other's allocatable is 0) the deviation is 0.
  let std = 0;
  if (cpuAlloc > 0 && memAlloc > 0) {
    const cpu = Math.min(1, (node.requested.milliCpu + pod.requests.milliCpu) / cpuAlloc);
    const memory = Math.min(1, (node.requested.memory + pod.requests.memory) / memAlloc);
    std = Math.abs((cpu - memory) / 2);
  }
  return Math.trunc((1 - std) * maxNodeScore);
}
