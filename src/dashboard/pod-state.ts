// What the dashboard says about a pod and a node: the state word of kubectl's STATUS column (the cluster's Table
// prints it), reduced to a few colour classes (always shown with the word itself), and a node's allocation.
import type { KubeObject } from "../api/object";
import { Quantity } from "../api/quantity";
import { cellOf, type Row } from "./cluster-client";
import { conditionsOf, fieldAt, recordsAt, stringAt } from "./json-read";

/** Colour classes; the text label always accompanies the colour. */
export type StateTone = "pending" | "creating" | "running" | "succeeded" | "failed" | "crash" | "terminating";

export interface PodState {
  label: string;
  tone: StateTone;
}

/** Reasons kubectl shows for containers that cannot run (besides the exit reasons of terminated ones). */
const failedWaiting = new Set(["ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull", "CreateContainerConfigError", "CreateContainerError", "RunContainerError"]);

function toneOf(label: string, phase: string | undefined): StateTone {
  const reason = label.startsWith("Init:") ? label.slice(5) : label;
  if (label === "Terminating") return "terminating";
  if (reason === "CrashLoopBackOff") return "crash";
  if (label === "Running") return "running";
  if (label === "Completed" || phase === "Succeeded") return "succeeded";
  if (label === "Pending" || label === "SchedulingGated") return "pending";
  if (label === "ContainerCreating" || label === "PodInitializing" || label === "NotReady" || /^Init:\d+\/\d+$/.test(label)) return "creating";
  if (failedWaiting.has(reason) || phase === "Failed") return "failed";
  return phase === "Running" ? "failed" : "creating";
}

/** A STATUS word kubectl prints for a pod, with a colour class (which also depends on the pod's phase). */
export function stateOf(label: string, pod: KubeObject): PodState {
  return { label, tone: toneOf(label, phaseOf(pod)) };
}

function phaseOf(pod: KubeObject): string | undefined {
  return stringAt(pod, "status", "phase");
}

/** The state of a printed pod: its Table row's STATUS cell (the apiserver's printPod), with a colour class. */
export function podState(row: Row): PodState {
  return stateOf(String(cellOf(row, "Status") ?? phaseOf(row.object) ?? "Unknown"), row.object);
}

/** Why a pod without a node waits: the PodScheduled condition's reason and message, or the scheduler's queue. */
export function unscheduledReason(pod: KubeObject): string {
  const condition = conditionsOf(pod).find((c) => c.type === "PodScheduled" && c.status === "False");
  if (condition) return [condition.reason, condition.message].filter(Boolean).join(": ");
  return "waiting for the scheduler";
}

export function isTerminal(pod: KubeObject): boolean {
  const phase = phaseOf(pod);
  return phase === "Succeeded" || phase === "Failed";
}

function quantity(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return 0;
  try {
    return Quantity.parse(value).toNumber();
  } catch {
    return 0;
  }
}

/** Sum of the pods' container requests of one resource (e.g. `cpu`), as a number of base units. */
export function requested(pods: KubeObject[], resource: string): number {
  let total = 0;
  for (const pod of pods) {
    if (isTerminal(pod)) continue;
    for (const c of recordsAt(pod, "spec", "containers")) total += quantity(fieldAt(c, "resources", "requests", resource));
  }
  return total;
}

export function allocatable(node: KubeObject, resource: string): number {
  return quantity(fieldAt(node, "status", "allocatable", resource));
}

export interface NodeFacts {
  role: string;
  ready: boolean;
  readyLabel: string;
  /** Why a node is not Ready, from its Ready condition (e.g. "Kubelet stopped posting node status."). */
  notReadyMessage?: string;
  cordoned: boolean;
  taints: string[];
}

export function nodeFacts(node: KubeObject): NodeFacts {
  const labels = node.metadata?.labels ?? {};
  const roles = Object.keys(labels)
    .filter((k) => k.startsWith("node-role.kubernetes.io/"))
    .map((k) => k.slice("node-role.kubernetes.io/".length))
    .filter(Boolean);
  const ready = conditionsOf(node).find((c) => c.type === "Ready");
  const taints = recordsAt(node, "spec", "taints").map((t) => `${t.key}${t.value ? `=${t.value}` : ""}:${t.effect}`);
  return {
    role: roles.length ? roles.join(",") : "worker",
    ready: ready?.status === "True",
    readyLabel: ready?.status === "True" ? "Ready" : ready ? "NotReady" : "Unknown",
    notReadyMessage: ready && ready.status !== "True" && ready.message ? ready.message : undefined,
    cordoned: fieldAt(node, "spec", "unschedulable") === true,
    taints,
  };
}

/** CPU in cores as `0.5` / `2`, memory as `512Mi` / `3.5Gi`. */
export function formatAmount(resource: string, value: number): string {
  if (resource === "cpu") return `${Math.round(value * 1000) / 1000}`;
  const units: Array<[string, number]> = [["Gi", 2 ** 30], ["Mi", 2 ** 20], ["Ki", 2 ** 10]];
  for (const [unit, size] of units) if (value >= size) return `${Math.round((value / size) * 10) / 10}${unit}`;
  return `${value}`;
}

/** kubectl's short age: 5s, 3m, 2h, 4d. */
export function age(from: string | undefined, now: number): string {
  if (!from) return "";
  const seconds = Math.max(0, Math.floor((now - Date.parse(from)) / 1000));
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 7200) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 172_800) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86_400)}d`;
}
