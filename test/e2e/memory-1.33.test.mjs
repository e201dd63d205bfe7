// End-to-end: the kubernetes.io memory and CPU resource tasks and a kubelet memory-pressure eviction with kubectl 1.33
// (see memory.mjs).
import { defineMemorySuite } from "./memory.mjs";

defineMemorySuite("1.33");
