// What a pod requests and what a node offers, in the scheduler's integer units: millicores for CPU, bytes for
// memory and ephemeral storage, counts for everything else. Follows resourcehelper.PodRequests: containers add up,
// init containers run one at a time (so the pod needs the largest of them, plus the sidecars started before it),
// restartable init containers (sidecars) keep running and add to the sum, and the pod overhead comes on top.
import { quantityFromJSON } from "../../api/quantity";
import type { Container, Node, PodSpec } from "../../api/schemas";
import type { ResourceList } from "../../api/schemas/meta";
import type { Resources } from "./types";

/** What a pod's request is made of. */
export type RequestingSpec = Pick<PodSpec, "containers" | "initContainers" | "overhead">;

/** The scheduler's stand-ins for a container that requests nothing (schedutil.DefaultMilliCPURequest/MemoryRequest). */
export const defaultMilliCpuRequest = 100;
export const defaultMemoryRequest = 200 * 1024 * 1024;

const notScalar = new Set(["cpu", "memory", "ephemeral-storage", "pods", "storage"]);

export function emptyResources(): Resources {
  return { milliCpu: 0, memory: 0, ephemeralStorage: 0, scalar: {} };
}

/** Parsed quantities by text: a cluster uses few distinct values, and parsing allocates BigInts. */
const parsed = { milli: new Map<string | number, number>(), whole: new Map<string | number, number>() };
const maxRemembered = 4096;

function amount(value: unknown, milli: boolean): number {
  if (typeof value !== "string" && typeof value !== "number") return 0;
  const memo = milli ? parsed.milli : parsed.whole;
  const known = memo.get(value);
  if (known !== undefined) return known;
  let result = 0;
  try {
    const q = quantityFromJSON(value);
    result = Number(milli ? q.milliValue() : q.value());
  } catch {
    result = 0;
  }
  if (memo.size >= maxRemembered) memo.clear();
  memo.set(value, result);
  return result;
}

/** A ResourceList (`{cpu: "500m", memory: "1Gi"}`) in scheduler units. */
export function resourcesOf(list: ResourceList | undefined): Resources {
  const out = emptyResources();
  for (const [name, value] of Object.entries(list ?? {})) {
    if (name === "cpu") out.milliCpu = amount(value, true);
    else if (name === "memory") out.memory = amount(value, false);
    else if (name === "ephemeral-storage") out.ephemeralStorage = amount(value, false);
    else if (!notScalar.has(name)) out.scalar[name] = amount(value, false);
  }
  return out;
}

export function addResources(a: Resources, b: Resources, sign = 1): void {
  a.milliCpu += sign * b.milliCpu;
  a.memory += sign * b.memory;
  a.ephemeralStorage += sign * b.ephemeralStorage;
  for (const [name, v] of Object.entries(b.scalar)) {
    const next = (a.scalar[name] ?? 0) + sign * v;
    if (next === 0) delete a.scalar[name];
    else a.scalar[name] = next;
  }
}

function maxInto(a: Resources, b: Resources): void {
  a.milliCpu = Math.max(a.milliCpu, b.milliCpu);
  a.memory = Math.max(a.memory, b.memory);
  a.ephemeralStorage = Math.max(a.ephemeralStorage, b.ephemeralStorage);
  for (const [name, v] of Object.entries(b.scalar)) a.scalar[name] = Math.max(a.scalar[name] ?? 0, v);
}

function copy(r: Resources): Resources {
  return { ...r, scalar: { ...r.scalar } };
}

function containerRequests(c: Container, nonZero: boolean): Resources {
  const requests = c.resources?.requests;
  const r = resourcesOf(requests);
  if (nonZero) {
    if (requests?.cpu === undefined) r.milliCpu = defaultMilliCpuRequest;
    if (requests?.memory === undefined) r.memory = defaultMemoryRequest;
  }
  return r;
}

/**
 * The pod's effective request. With `nonZero`, containers without a CPU or memory request count the scheduler's
 * defaults instead (used for scoring, so best-effort pods still spread).
 */
export function podRequests(spec: RequestingSpec, nonZero = false): Resources {
  const total = emptyResources();
  for (const c of spec.containers ?? []) addResources(total, containerRequests(c, nonZero));
  const sidecars = emptyResources();
  const initPeak = emptyResources();
  for (const c of spec.initContainers ?? []) {
    const own = containerRequests(c, nonZero);
    if (c.restartPolicy === "Always") {
      addResources(total, own);
      addResources(sidecars, own);
      maxInto(initPeak, sidecars);
    } else {
      const running = copy(sidecars);
      addResources(running, own);
      maxInto(initPeak, running);
    }
  }
  maxInto(total, initPeak);
  if (spec.overhead) addResources(total, resourcesOf(spec.overhead));
  return total;
}

/** node.status.allocatable, with the pod count. */
export function allocatableOf(status: Node["status"]): Resources & { pods: number } {
  const list = status?.allocatable ?? {};
  return { ...resourcesOf(list), pods: amount(list.pods, false) };
}
