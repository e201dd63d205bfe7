// End-to-end: kubectl 1.27 speaks only SPDY for exec; the sandbox refuses it naming the kubectl that works (exec.mjs).
import { defineExecSuite } from "./exec.mjs";

defineExecSuite("1.27", { websocket: false });
