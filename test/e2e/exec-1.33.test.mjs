// End-to-end: kubectl exec over WebSocket with kubectl 1.33 (see exec.mjs).
import { defineExecSuite } from "./exec.mjs";

defineExecSuite("1.33", { websocket: true });
