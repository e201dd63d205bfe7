import { Deployment } from "../../../api/schemas/apps/deployment";
import { Deployment as DeploymentMessage } from "../../../api/protobuf/messages/apps";
import { defineResource } from "../define";
import { selectorString } from "../pod-template";
import { printer } from "./printer";
import { deploymentStrategy } from "./strategy";

export const deployments = defineResource<Deployment>({
  group: "apps",
  version: "v1",
  kind: "Deployment",
  resource: "deployments",
  namespaced: true,
  shortNames: ["deploy"],
  categories: ["all"],
  schema: Deployment,
  protobuf: DeploymentMessage,
  subresources: ["scale", "status"],
  hasGeneration: true,
  strategy: deploymentStrategy,
  printer,
  scale: {
    specReplicas: (d) => d.spec?.replicas ?? 1,
    // Validation requires a spec (its selector), so a stored object always has one.
    setSpecReplicas: (d, replicas) => {
      if (d.spec) d.spec.replicas = replicas;
    },
    statusReplicas: (d) => d.status?.replicas ?? 0,
    selector: (d) => selectorString(d.spec?.selector),
  },
});
