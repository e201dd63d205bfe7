// metrics.k8s.io/v1beta1 NodeMetrics and PodMetrics, as metrics-server serves them (`kubectl top`).
import { z } from "zod";
import { atomic, gvk, list, ref, str, typeMetaFields } from "../fields";
import { objectMetadata } from "../meta";

const usage = z
  .record(z.string(), z.string())
  .meta({ description: "The memory and CPU usage, as quantities (cpu in nanocores, memory in Ki)." });

export const ContainerMetrics = z
  .object({ name: str("Container name corresponding to the one from pod.spec.containers."), usage })
  .meta({ id: "io.k8s.metrics.pkg.apis.metrics.v1beta1.ContainerMetrics", description: "Resource usage metrics of a container." });

export const NodeMetrics = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    timestamp: str("The following fields define time interval from which metrics were collected: (timestamp-window, timestamp]."),
    window: str("The length of the interval the usage was measured over."),
    usage,
  })
  .meta({ id: "io.k8s.metrics.pkg.apis.metrics.v1beta1.NodeMetrics", description: "Resource usage metrics of a node.", ...gvk("metrics.k8s.io", "v1beta1", "NodeMetrics") });
export type NodeMetrics = z.infer<typeof NodeMetrics>;

export const PodMetrics = z
  .object({
    ...typeMetaFields,
    metadata: objectMetadata,
    timestamp: str("The following fields define time interval from which metrics were collected: (timestamp-window, timestamp]."),
    window: str("The length of the interval the usage was measured over."),
    containers: list(ref(ContainerMetrics, "Metrics for one container."), "Metrics for all containers are collected within the same time window.", atomic),
  })
  .meta({ id: "io.k8s.metrics.pkg.apis.metrics.v1beta1.PodMetrics", description: "Resource usage metrics of a pod.", ...gvk("metrics.k8s.io", "v1beta1", "PodMetrics") });
export type PodMetrics = z.infer<typeof PodMetrics>;
