// End-to-end: drain under a PodDisruptionBudget with kubectl 1.27 (see drain-pdb.mjs).
import { defineDrainSuite } from "./drain-pdb.mjs";

defineDrainSuite("1.27");
