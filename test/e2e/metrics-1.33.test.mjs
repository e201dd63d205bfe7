// End-to-end: metrics.k8s.io (`kubectl top node`) with kubectl 1.33 (see metrics.mjs; `top pod` and OOMKilled in memory.mjs).
import { defineMetricsSuite } from "./metrics.mjs";

defineMetricsSuite("1.33");
