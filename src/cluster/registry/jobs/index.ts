import { Job } from "../../../api/schemas/batch/job";
import { Job as JobMessage } from "../../../api/protobuf/messages/batch";
import { defineResource } from "../define";
import { printer } from "./printer";
import { jobStrategy } from "./strategy";

export const jobs = defineResource<Job>({
  group: "batch",
  version: "v1",
  kind: "Job",
  resource: "jobs",
  namespaced: true,
  categories: ["all"],
  schema: Job,
  protobuf: JobMessage,
  subresources: ["status"],
  hasGeneration: true,
  strategy: jobStrategy,
  printer,
});
