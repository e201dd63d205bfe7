import { Job } from "../../../api/schemas/batch/job";
import { defineResource } from "../define";
import { printer } from "./printer";
import { jobStrategy } from "./strategy";

export const jobs = defineResource({
  group: "batch",
  version: "v1",
  kind: "Job",
  resource: "jobs",
  namespaced: true,
  categories: ["all"],
  schema: Job,
  subresources: ["status"],
  hasGeneration: true,
  strategy: jobStrategy,
  printer,
});
