// End-to-end: RBAC, ServiceAccount tokens, can-i and whoami with kubectl 1.33 (see rbac.mjs).
import { defineRbacSuite } from "./rbac.mjs";

defineRbacSuite("1.33");
