// ReplicationControllers (core/v1): the selector and labels default to the template's labels, replicas to 1; the
// selector must be non-empty and select the template. Unlike apps/v1 kinds, the selector may change.
import { selectorFromSet } from "../../../api/selectors/label-selector";
import { fieldError } from "../../../api/status";
import { validateLabels } from "../../../api/validation/labels";
import type { ReplicationController } from "../../../api/schemas/core/replicationcontroller";
import type { Strategy } from "../types";
import { defaultPodTemplate, nonNegative } from "../pod-template";
import { validateControllerTemplate } from "../replicasets/template";

export const replicationControllerStrategy: Strategy<ReplicationController> = {
  defaults(rc) {
    const spec = (rc.spec ??= {});
    const labels = spec.template?.metadata?.labels;
    if (labels) {
      if (!spec.selector || !Object.keys(spec.selector).length) spec.selector = { ...labels };
      if (!rc.metadata.labels || !Object.keys(rc.metadata.labels).length) rc.metadata.labels = { ...labels };
    }
    spec.replicas ??= 1;
    defaultPodTemplate(spec.template);
  },
  prepareForCreate(rc) {
    rc.status = { replicas: 0 };
  },
  validate(rc) {
    const spec = rc.spec ?? {};
    const selector = spec.selector ?? {};
    const errors = [
      ...nonNegative("spec.minReadySeconds", spec.minReadySeconds),
      ...nonNegative("spec.replicas", spec.replicas),
      ...validateControllerTemplate(spec.template, selectorFromSet(selector), "spec.template", "ReplicationController"),
    ];
    if (!Object.keys(selector).length) errors.push(fieldError.required("spec.selector"));
    else errors.push(...validateLabels(selector, "spec.selector"));
    return errors;
  },
};
