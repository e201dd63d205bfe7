import { HorizontalPodAutoscaler } from "../../../api/schemas/autoscaling/horizontalpodautoscaler";
import { defineResource } from "../define";
import { printer } from "./printer";
import { hpaStrategy } from "./strategy";

export const horizontalPodAutoscalers = defineResource<HorizontalPodAutoscaler>({
  group: "autoscaling",
  version: "v2",
  kind: "HorizontalPodAutoscaler",
  resource: "horizontalpodautoscalers",
  namespaced: true,
  shortNames: ["hpa"],
  categories: ["all"],
  schema: HorizontalPodAutoscaler,
  subresources: ["status"],
  hasGeneration: true,
  strategy: hpaStrategy,
  printer,
});
