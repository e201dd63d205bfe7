// PodDisruptionBudgets (pkg/registry/policy/poddisruptionbudget): no defaults in policy/v1; a new budget starts with
// an empty status (its four counts at 0) for the disruption controller to fill; spec changes bump the generation
// (hasGeneration) and status writes keep the spec.
import type { Strategy } from "../types";
import { validatePdb, validatePdbStatus, type PdbFields } from "./validation";

export const pdbStrategy: Strategy<PdbFields> = {
  prepareForCreate(pdb) {
    pdb.status = { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 };
  },
  validate: (pdb) => validatePdb(pdb),
  validateStatusUpdate: (pdb) => validatePdbStatus(pdb),
};
