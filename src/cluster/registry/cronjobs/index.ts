import { CronJob } from "../../../api/schemas/batch/cronjob";
import { CronJob as CronJobMessage } from "../../../api/protobuf/messages/batch";
import { defineResource } from "../define";
import { printer } from "./printer";
import { cronJobStrategy } from "./strategy";

export const cronJobs = defineResource<CronJob>({
  group: "batch",
  version: "v1",
  kind: "CronJob",
  resource: "cronjobs",
  namespaced: true,
  shortNames: ["cj"],
  categories: ["all"],
  schema: CronJob,
  protobuf: CronJobMessage,
  subresources: ["status"],
  hasGeneration: true,
  strategy: cronJobStrategy,
  printer,
});
