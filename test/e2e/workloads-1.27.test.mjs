// End-to-end: workloads with kubectl 1.27 (see workloads.mjs).
import { defineWorkloadSuite } from "./workloads.mjs";

defineWorkloadSuite("1.27");
