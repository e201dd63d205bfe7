// End-to-end: kubectl 1.30 against a sandbox cluster (see suite.mjs).
import { defineKubectlSuite } from "./suite.mjs";

defineKubectlSuite("1.30");
