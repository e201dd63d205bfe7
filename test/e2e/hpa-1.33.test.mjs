// End-to-end: the HorizontalPodAutoscaler walkthrough with kubectl 1.33 (see hpa.mjs).
import { defineHpaSuite } from "./hpa.mjs";

defineHpaSuite("1.33");
