// End-to-end: resource usage (metrics.k8s.io, `kubectl top`, OOMKilled) with kubectl 1.33 (see metrics.mjs).
import { defineMetricsSuite } from "./metrics.mjs";

defineMetricsSuite("1.33");
