// The two classes every cluster has (the apiserver creates them at start): their names, values and descriptions,
// and the rules that keep the `system-` prefix reserved for them.
import type { PriorityClass } from "../../../api/schemas/scheduling/priorityclass";

export const systemPriorityClassPrefix = "system-";
/** scheduling.SystemCriticalPriority. */
export const systemCriticalPriority = 2_000_000_000;
/** scheduling.HighestUserDefinablePriority: the largest value a class outside the system ones may have. */
export const highestUserDefinablePriority = 1_000_000_000;

export interface SystemPriorityClass {
  name: string;
  value: number;
  description: string;
}

export const systemPriorityClasses: readonly SystemPriorityClass[] = [
  {
    name: "system-node-critical",
    value: systemCriticalPriority + 1000,
    description: "Used for system critical pods that must not be moved from their current node.",
  },
  {
    name: "system-cluster-critical",
    value: systemCriticalPriority,
    description: "Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.",
  },
];

export function systemPriorityClass(name: string): SystemPriorityClass | undefined {
  return systemPriorityClasses.find((c) => c.name === name);
}

/** Why a class named `name` may not exist with this value and globalDefault, or undefined when it may. */
export function systemClassMismatch(name: string, value: unknown, globalDefault: boolean): string | undefined {
  const known = systemPriorityClass(name);
  if (!known) return `${name} is not a known system priority class`;
  if (known.value !== value) return `value of ${name} PriorityClass must be ${known.value}`;
  if (globalDefault) return `globalDefault of ${name} PriorityClass must be false`;
  return undefined;
}

/** A system class as the apiserver's bootstrap creates it. */
export function systemPriorityClassObject(c: SystemPriorityClass): PriorityClass {
  return {
    apiVersion: "scheduling.k8s.io/v1",
    kind: "PriorityClass",
    metadata: { name: c.name },
    value: c.value,
    description: c.description,
    preemptionPolicy: "PreemptLowerPriority",
  };
}
