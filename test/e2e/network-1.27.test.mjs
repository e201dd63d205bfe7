// End-to-end: the cluster network with kubectl 1.27 (see network.mjs).
import { defineNetworkSuite } from "./network.mjs";

defineNetworkSuite("1.27");
