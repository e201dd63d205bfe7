// PodTemplates: a stored pod template, defaulted and validated like a pod's spec.
import type { PodTemplate } from "../../../api/schemas/core/pod";
import type { Strategy } from "../types";
import { defaultPodTemplate, validatePodTemplateSpec } from "../pod-template";

export const podTemplateStrategy: Strategy<PodTemplate> = {
  defaults(pt) {
    defaultPodTemplate((pt.template ??= {}));
  },
  validate(pt) {
    return validatePodTemplateSpec(pt.template, "template");
  },
};
