// End-to-end: RBAC, ServiceAccount tokens, can-i and whoami (authentication.k8s.io/v1beta1) with kubectl 1.27 (see rbac.mjs).
import { defineRbacSuite } from "./rbac.mjs";

defineRbacSuite("1.27");
