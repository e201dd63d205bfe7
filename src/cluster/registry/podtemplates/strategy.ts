// PodTemplates: a stored pod template, defaulted and validated like a pod's spec.
import type { Strategy } from "../types";
import { defaultPodTemplate, validatePodTemplateSpec } from "../pod-template";

type Json = Record<string, any>;

export const podTemplateStrategy: Strategy = {
  defaults(pt) {
    defaultPodTemplate((pt.template ??= {}) as Json);
  },
  validate(pt) {
    return validatePodTemplateSpec(pt.template as Json | undefined, "template");
  },
};
