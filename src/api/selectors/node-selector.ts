// Matching a node against NodeSelectorRequirements and a taint against tolerations, as Kubernetes' helpers do
// (component-helpers/scheduling/corev1): shared by the scheduler and the DaemonSet controller.

export interface NodeSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

/** Whether a label (or field) value satisfies one requirement: In, NotIn, Exists, DoesNotExist, Gt, Lt. */
export function nodeRequirementMatches(req: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = req.values ?? [];
  switch (req.operator) {
    case "In":
      return value !== undefined && values.includes(value);
    case "NotIn":
      return value === undefined || !values.includes(value);
    case "Exists":
      return value !== undefined;
    case "DoesNotExist":
      return value === undefined;
    case "Gt":
    case "Lt": {
      if (value === undefined || values.length !== 1) return false;
      const have = Number.parseInt(value, 10);
      const want = Number.parseInt(values[0], 10);
      if (!Number.isInteger(have) || !Number.isInteger(want)) return false;
      return req.operator === "Gt" ? have > want : have < want;
    }
    default:
      return false;
  }
}

/** Whether `t` tolerates `taint` (an empty key with Exists tolerates everything; the effect must match if set). */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  const operator = t.operator || "Equal";
  if (operator === "Exists") return true;
  return operator === "Equal" && !!t.key && (t.value ?? "") === (taint.value ?? "");
}
