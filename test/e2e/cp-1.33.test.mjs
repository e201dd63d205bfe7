// End-to-end: kubectl cp (tar over a WebSocket exec) with kubectl 1.33 (see cp.mjs).
import { defineCpSuite } from "./cp.mjs";

defineCpSuite("1.33");
