import { ControllerRevision } from "../../../api/schemas/apps/controllerrevision";
import { defineResource } from "../define";
import { immutableField } from "../jobs/workload-template";
import { nonNegative } from "../pod-template";
import { printer } from "./printer";

export const controllerRevisions = defineResource<ControllerRevision>({
  group: "apps",
  version: "v1",
  kind: "ControllerRevision",
  resource: "controllerrevisions",
  namespaced: true,
  schema: ControllerRevision,
  strategy: {
    validate: (rev) => nonNegative("revision", rev.revision),
    validateUpdate: (rev, old) => immutableField("data", rev.data, old.data),
  },
  printer,
});
