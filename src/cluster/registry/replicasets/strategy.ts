// ReplicaSets (apps/v1): replicas default to 1, status starts empty, the selector must select the template and may
// not change.
import type { ReplicaSet, ReplicaSetSpec } from "../../../api/schemas/apps/replicaset";
import type { Strategy } from "../types";
import { defaultPodTemplate, nonNegative, zeroValue } from "../pod-template";
import { validateSelectorAndTemplate, validateSelectorUnchanged } from "./template";

export const replicaSetStrategy: Strategy<ReplicaSet> = {
  defaults(rs) {
    const spec = (rs.spec ??= zeroValue<ReplicaSetSpec>());
    spec.replicas ??= 1;
    defaultPodTemplate(spec.template);
  },
  prepareForCreate(rs) {
    rs.status = { replicas: 0 };
  },
  validate(rs) {
    const spec: Partial<ReplicaSetSpec> = rs.spec ?? {};
    return [
      ...nonNegative("spec.replicas", spec.replicas),
      ...nonNegative("spec.minReadySeconds", spec.minReadySeconds),
      ...validateSelectorAndTemplate(spec, "ReplicaSet"),
    ];
  },
  validateUpdate(rs, old) {
    return validateSelectorUnchanged(rs.spec ?? {}, old.spec ?? {});
  },
};
