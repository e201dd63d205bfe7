// End-to-end: kubectl port-forward with kubectl 1.33 (see portforward.mjs).
import { definePortForwardSuite } from "./portforward.mjs";

definePortForwardSuite("1.33");
