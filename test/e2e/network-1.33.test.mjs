// End-to-end: the cluster network with kubectl 1.33, and helm v4 (see network.mjs).
import { defineNetworkSuite } from "./network.mjs";

defineNetworkSuite("1.33", { withHelm: true });
