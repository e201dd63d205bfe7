// autoscaling/v1 ↔ autoscaling/v2 (pkg/apis/autoscaling/v1/conversion.go): v1 holds one CPU utilization target and
// the current CPU utilization; every other metric, the metrics' statuses, the behaviour and the conditions travel in
// the `autoscaling.alpha.kubernetes.io/*` annotations (the metrics in v1's alpha MetricSpec/MetricStatus form, the
// behaviour as Go marshals the internal type: its field names), so a v1 client that reads and writes an object back
// loses nothing. Round-trip annotations a client sent are dropped before v2's are written, and after reading them.
import { cloneJson } from "../../../api/clone";
import type {
  CrossVersionObjectReference,
  HorizontalPodAutoscaler,
  HorizontalPodAutoscalerBehaviorType,
  HorizontalPodAutoscalerStatus,
  HPAScalingRules,
  MetricIdentifier,
  MetricSpec,
  MetricStatus,
  MetricTarget,
} from "../../../api/schemas/autoscaling/horizontalpodautoscaler";
import type { HorizontalPodAutoscalerV1 } from "../../../api/schemas/autoscaling/horizontalpodautoscaler-v1";
import { defaultCpuUtilization } from "./defaults";

export const metricSpecsAnnotation = "autoscaling.alpha.kubernetes.io/metrics";
export const metricStatusesAnnotation = "autoscaling.alpha.kubernetes.io/current-metrics";
export const conditionsAnnotation = "autoscaling.alpha.kubernetes.io/conditions";
export const behaviorAnnotation = "autoscaling.alpha.kubernetes.io/behavior";
const roundTrip = [
  metricSpecsAnnotation,
  behaviorAnnotation,
  "autoscaling.alpha.kubernetes.io/scale-down-tolerance",
  "autoscaling.alpha.kubernetes.io/scale-up-tolerance",
  metricStatusesAnnotation,
  conditionsAnnotation,
];

type Fields = Record<string, unknown>;
type Meta = HorizontalPodAutoscaler["metadata"];

/** DropRoundTripHorizontalPodAutoscalerAnnotations: a copy of the metadata without them (no empty map left). */
function withoutRoundTrip(meta: Meta): Meta {
  const annotations = meta.annotations;
  if (!annotations || !roundTrip.some((k) => k in annotations)) return meta;
  const kept = Object.fromEntries(Object.entries(annotations).filter(([k]) => !roundTrip.includes(k)));
  const { annotations: _dropped, ...rest } = meta;
  return Object.keys(kept).length ? { ...rest, annotations: kept } : rest;
}

const isCpuUtilization = (m: MetricSpec) => m.type === "Resource" && m.resource?.name === "cpu" && m.resource.target.averageUtilization != null;
const defined = (entries: Fields): Fields => Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
const ref = (r: { kind?: unknown; name?: unknown; apiVersion?: unknown } | undefined) => defined({ kind: r?.kind ?? "", name: r?.name ?? "", apiVersion: r?.apiVersion });

function specToV1(m: MetricSpec): Fields {
  const out: Fields = { type: m.type };
  if (m.object) out.object = defined({ target: ref(m.object.describedObject), metricName: m.object.metric.name, targetValue: m.object.target.value ?? "0", selector: m.object.metric.selector, averageValue: m.object.target.averageValue });
  if (m.pods) out.pods = defined({ metricName: m.pods.metric.name, targetAverageValue: m.pods.target.averageValue ?? "0", selector: m.pods.metric.selector });
  if (m.resource) out.resource = defined({ name: m.resource.name, targetAverageUtilization: m.resource.target.averageUtilization, targetAverageValue: m.resource.target.averageValue });
  if (m.containerResource) {
    const c = m.containerResource;
    out.containerResource = defined({ name: c.name, targetAverageUtilization: c.target.averageUtilization, targetAverageValue: c.target.averageValue, container: c.container });
  }
  if (m.external) out.external = defined({ metricName: m.external.metric.name, metricSelector: m.external.metric.selector, targetValue: m.external.target.value, targetAverageValue: m.external.target.averageValue });
  return out;
}

const str = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : undefined);
const num = (v: unknown) => (typeof v === "number" ? v : undefined);
const rec = (v: unknown): Fields | undefined => (v && typeof v === "object" && !Array.isArray(v) ? (v as Fields) : undefined);
const identifier = (name: unknown, selector: unknown) => defined({ name: str(name) ?? "", selector: rec(selector) }) as MetricIdentifier;
const refBack = (r: unknown) => ref(rec(r)) as CrossVersionObjectReference;

function specFromV1(m: Fields): MetricSpec {
  const out: MetricSpec = { type: str(m.type) ?? "" };
  const o = rec(m.object);
  if (o) out.object = { describedObject: refBack(o.target), metric: identifier(o.metricName, o.selector), target: defined({ type: o.averageValue === undefined ? "Value" : "AverageValue", value: str(o.targetValue) ?? "0", averageValue: str(o.averageValue) }) as MetricTarget };
  const p = rec(m.pods);
  if (p) out.pods = { metric: identifier(p.metricName, p.selector), target: { type: "AverageValue", averageValue: str(p.targetAverageValue) ?? "0" } };
  for (const key of ["resource", "containerResource"] as const) {
    const r = rec(m[key]);
    if (!r) continue;
    const target = defined({ type: r.targetAverageUtilization === undefined ? "AverageValue" : "Utilization", averageValue: str(r.targetAverageValue), averageUtilization: num(r.targetAverageUtilization) }) as MetricTarget;
    if (key === "resource") out.resource = { name: str(r.name) ?? "", target };
    else out.containerResource = { name: str(r.name) ?? "", container: str(r.container) ?? "", target };
  }
  const e = rec(m.external);
  if (e) out.external = { metric: identifier(e.metricName, e.metricSelector), target: defined({ type: e.targetValue === undefined ? "AverageValue" : "Value", value: str(e.targetValue), averageValue: str(e.targetAverageValue) }) as MetricTarget };
  return out;
}

function statusToV1(m: MetricStatus): Fields {
  const out: Fields = { type: m.type };
  if (m.object) out.object = defined({ target: ref(m.object.describedObject), metricName: m.object.metric.name, currentValue: m.object.current.value ?? "0", selector: m.object.metric.selector, averageValue: m.object.current.averageValue });
  if (m.pods) out.pods = defined({ metricName: m.pods.metric.name, currentAverageValue: m.pods.current.averageValue ?? "0", selector: m.pods.metric.selector });
  if (m.resource) out.resource = defined({ name: m.resource.name, currentAverageUtilization: m.resource.current.averageUtilization, currentAverageValue: m.resource.current.averageValue ?? "0" });
  if (m.containerResource) {
    const c = m.containerResource;
    out.containerResource = defined({ name: c.name, currentAverageUtilization: c.current.averageUtilization, currentAverageValue: c.current.averageValue ?? "0", container: c.container });
  }
  if (m.external) out.external = defined({ metricName: m.external.metric.name, metricSelector: m.external.metric.selector, currentValue: m.external.current.value ?? "0", currentAverageValue: m.external.current.averageValue });
  return out;
}

function statusFromV1(m: Fields): MetricStatus {
  const out: MetricStatus = { type: str(m.type) ?? "" };
  const o = rec(m.object);
  if (o) out.object = { metric: identifier(o.metricName, o.selector), current: defined({ value: str(o.currentValue) ?? "0", averageValue: str(o.averageValue) }), describedObject: refBack(o.target) };
  const p = rec(m.pods);
  if (p) out.pods = { metric: identifier(p.metricName, p.selector), current: { averageValue: str(p.currentAverageValue) ?? "0" } };
  for (const key of ["resource", "containerResource"] as const) {
    const r = rec(m[key]);
    if (!r) continue;
    const current = defined({ averageValue: str(r.currentAverageValue) ?? "0", averageUtilization: num(r.currentAverageUtilization) });
    if (key === "resource") out.resource = { name: str(r.name) ?? "", current };
    else out.containerResource = { name: str(r.name) ?? "", container: str(r.container) ?? "", current };
  }
  const e = rec(m.external);
  if (e) out.external = { metric: identifier(e.metricName, e.metricSelector), current: defined({ value: str(e.currentValue) ?? "0", averageValue: str(e.currentAverageValue) }) };
  return out;
}

/** The behaviour as json.Marshal of Go's internal type writes it: field names, nil as null. */
function behaviorToGo(b: HorizontalPodAutoscalerBehaviorType): Fields {
  const rules = (r: HPAScalingRules | undefined) =>
    r
      ? {
          StabilizationWindowSeconds: r.stabilizationWindowSeconds ?? null,
          SelectPolicy: r.selectPolicy ?? null,
          Policies: r.policies ? r.policies.map((p) => ({ Type: p.type, Value: p.value, PeriodSeconds: p.periodSeconds })) : null,
          Tolerance: null,
        }
      : null;
  return { ScaleUp: rules(b.scaleUp), ScaleDown: rules(b.scaleDown) };
}

/** Reads keys as encoding/json does: exact, else ignoring case. */
function field(o: Fields, name: string): unknown {
  if (name in o) return o[name];
  const key = Object.keys(o).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : o[key];
}

function behaviorFromGo(raw: string): HorizontalPodAutoscalerBehaviorType | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const top = rec(parsed);
  if (!top) return undefined;
  const rules = (v: unknown): HPAScalingRules | undefined => {
    const r = rec(v);
    if (!r) return undefined;
    const policies = field(r, "Policies");
    return defined({
      stabilizationWindowSeconds: num(field(r, "StabilizationWindowSeconds")),
      selectPolicy: str(field(r, "SelectPolicy")),
      policies: Array.isArray(policies)
        ? policies.map((p) => {
            const q = rec(p) ?? {};
            return { type: str(field(q, "Type")) ?? "", value: num(field(q, "Value")) ?? 0, periodSeconds: num(field(q, "PeriodSeconds")) ?? 0 };
          })
        : undefined,
    }) as HPAScalingRules;
  };
  const behavior = defined({ scaleUp: rules(field(top, "ScaleUp")), scaleDown: rules(field(top, "ScaleDown")) }) as HorizontalPodAutoscalerBehaviorType;
  return behavior.scaleUp || behavior.scaleDown ? behavior : undefined;
}

function jsonList(raw: string | undefined): Fields[] | undefined {
  if (raw === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.map((m) => rec(m) ?? {}) : undefined;
  } catch {
    return undefined;
  }
}

/** Convert_autoscaling_HorizontalPodAutoscaler_To_v1_HorizontalPodAutoscaler. */
export function toV1(stored: HorizontalPodAutoscaler): HorizontalPodAutoscalerV1 {
  const v2 = cloneJson(stored);
  const spec = v2.spec;
  const status: Partial<HorizontalPodAutoscalerStatus> = v2.status ?? {};
  const metrics = spec?.metrics ?? [];
  const cpu = metrics.find((m) => m.type === "Resource" && m.resource?.name === "cpu");
  let currentCpu: number | undefined;
  for (const m of status.currentMetrics ?? []) {
    if (m.type === "Resource" && m.resource?.name === "cpu" && m.resource.current.averageUtilization != null) currentCpu = m.resource.current.averageUtilization;
  }
  const annotations: Record<string, string> = {};
  const others = metrics.filter((m) => !isCpuUtilization(m)).map(specToV1);
  if (others.length) annotations[metricSpecsAnnotation] = JSON.stringify(others);
  if (status.currentMetrics?.length) annotations[metricStatusesAnnotation] = JSON.stringify(status.currentMetrics.map(statusToV1));
  if (spec?.behavior) annotations[behaviorAnnotation] = JSON.stringify(behaviorToGo(spec.behavior));
  if (status.conditions?.length) annotations[conditionsAnnotation] = JSON.stringify(status.conditions);
  const meta = withoutRoundTrip(v2.metadata);
  const metadata = Object.keys(annotations).length ? { ...meta, annotations: { ...meta.annotations, ...annotations } } : meta;
  return {
    apiVersion: "autoscaling/v1",
    kind: "HorizontalPodAutoscaler",
    metadata,
    spec: {
      scaleTargetRef: ref(spec?.scaleTargetRef) as CrossVersionObjectReference,
      ...(spec?.minReplicas != null ? { minReplicas: spec.minReplicas } : {}),
      maxReplicas: spec?.maxReplicas ?? 0,
      ...(cpu?.resource?.target.averageUtilization != null ? { targetCPUUtilizationPercentage: cpu.resource.target.averageUtilization } : {}),
    },
    status: {
      ...(status.observedGeneration != null ? { observedGeneration: status.observedGeneration } : {}),
      ...(status.lastScaleTime ? { lastScaleTime: status.lastScaleTime } : {}),
      currentReplicas: status.currentReplicas ?? 0,
      desiredReplicas: status.desiredReplicas ?? 0,
      ...(currentCpu !== undefined ? { currentCPUUtilizationPercentage: currentCpu } : {}),
    },
  };
}

/** Convert_v1_HorizontalPodAutoscaler_To_autoscaling_HorizontalPodAutoscaler. */
export function fromV1(v1: HorizontalPodAutoscalerV1): HorizontalPodAutoscaler {
  const annotations = v1.metadata?.annotations ?? {};
  const spec = v1.spec;
  const status = v1.status;
  let metrics: MetricSpec[] = [];
  if (spec?.targetCPUUtilizationPercentage != null) {
    metrics.push({ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: spec.targetCPUUtilizationPercentage } } });
  }
  const others = jsonList(annotations[metricSpecsAnnotation]);
  if (others) metrics = [...others.map(specFromV1), ...metrics];
  if (!metrics.length) metrics = [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: defaultCpuUtilization } } }];
  let currentMetrics: MetricStatus[] | undefined =
    status?.currentCPUUtilizationPercentage != null ? [{ type: "Resource", resource: { name: "cpu", current: { averageUtilization: status.currentCPUUtilizationPercentage } } }] : undefined;
  const statuses = jsonList(annotations[metricStatusesAnnotation]);
  if (statuses) currentMetrics = statuses.map(statusFromV1);
  const conditions = jsonList(annotations[conditionsAnnotation]) as HorizontalPodAutoscalerStatus["conditions"] | undefined;
  const behavior = annotations[behaviorAnnotation] !== undefined ? behaviorFromGo(annotations[behaviorAnnotation]) : undefined;
  return {
    apiVersion: "autoscaling/v2",
    kind: "HorizontalPodAutoscaler",
    metadata: withoutRoundTrip(v1.metadata ?? {}),
    spec: {
      scaleTargetRef: spec?.scaleTargetRef ?? { kind: "", name: "" },
      ...(spec?.minReplicas != null ? { minReplicas: spec.minReplicas } : {}),
      maxReplicas: spec?.maxReplicas ?? 0,
      metrics,
      ...(behavior ? { behavior } : {}),
    },
    ...(status
      ? {
          status: {
            ...(status.observedGeneration != null ? { observedGeneration: status.observedGeneration } : {}),
            ...(status.lastScaleTime ? { lastScaleTime: status.lastScaleTime } : {}),
            currentReplicas: status.currentReplicas ?? 0,
            desiredReplicas: status.desiredReplicas ?? 0,
            ...(currentMetrics ? { currentMetrics } : {}),
            ...(conditions ? { conditions } : {}),
          },
        }
      : {}),
  };
}
