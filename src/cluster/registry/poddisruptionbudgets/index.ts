import { PodDisruptionBudget } from "../../../api/schemas/policy/poddisruptionbudget";
import { PodDisruptionBudget as PodDisruptionBudgetMessage } from "../../../api/protobuf/messages/policy";
import { defineResource } from "../define";
import { printer } from "./printer";
import { pdbStrategy } from "./strategy";
import type { PdbFields } from "./validation";

export const podDisruptionBudgets = defineResource<PdbFields>({
  group: "policy",
  version: "v1",
  kind: "PodDisruptionBudget",
  resource: "poddisruptionbudgets",
  namespaced: true,
  shortNames: ["pdb"],
  schema: PodDisruptionBudget,
  protobuf: PodDisruptionBudgetMessage,
  subresources: ["status"],
  hasGeneration: true,
  strategy: pdbStrategy,
  printer,
});
