// End-to-end: the kubernetes.io StatefulSet Basics tutorial with kubectl 1.33 (see statefulset.mjs).
import { defineStatefulSetSuite } from "./statefulset.mjs";

defineStatefulSetSuite("1.33");
