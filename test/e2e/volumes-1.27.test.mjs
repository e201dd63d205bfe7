// End-to-end: volumes, ResourceQuota and LimitRange with kubectl 1.27 (see volumes.mjs).
import { defineVolumeSuite } from "./volumes.mjs";

defineVolumeSuite("1.27");
