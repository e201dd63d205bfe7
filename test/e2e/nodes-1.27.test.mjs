// End-to-end: nodes that stop, come back, join and leave, with kubectl 1.27 (see nodes.mjs).
import { defineNodeSuite } from "./nodes.mjs";

defineNodeSuite("1.27");
