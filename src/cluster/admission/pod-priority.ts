// How the Priority admission plugin settles a new pod's priority: its priorityClassName (or else the cluster's
// global default class, or else 0) gives spec.priority and spec.preemptionPolicy; a pod that states either itself
// must agree with the class. Pure: the caller supplies the classes.

export interface PriorityClassInfo {
  name: string;
  value: number;
  globalDefault?: boolean;
  preemptionPolicy?: string;
}

/** What the pod itself says (undefined = not provided). */
export interface PodPriorityFields {
  priorityClassName?: string;
  priority?: number;
  preemptionPolicy?: string;
}

export type PodPriorityResolution =
  | { ok: true; priorityClassName: string; priority: number; preemptionPolicy?: string }
  | { ok: false; reason: string };

/** scheduling.DefaultPriorityWhenNoDefaultClassExists. */
export const defaultPriority = 0;

/** The global default class; should several claim it, the one with the lowest value. */
export function defaultPriorityClass(classes: Iterable<PriorityClassInfo>): PriorityClassInfo | undefined {
  let found: PriorityClassInfo | undefined;
  for (const c of classes) if (c.globalDefault && (!found || c.value < found.value)) found = c;
  return found;
}

export function resolvePodPriority(
  pod: PodPriorityFields,
  lookup: (name: string) => PriorityClassInfo | undefined,
  allClasses: () => Iterable<PriorityClassInfo>,
): PodPriorityResolution {
  let name = "";
  let priority = defaultPriority;
  let policy: string | undefined = "PreemptLowerPriority";
  if (!pod.priorityClassName) {
    const fallback = defaultPriorityClass(allClasses());
    if (fallback) ({ name, value: priority, preemptionPolicy: policy } = fallback);
  } else {
    const found = lookup(pod.priorityClassName);
    if (!found) return { ok: false, reason: `no PriorityClass with name ${pod.priorityClassName} was found` };
    ({ name, value: priority, preemptionPolicy: policy } = found);
  }
  if (pod.priority !== undefined && pod.priority !== priority) {
    return {
      ok: false,
      reason: `the integer value of priority (${pod.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`,
    };
  }
  if (policy !== undefined && pod.preemptionPolicy !== undefined && pod.preemptionPolicy !== policy) {
    return {
      ok: false,
      reason: `the string value of PreemptionPolicy (${pod.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${policy} from the given PriorityClass name`,
    };
  }
  return { ok: true, priorityClassName: name, priority, preemptionPolicy: policy ?? pod.preemptionPolicy };
}
