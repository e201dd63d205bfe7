// autoscaling/v1 HorizontalPodAutoscalers: served beside autoscaling/v2, stored as v2 and converted per request
// (conversion-v1.ts). `kubectl autoscale` posts this version (in protobuf from kubectl 1.32).
import type { KubeObject } from "../../../api/object";
import { HorizontalPodAutoscalerV1 as HorizontalPodAutoscalerV1Message } from "../../../api/protobuf/messages/autoscaling";
import type { HorizontalPodAutoscaler } from "../../../api/schemas/autoscaling/horizontalpodautoscaler";
import { HorizontalPodAutoscalerV1 } from "../../../api/schemas/autoscaling/horizontalpodautoscaler-v1";
import { defineResource } from "../define";
import { fromV1, toV1 } from "./conversion-v1";
import { horizontalPodAutoscalers } from "./index";
import { printer } from "./printer";

export const horizontalPodAutoscalersV1 = defineResource<HorizontalPodAutoscalerV1>({
  group: "autoscaling",
  version: "v1",
  kind: "HorizontalPodAutoscaler",
  resource: "horizontalpodautoscalers",
  namespaced: true,
  shortNames: ["hpa"],
  categories: ["all"],
  schema: HorizontalPodAutoscalerV1,
  protobuf: HorizontalPodAutoscalerV1Message,
  subresources: ["status"],
  hasGeneration: true,
  printer: { columns: printer.columns, cells: (hpa, now) => printer.cells(fromV1(hpa), now) },
  conversion: {
    storage: horizontalPodAutoscalers,
    fromStorage: (stored: KubeObject) => toV1(stored as HorizontalPodAutoscaler),
    toStorage: fromV1,
  },
});
