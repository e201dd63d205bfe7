// ReplicaSets (apps/v1): replicas default to 1, status starts empty, the selector must select the template and may
// not change.
import type { Strategy } from "../types";
import { defaultPodTemplate, nonNegative } from "../pod-template";
import { validateSelectorAndTemplate, validateSelectorUnchanged } from "./template";

type Json = Record<string, any>;

export const replicaSetStrategy: Strategy = {
  defaults(rs) {
    const spec = (rs.spec ??= {}) as Json;
    spec.replicas ??= 1;
    defaultPodTemplate(spec.template);
  },
  prepareForCreate(rs) {
    rs.status = { replicas: 0 };
  },
  validate(rs) {
    const spec = (rs.spec ?? {}) as Json;
    return [
      ...nonNegative("spec.replicas", spec.replicas),
      ...nonNegative("spec.minReadySeconds", spec.minReadySeconds),
      ...validateSelectorAndTemplate(spec, "ReplicaSet"),
    ];
  },
  validateUpdate(rs, old) {
    return validateSelectorUnchanged((rs.spec ?? {}) as Json, (old.spec ?? {}) as Json);
  },
};
