// HorizontalPodAutoscalers (pkg/registry/autoscaling/horizontalpodautoscaler): autoscaling/v2 defaults; a new one
// starts with an empty status (desiredReplicas 0); spec changes bump the generation (hasGeneration) and status writes
// keep the spec.
import type { HorizontalPodAutoscaler } from "../../../api/schemas/autoscaling/horizontalpodautoscaler";
import type { Strategy } from "../types";
import { defaultHpa } from "./defaults";
import { validateHpa, validateHpaStatus } from "./validation";

export const hpaStrategy: Strategy<HorizontalPodAutoscaler> = {
  defaults: defaultHpa,
  prepareForCreate(hpa) {
    hpa.status = { desiredReplicas: 0 };
  },
  validate: (hpa) => validateHpa(hpa),
  validateStatusUpdate: (hpa) => validateHpaStatus(hpa),
};
