// `kubectl get hpa`: NAME, REFERENCE (Kind/name), TARGETS (formatHPAMetrics: `cpu: 250%/50%`, `<unknown>` before the
// first metrics, at most two then `+ N more...`), MINPODS, MAXPODS, REPLICAS, AGE, as printHorizontalPodAutoscaler.
import { canonicalQuantity } from "../../../api/quantity";
import type {
  HorizontalPodAutoscaler,
  MetricSpec,
  MetricStatus,
} from "../../../api/schemas/autoscaling/horizontalpodautoscaler";
import { translateTimestampSince } from "../printing/age";
import { ageColumn, column, nameColumn } from "../printing/columns";
import type { Printer } from "../types";

const unknown = "<unknown>";
const quantity = (value: string | number | undefined) => (value == null ? "0" : canonicalQuantity(value));
const percent = (value: number | undefined) => (value == null ? undefined : `${value}%`);

function formatMetric(spec: MetricSpec, status: MetricStatus | undefined): string {
  switch (spec.type) {
    case "External":
    case "Object": {
      const source = spec.type === "External" ? spec.external : spec.object;
      const current = spec.type === "External" ? status?.external?.current : status?.object?.current;
      if (source?.target?.averageValue != null) {
        const now = current?.averageValue != null ? quantity(current.averageValue) : unknown;
        return `${now}/${quantity(source.target.averageValue)} (avg)`;
      }
      return `${current ? quantity(current.value) : unknown}/${quantity(source?.target?.value)}`;
    }
    case "Pods": {
      const current = status?.pods?.current;
      return `${current ? quantity(current.averageValue) : unknown}/${quantity(spec.pods?.target?.averageValue)}`;
    }
    case "Resource":
    case "ContainerResource": {
      const source = spec.type === "Resource" ? spec.resource : spec.containerResource;
      const current = spec.type === "Resource" ? status?.resource?.current : status?.containerResource?.current;
      const name = source?.name ?? "";
      if (source?.target?.averageValue != null) {
        return `${name}: ${current ? quantity(current.averageValue) : unknown}/${quantity(source.target.averageValue)}`;
      }
      return `${name}: ${percent(current?.averageUtilization) ?? unknown}/${percent(source?.target?.averageUtilization) ?? "<auto>"}`;
    }
    default:
      return "<unknown type>";
  }
}

/** formatHPAMetrics. */
export function formatHpaMetrics(specs: MetricSpec[] | undefined, statuses: MetricStatus[] | undefined): string {
  if (!specs?.length) return "<none>";
  const list = specs.map((spec, i) => formatMetric(spec, statuses?.[i]));
  const shown = list.slice(0, 2).join(", ");
  return list.length > 2 ? `${shown} + ${list.length - 2} more...` : shown;
}

export const printer: Printer<HorizontalPodAutoscaler> = {
  columns: [
    nameColumn,
    column("Reference", "string", "scaleTargetRef points to the target resource to scale, and is used to the pods for which metrics should be collected, as well as to actually change the replica count."),
    column("Targets", "string", "metrics contains the specifications for which to use to calculate the desired replica count (the maximum replica count across all metrics will be used).  The desired replica count is calculated multiplying the ratio between the target value and the current value by the current number of pods.  Ergo, metrics used must decrease as the pod count is increased, and vice-versa.  See the individual metric source types for more information about how each type of metric must respond. If not set, the default metric will be set to 80% average CPU utilization."),
    column("MinPods", "string", "minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.  It defaults to 1 pod.  minReplicas is allowed to be 0 if the alpha feature gate HPAScaleToZero is enabled and at least one Object or External metric is configured.  Scaling is active as long as at least one metric value is available."),
    column("MaxPods", "integer", "maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up. It cannot be less that minReplicas."),
    column("Replicas", "string", "currentReplicas is current number of replicas of pods managed by this autoscaler, as last seen by the autoscaler."),
    ageColumn,
  ],
  cells: (hpa, now) => [
    hpa.metadata.name ?? "",
    `${hpa.spec?.scaleTargetRef?.kind ?? ""}/${hpa.spec?.scaleTargetRef?.name ?? ""}`,
    formatHpaMetrics(hpa.spec?.metrics, hpa.status?.currentMetrics),
    hpa.spec?.minReplicas != null ? String(hpa.spec.minReplicas) : "<unset>",
    hpa.spec?.maxReplicas ?? 0,
    hpa.status?.currentReplicas ?? 0,
    translateTimestampSince(hpa.metadata.creationTimestamp, now),
  ],
};
