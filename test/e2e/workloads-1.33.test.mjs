// End-to-end: workloads with kubectl 1.33 (see workloads.mjs).
import { defineWorkloadSuite } from "./workloads.mjs";

defineWorkloadSuite("1.33");
