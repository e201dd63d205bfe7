// PriorityClasses: preemptionPolicy defaults to PreemptLowerPriority (SetDefaults_PriorityClass); validation per
// pkg/apis/scheduling/validation.
import type { PriorityClass } from "../../../api/schemas/scheduling/priorityclass";
import type { Strategy } from "../types";
import { validatePriorityClass, validatePriorityClassUpdate } from "./validation";

export const priorityClassStrategy: Strategy<PriorityClass> = {
  defaults(pc) {
    pc.preemptionPolicy ??= "PreemptLowerPriority";
  },
  validate: (pc) => validatePriorityClass(pc),
  validateUpdate: (pc, old) => validatePriorityClassUpdate(pc, old),
};
