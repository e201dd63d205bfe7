// PriorityClasses: preemptionPolicy defaults to PreemptLowerPriority (SetDefaults_PriorityClass); validation per
// pkg/apis/scheduling/validation.
import type { KubeObject } from "../../../api/object";
import type { Strategy } from "../types";
import { validatePriorityClass, validatePriorityClassUpdate } from "./validation";

interface PriorityClassShape extends KubeObject {
  value?: number;
  globalDefault?: boolean;
  description?: string;
  preemptionPolicy?: string;
}

export const priorityClassStrategy: Strategy<PriorityClassShape> = {
  defaults(pc) {
    pc.preemptionPolicy ??= "PreemptLowerPriority";
  },
  validate: (pc) => validatePriorityClass(pc),
  validateUpdate: (pc, old) => validatePriorityClassUpdate(pc, old),
};
