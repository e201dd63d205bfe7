// End-to-end: volumes, ResourceQuota and LimitRange with kubectl 1.33 (see volumes.mjs).
import { defineVolumeSuite } from "./volumes.mjs";

defineVolumeSuite("1.33");
