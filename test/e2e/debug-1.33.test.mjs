// End-to-end: kubectl debug with kubectl 1.33 (see debug.mjs).
import { defineDebugSuite } from "./debug.mjs";

defineDebugSuite("1.33");
